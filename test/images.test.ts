/**
 * Images a postmortem shows from beside its source file are copied beside its page, so `![](graph.png)` works on
 * the published site as it does on GitHub. Only relative paths to image formats, never above the postmortem's folder,
 * never SVG, never through a link leading outside content/.
 */
import { appendFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../src/build.js'
import { createBuilder } from '../src/builder.js'
import { localImages } from '../src/site/images.js'
import { projectsForThisFile, siteManifest } from './build-helpers.js'

const project = projectsForThisFile()

describe('localImages', () => {
  it('takes relative image paths, decoded and normalised, and nothing that leaves the folder or names a host', () => {
    const html = [
      '<p><img src="graph.png" alt="a"><img src="./shots/Latency%20p99.PNG?v=2#x" alt="b"><img src="graph.png" alt="again"></p>',
      '<img src="https://example.com/a.png"><img src="//example.com/b.png"><img src="/abs.png"><img src="../up.png">',
      '<img src="a/../../up2.png"><img src="evil.svg"><img src="notes.txt"><img src="data:image/png;base64,AAAA">',
      '<img src="a&#x26;b.jpg"><img src="%ZZ.png"><img src="x\\..\\y.png"><img alt="no src">',
    ].join('')
    expect(localImages(html)).toEqual(['graph.png', 'shots/Latency p99.PNG', 'a&b.jpg'])
  })
})

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
const TEXT =
  '# Cache stampede\n\nDate: 2024-03-02\n\n## Impact\n\nSlow pages.\n\n![Latency](shots/latency.png)\n![Outside](../outside.png)\n![Vector](diagram.svg)\n![Missing](shots/missing.png)\n'

function withImages(p: ReturnType<typeof project>): string {
  const dir = path.join(p.config.contentDir, 'team')
  mkdirSync(path.join(dir, 'shots'), { recursive: true })
  writeFileSync(path.join(dir, '2024-03-02-cache-stampede.md'), TEXT)
  writeFileSync(path.join(dir, 'shots', 'latency.png'), PNG)
  writeFileSync(path.join(p.config.contentDir, 'outside.png'), PNG)
  writeFileSync(path.join(dir, 'diagram.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
  return dir
}

describe('images beside a postmortem', () => {
  it('are copied beside its page, and nothing else is', async () => {
    const p = project(1)
    withImages(p)
    const result = await build(p.config)
    const slug = result.files.find((f) => f.source === 'team/2024-03-02-cache-stampede.md')!.slug!
    expect(readFileSync(path.join(p.config.outDir, slug, 'shots', 'latency.png'))).toEqual(PNG)
    expect(readFileSync(path.join(p.config.outDir, slug, 'index.html'), 'utf8')).toContain('src="shots/latency.png"')
    const copied = [...siteManifest(p.config.outDir).keys()].filter((f) => /\.(png|svg)$/.test(f))
    expect(copied).toEqual([`${slug}/shots/latency.png`])
  })

  it('follow the image file: a changed image is written again, a dropped reference removes it, as a cold build would', async () => {
    const p = project(1)
    const dir = withImages(p)
    const first = await build(p.config)
    const slug = first.files.find((f) => f.source === 'team/2024-03-02-cache-stampede.md')!.slug!
    const changed = Buffer.concat([PNG, Buffer.from('00', 'hex')])
    writeFileSync(path.join(dir, 'shots', 'latency.png'), changed)
    const second = await build(p.config)
    expect(second.scope).toBe('full')
    expect(readFileSync(path.join(p.config.outDir, slug, 'shots', 'latency.png'))).toEqual(changed)
    expect(second.pagesWritten).toBe(1)
    // The page alone changes (a prose edit), and the image is kept.
    appendFileSync(path.join(dir, '2024-03-02-cache-stampede.md'), '\nWe also learned to warm the cache.\n')
    await build(p.config)
    expect(readFileSync(path.join(p.config.outDir, slug, 'shots', 'latency.png'))).toEqual(changed)
    writeFileSync(path.join(dir, '2024-03-02-cache-stampede.md'), TEXT.replace('![Latency](shots/latency.png)\n', ''))
    await build(p.config)
    const cold = project(1)
    const coldDir = withImages(cold)
    writeFileSync(path.join(coldDir, 'shots', 'latency.png'), changed)
    writeFileSync(path.join(coldDir, '2024-03-02-cache-stampede.md'), TEXT.replace('![Latency](shots/latency.png)\n', ''))
    await build(cold.config)
    expect(siteManifest(p.config.outDir)).toEqual(siteManifest(cold.config.outDir))
  })

  it('in `dev`, a saved image is copied again at once', async () => {
    const p = project(1)
    const dir = withImages(p)
    const builder = createBuilder(p.config, { mode: 'dev' })
    const first = await builder.build()
    const slug = first.files.find((f) => f.source === 'team/2024-03-02-cache-stampede.md')!.slug!
    const changed = Buffer.concat([PNG, Buffer.from('0102', 'hex')])
    writeFileSync(path.join(dir, 'shots', 'latency.png'), changed)
    await builder.update([path.join(dir, 'shots', 'latency.png')])
    expect(readFileSync(path.join(p.config.outDir, slug, 'shots', 'latency.png'))).toEqual(changed)
  })

  it('are never read through a link that leads outside content/', async () => {
    const p = project(1)
    const dir = withImages(p)
    const secret = path.join(p.root, 'secret.png')
    writeFileSync(secret, Buffer.from('not for the site'))
    rmSync(path.join(dir, 'shots', 'latency.png'))
    symlinkSync(secret, path.join(dir, 'shots', 'latency.png'))
    const result = await build(p.config)
    const slug = result.files.find((f) => f.source === 'team/2024-03-02-cache-stampede.md')!.slug!
    expect([...siteManifest(p.config.outDir).keys()].filter((f) => f.startsWith(`${slug}/`))).toEqual([`${slug}/index.html`, `${slug}/postmortem.json`])
  })
})
