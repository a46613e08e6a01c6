/**
 * One bad file never takes the build down (issue 19 §2): names the site writes itself, user strings that are also
 * names on Object.prototype, unreadable files and a missing content folder.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import fsp from 'node:fs/promises'
import { syncBuiltinESMExports } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build, loadDocuments } from '../src/build.js'
import { createBuilder } from '../src/builder.js'
import { RULE } from '../src/constants.js'
import { discoverContent } from '../src/content/discover.js'
import { dedupeSlugs } from '../src/dedupe-slugs.js'
import { HindsightError } from '../src/errors.js'
import { searchRecord } from '../src/search/records.js'
import { projectsForThisFile } from './build-helpers.js'
import { makeRecord } from './helpers/record.js'

const project = projectsForThisFile()
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201d3d5a5a80000000049454e44ae426082',
  'hex',
)
const post = (front: string, body = ''): string => `---\n${front}\n---\n# Title\n\nDate: 2024-01-02\n\nSomething broke.\n${body}`

describe('paths the site writes itself', () => {
  it('a postmortem with `slug: index.html` and an image under `index.html/` builds, renamed, next to every other page', async () => {
    const p = project(1)
    mkdirSync(path.join(p.config.contentDir, 'x', 'index.html'), { recursive: true })
    writeFileSync(path.join(p.config.contentDir, 'x', 'index.html', 'a.png'), PNG)
    writeFileSync(path.join(p.config.contentDir, 'x', 'b.png'), PNG)
    writeFileSync(path.join(p.config.contentDir, 'x', 'home.md'), post('title: Home\nslug: index.html', '\n![a](index.html/a.png)\n![b](b.png)\n'))
    writeFileSync(path.join(p.config.contentDir, 'x', 'feed.md'), post('title: Feed\nslug: feed.xml'))
    const result = await createBuilder(p.config, { workers: 0 }).build()
    const home = result.files.find((f) => f.source === 'x/home.md')!
    expect(home.slug).toBe('index.html-2')
    expect(home.diagnostics.map((d) => d.ruleId)).toContain(RULE.slugDuplicate)
    expect(result.files.find((f) => f.source === 'x/feed.md')!.slug).toBe('feed.xml-2')
    expect(readFileSync(path.join(p.config.outDir, 'index.html'), 'utf8')).toContain('<html')
    expect(existsSync(path.join(p.config.outDir, 'index.html-2', 'index.html'))).toBe(true)
    expect(existsSync(path.join(p.config.outDir, 'index.html-2', 'b.png'))).toBe(true)
    for (const f of result.files) if (f.slug) expect(existsSync(path.join(p.config.outDir, f.slug, 'index.html')), f.source).toBe(true)
  })

  it('every top-level name a build writes is a postmortem or reserved', async () => {
    const p = project(1)
    const result = await createBuilder(p.config, { workers: 0 }).build()
    const slugs = new Set(result.files.map((f) => f.slug))
    const { RESERVED_SLUGS } = await import('../src/site/paths.js')
    for (const name of readdirSync(p.config.outDir)) if (!name.startsWith('.') && !slugs.has(name)) expect(RESERVED_SLUGS, name).toContain(name)
  })

  it('a static file takes its top-level name from postmortems too', () => {
    const doc = { source: 'cname.md', document: { record: makeRecord({ slug: 'cname', source: 'cname.md' }), html: '' }, diagnostics: [] }
    expect(dedupeSlugs([doc], ['CNAME']).documents[0]!.record.slug).toBe('cname-2')
  })
})

describe('user strings that are names on Object.prototype', () => {
  const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty']
  it('a site named `constructor` (and the like) is shown by its name everywhere, and indexed', () => {
    const config = { base: '/', sites: { real: 'Real site' } }
    for (const name of names) {
      const record = makeRecord({ site: [name], slug: 'x' })
      const search = searchRecord({ record, html: '' }, config)
      expect(search.meta.site).toBe(name)
      expect(search.filters.site).toEqual([name])
    }
    expect(searchRecord({ record: makeRecord({ site: ['real'] }), html: '' }, config).meta.site).toBe('Real site')
  })

  it('site and tag pages for those names render the names, never a function', async () => {
    const p = project(1)
    writeFileSync(path.join(p.config.contentDir, 'proto.md'), post(`title: Proto\nsite: [${names.join(', ')}]\ntags: [${names.join(', ')}]`))
    const result = await createBuilder(p.config, { workers: 0 }).build()
    expect(result.errors).toBe(0)
    const pages = readdirSync(p.config.outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'))
    for (const page of pages) expect(readFileSync(path.join(p.config.outDir, page), 'utf8'), page).not.toContain('[native code]')
    const sitePage = readFileSync(path.join(p.config.outDir, 'sites', 'constructor', 'index.html'), 'utf8')
    expect(sitePage).toContain('constructor')
  })
})

describe('files that cannot be read', () => {
  it('an unreadable file is a diagnostic for that file, and the rest builds', async () => {
    const p = project(1)
    const discover: typeof discoverContent = async (dir) => {
      const found = await discoverContent(dir)
      return { ...found, files: [...found.files, { source: 'locked.md', absolutePath: path.join(dir, 'locked.md') }] }
    }
    const result = await createBuilder(p.config, { workers: 0, discover }).build()
    const locked = result.files.find((f) => f.source === 'locked.md')!
    expect(locked.slug).toBeNull()
    expect(locked.diagnostics).toEqual([expect.objectContaining({ severity: 'error', ruleId: RULE.fileUnreadable })])
    expect(locked.diagnostics[0]!.message).toMatch(/ENOENT/)
    expect(result.files.filter((f) => f.slug).length).toBe(result.files.length - 1)
  })

  it('check reads the same way: the unreadable file is reported, the others loaded', async () => {
    const p = project(1)
    const found = await discoverContent(p.config.contentDir)
    const locked = found.files[0]!
    const original = fsp.readFile
    fsp.readFile = (async (file: Parameters<typeof original>[0], ...rest: unknown[]) => {
      if (String(file) === locked.absolutePath) throw Object.assign(new Error(`EACCES: permission denied, open '${locked.absolutePath}'`), { code: 'EACCES' })
      return (original as (...args: unknown[]) => unknown)(file, ...rest)
    }) as typeof original
    syncBuiltinESMExports()
    try {
      const { files } = await loadDocuments(p.config)
      const report = files.find((f) => f.source === locked.source)!
      expect(report.slug).toBeNull()
      expect(report.diagnostics).toEqual([
        expect.objectContaining({ severity: 'error', ruleId: RULE.fileUnreadable, message: expect.stringMatching(/EACCES/) }),
      ])
      expect(files.filter((f) => f.slug !== null)).toHaveLength(found.files.length - 1)
    } finally {
      fsp.readFile = original
      syncBuiltinESMExports()
    }
  })

  it('a missing content folder is one line naming the path', async () => {
    const p = project(1)
    const config = { ...p.config, contentDir: path.join(p.root, 'no-such-folder') }
    const error = await build(config).then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(HindsightError)
    expect((error as Error).message).toContain(config.contentDir)
    expect((error as Error).message).not.toContain('\n')
  })
})
