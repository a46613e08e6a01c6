/**
 * Hostile input, checked in the built files: an archive of every script-injection trick we know (raw HTML, URLs,
 * front matter, file names) plus symbolic links leading out of content/ is built, and every page is parsed with a
 * real HTML parser and walked: nothing active from content survives, nothing is written outside the output folder.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildResult } from '../src/build.js'
import { loadConfig } from '../src/config.js'
import { RULE } from '../src/constants.js'
import { activeConstructs, forbidsInlineScript, metaCsp } from './helpers/active-html.js'
import { HOSTILE_FILES } from './helpers/hostile-content.js'

const PROJECT = path.resolve(import.meta.dirname, '..')
const SECRET = 'SECRET-CANARY-7f3a9c'

function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  )
}

describe('hostile content, built', () => {
  let root: string
  let out: string
  let result: BuildResult
  let pages: Array<{ rel: string; html: string }>

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'hindsight-hostile-'))
    const content = path.join(root, 'work', 'content')
    mkdirSync(content, { recursive: true })
    for (const [name, text] of Object.entries(HOSTILE_FILES)) writeFileSync(path.join(content, name), text)
    mkdirSync(path.join(root, 'outside', 'dir'), { recursive: true })
    writeFileSync(path.join(root, 'outside', 'secret.md'), `# ${SECRET}\n\n${SECRET}\n`)
    writeFileSync(path.join(root, 'outside', 'dir', 'also-secret.md'), `# ${SECRET}\n`)
    symlinkSync(path.join(root, 'outside', 'secret.md'), path.join(content, 'secret-link.md'))
    symlinkSync('../../outside/secret.md', path.join(content, 'relative-secret-link.md'))
    symlinkSync(path.join(root, 'outside', 'dir'), path.join(content, 'outside-dir'))
    symlinkSync(path.join(root, 'nowhere.md'), path.join(content, 'dangling.md'))
    symlinkSync('raw-html.md', path.join(content, 'inside-link.md'))
    const config = loadConfig(path.join(root, 'work'), {
      templatesDir: path.join(PROJECT, 'templates'),
      contentDir: 'content',
      outDir: 'site',
      cacheDir: path.join(root, 'work', '.cache'),
      search: false,
    })
    result = await build(config)
    out = config.outDir
    pages = walk(out)
      .filter((rel) => rel.endsWith('.html'))
      .map((rel) => ({ rel, html: readFileSync(path.join(out, rel), 'utf8') }))
  }, 300_000)

  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('builds a page for every hostile postmortem', () => {
    const built = result.files.filter((f) => f.slug !== null).map((f) => f.source)
    for (const name of Object.keys(HOSTILE_FILES)) expect(built).toContain(name)
    expect(pages.length).toBeGreaterThan(Object.keys(HOSTILE_FILES).length)
  })

  it('leaves no script, handler, dangerous URL or active element from content in any page', () => {
    const found = pages.flatMap(({ rel, html }) => activeConstructs(html).map((p) => `${rel}: ${p}`))
    expect(found).toEqual([])
  })

  it('has an inspector that catches every construct it looks for (so a clean result means something)', () => {
    const bad = [
      '<script>x</script>',
      '<script src="https://evil.example/x.js"></script>',
      '<img src=x onerror=y>',
      '<a href=" JaVa&#x09;script:x">a</a>',
      '<a href="vbscript:x">a</a>',
      '<img src="data:image/png,x">',
      '<img srcset="x 1x, javascript:y 2x">',
      '<iframe></iframe>',
      '<object></object>',
      '<embed>',
      '<form action="javascript:x"></form>',
      '<form action="/search/" method="post"></form>',
      '<style></style>',
      '<meta http-equiv="refresh" content="0">',
      '<base href="/">',
      '<svg><a xlink:href="javascript:x"></a></svg>',
      '<div class="original"><svg></svg></div>',
      '<div style="background:url(javascript:x)"></div>',
      '<template><img src=x onerror=y></template>',
    ]
    for (const html of bad) expect(activeConstructs(html), html).not.toEqual([])
    expect(
      activeConstructs('<form action="/search/" method="get"></form><script type="module" src="/assets/search.js"></script><link rel="icon" href="data:,">'),
    ).toEqual([])
    expect(forbidsInlineScript("default-src 'self'; script-src 'self' 'unsafe-inline'")).toBe(false)
  })

  it('keeps the payload text escaped, never as markup', () => {
    const all = pages.map((p) => p.html).join('\n')
    expect(all).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;')
    expect(all).not.toMatch(/<script>window\.__pwned/i)
    expect(all).not.toMatch(/<img[^>]+onerror/i)
  })

  it('keeps Atom feeds inert: every HTML text construct of every entry holds nothing active', () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' })
    const feeds = walk(out).filter((rel) => rel.endsWith('.xml') && /feed/.test(rel))
    expect(feeds.length).toBeGreaterThan(0)
    const found: string[] = []
    let checked = 0
    for (const rel of feeds) {
      const feed = (parser.parse(readFileSync(path.join(out, rel), 'utf8')) as { feed: { entry?: unknown } }).feed
      for (const entry of ([] as Array<Record<string, unknown>>).concat((feed.entry ?? []) as Array<Record<string, unknown>>)) {
        for (const key of ['title', 'summary', 'content']) {
          const value = entry[key]
          const text = typeof value === 'object' && value !== null ? String((value as Record<string, unknown>)['#text'] ?? '') : String(value ?? '')
          checked++
          found.push(...activeConstructs(text).map((p) => `${rel} ${key}: ${p}`))
        }
      }
    }
    expect(checked).toBeGreaterThan(0)
    expect(found).toEqual([])
  })

  it('sends a CSP meta tag that forbids inline script on every page', () => {
    for (const { rel, html } of pages) {
      const csp = metaCsp(html)
      expect(csp, rel).not.toBeNull()
      expect(forbidsInlineScript(csp!), `${rel}: ${csp}`).toBe(true)
    }
  })

  it('writes every file inside the output folder, with safe slugs for ../../etc', () => {
    expect(readdirSync(root).sort()).toEqual(['outside', 'work'])
    expect(readdirSync(path.join(root, 'work')).sort()).toEqual(['.cache', 'content', 'site'])
    expect(readdirSync(path.join(root, 'outside')).sort()).toEqual(['dir', 'secret.md'])
    for (const rel of walk(out)) {
      expect(path.resolve(out, rel).startsWith(out + path.sep), rel).toBe(true)
      expect(
        rel.split('/').some((s) => s === '..' || s === '.' || s === ''),
        rel,
      ).toBe(false)
    }
    for (const file of result.files.filter((f) => f.slug !== null)) expect(file.slug, file.source).toMatch(/^[^/\\.][^/\\]*$/)
  })

  it('refuses symbolic links that lead outside content/ (or nowhere) with a located error, and reads none of them', () => {
    for (const source of ['secret-link.md', 'relative-secret-link.md', 'outside-dir', 'dangling.md']) {
      const file = result.files.find((f) => f.source === source)
      expect(file, source).toBeDefined()
      expect(file!.slug).toBeNull()
      expect(file!.diagnostics).toEqual([expect.objectContaining({ severity: 'error', ruleId: RULE.fileSymlink, line: 1, column: 1 })])
    }
    expect(result.files.find((f) => f.source === 'inside-link.md')?.slug).not.toBeNull()
    for (const rel of walk(out)) expect(readFileSync(path.join(out, rel), 'utf8').includes(SECRET), rel).toBe(false)
  })
})
