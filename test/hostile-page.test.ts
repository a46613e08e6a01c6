/**
 * Content never silently lost or corrupted on the page (issue 19 §4): raw HTML that would swallow the rest of the
 * page, characters XML forbids in feeds and the sitemap, file names that differ only in Unicode normalization, and
 * control characters in `check`'s text report.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { XMLValidator } from 'fast-xml-parser'
import { afterAll, describe, expect, it } from 'vitest'
import { loadDocuments } from '../src/build.js'
import { createBuilder } from '../src/builder.js'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { RULE } from '../src/constants.js'
import { discoverContent } from '../src/content/discover.js'
import { loadDocument, type LoadedDocument } from '../src/document.js'
import { MAX_HTML_NESTING } from '../src/markdown/raw-html-guard.js'
import { formatGithub, formatText } from '../src/report/format.js'
import { atomFeed } from '../src/site/feeds.js'
import { sitemapXml } from '../src/site/sitemap.js'
import { projectsForThisFile } from './build-helpers.js'
import { makeRecord } from './helpers/record.js'

const project = projectsForThisFile()
const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const load = (text: string): LoadedDocument => loadDocument('page/input.md', new TextEncoder().encode(text), options)
const rules = (loaded: LoadedDocument): string[] => loaded.diagnostics.map((d) => d.ruleId)

describe('raw HTML that would swallow the page', () => {
  for (const tag of ['select', 'template', 'textarea', 'script', 'style', 'title', 'iframe', 'noscript', 'xmp', 'plaintext']) {
    it(`an unclosed inline <${tag}> in prose keeps every word after it, shown as text, with a warning`, () => {
      const loaded = load(
        `# Outage\n\nThe form had a <${tag}> in it and then\nthe rest of the sentence.\n\n## Impact\n\nUsers could not log in.\n\n## Timeline\n\n- 10:00 Alert fired\n`,
      )
      const html = loaded.document!.html
      expect(html).toContain('the rest of the sentence.')
      expect(html).toContain('Users could not log in.')
      expect(html).toContain('10:00 Alert fired')
      expect(html).toContain(`&#x3C;${tag}>`)
      expect(loaded.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', ruleId: RULE.htmlUnclosed, line: 3 }))
    })
  }

  it('a closed element is still removed whole by the sanitizer, with no warning', () => {
    const loaded = load('# Outage\n\nBefore <script>alert(1)</script> after, and <select><option>x</option></select> done.\n\n## Impact\n\nNone.\n')
    const html = loaded.document!.html
    expect(html).not.toContain('alert(1)')
    expect(html).not.toContain('<script')
    expect(html).toContain('after, and')
    expect(html).toContain('done.')
    expect(html).toContain('None.')
    expect(rules(loaded)).not.toContain(RULE.htmlUnclosed)
  })
})

describe('characters XML forbids', () => {
  // The XML 1.0 Char production leaves these out; a parser that meets one stops reading the document.
  const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/
  const config = { title: 'Archive', description: '', url: 'https://example.com', base: '/' } as Parameters<typeof atomFeed>[1]
  it('feeds stay well-formed XML with control characters in titles, summaries, authors and tags', () => {
    const record = makeRecord({
      slug: 'x',
      title: 'Bad \u001b[31mred\u001b[0m title\u0001',
      summary: 'Summary with \u0007 bell and \u0000 NUL',
      authors: ['Ann\u0008'],
      tags: ['t\u0002'],
      date: '2024-01-02',
    })
    const xml = atomFeed({ title: 'Archive', path: 'feed.xml', page: '', records: [record], archiveDay: null }, config)
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(FORBIDDEN.test(xml)).toBe(false)
    expect(xml).toContain('Bad [31mred[0m title')
    expect(xml).toContain('Summary with  bell and  NUL')
  })

  it('the sitemap stays well-formed XML', () => {
    const xml = sitemapXml([{ path: 'a\u0001b/index.html', lastmod: '2024-01-02\u0002' }], config)
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(FORBIDDEN.test(xml)).toBe(false)
  })

  it('the normalizer warns about a control character in a feed field, naming where it is', () => {
    const loaded = load('---\ntitle: "Bad \\x01 title"\nsummary: "Sum\\x1b[0m"\n---\n# Ignored\n\nDate: 2024-01-02\n')
    const warnings = loaded.diagnostics.filter((d) => d.ruleId === RULE.textControlCharacter)
    expect(warnings.map((w) => w.message.split(' ')[1])).toEqual(['title', 'summary'])
    expect(warnings[0]).toMatchObject({ severity: 'warning', line: 1, column: 1 })
    expect(rules(load('# Clean title\n\nDate: 2024-01-02\n\nTabs\tare fine.\n'))).not.toContain(RULE.textControlCharacter)
  })
})

describe('file names that differ only in Unicode normalization', () => {
  const roots: string[] = []
  afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })))

  it('one is published, the other refused with an error, and check and build agree', async () => {
    const p = project(1)
    const nfc = 'caf\u00e9-outage.md'
    const nfd = 'cafe\u0301-outage.md'
    writeFileSync(path.join(p.config.contentDir, nfd), '# Cafe outage NFD\n\nDate: 2024-01-01\n\nIt broke.\n')
    writeFileSync(path.join(p.config.contentDir, nfc), '# Cafe outage NFC\n\nDate: 2024-01-01\n\nIt broke.\n')
    const found = await discoverContent(p.config.contentDir)
    expect(found.files.filter((f) => f.source === nfc).map((f) => path.basename(f.absolutePath))).toEqual([nfc])
    expect(found.refused).toEqual([
      expect.objectContaining({ source: nfd, diagnostic: expect.objectContaining({ severity: 'error', ruleId: RULE.fileNameDuplicate }) }),
    ])
    const built = await createBuilder(p.config, { workers: 0 }).build()
    const checked = await loadDocuments(p.config)
    const summary = (files: Array<{ source: string; slug: string | null }>) => files.map((f) => `${f.source} -> ${f.slug}`).sort()
    expect(summary(built.files)).toEqual(summary(checked.files))
    expect(built.files.find((f) => f.source === nfd)!.slug).toBeNull()
    expect(built.files.filter((f) => f.slug?.startsWith('cafe-outage'))).toHaveLength(1)
  })

  it('a folder holding both spellings of one name is discovered the same way whatever the order', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'hindsight-nfc-'))
    roots.push(root)
    mkdirSync(path.join(root, 'c'))
    writeFileSync(path.join(root, 'c', 'r\u00e9seau.md'), '# A\n')
    writeFileSync(path.join(root, 'c', 're\u0301seau.md'), '# B\n')
    const found = await discoverContent(path.join(root, 'c'))
    expect(found.files.map((f) => path.basename(f.absolutePath))).toEqual(['r\u00e9seau.md'])
  })
})

describe("check's text report", () => {
  const crafted = {
    severity: 'warning' as const,
    message: 'Unknown front-matter key `a\n::error file=x.md::injected\r\n::add-mask::secret\u001b[2J`',
    line: 2,
    column: 1,
    ruleId: RULE.frontMatterUnknownKey,
  }
  it('escapes control characters, so no line of the report comes from content', () => {
    const text = formatText([{ file: 'content/evil\n::warning::name.md', diagnostics: [crafted] }])
    for (const line of text.split('\n')) expect(line.startsWith('::'), line).toBe(false)
    expect(text).toContain('a\\n::error file=x.md::injected\\r\\n::add-mask::secret\\x1b[2J')
    expect(text).not.toContain('\u001b')
    const github = formatGithub([{ file: 'x.md', diagnostics: [crafted] }])
    expect(github.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(1)
  })

  it('a front-matter key with a line break prints as one escaped line', () => {
    const loaded = load('---\n"a\\n::error::pwned": 1\ntitle: T\n---\n# T\n')
    const text = formatText([{ file: 'x.md', diagnostics: loaded.diagnostics }])
    expect(text.split('\n').some((l) => l.startsWith('::'))).toBe(false)
    expect(text).toContain('a\\n::error::pwned')
  })
})

describe('images that cannot be copied', () => {
  it('an image outside the postmortem folder, or under a page file name, gets a warning where it is named', () => {
    const loaded = load('# Outage\n\nDate: 2024-01-02\n\n![up](../shared/up.png)\n\n![in](index.html/a.png)\n\n![ok](pics/ok.png)\n')
    const warnings = loaded.diagnostics.filter((d) => d.ruleId === RULE.imageRefused)
    expect(warnings.map((w) => [w.line, w.message.split('`')[1]])).toEqual([
      [5, '../shared/up.png'],
      [7, 'index.html/a.png'],
    ])
    expect(loaded.document!.images).toEqual(['pics/ok.png'])
  })
})

describe('deep inline HTML', () => {
  const spans = (n: number): string => `# Deep\n\nx ${'<span>'.repeat(n)}deepest${'</span>'.repeat(n)}\n`
  /** The page HTML of `text` rendered on a worker thread with the given stack size. */
  async function onThread(text: string, stackSizeMb: number): Promise<string> {
    const code = `const { parentPort, workerData } = require('node:worker_threads')
import(workerData.url).then((m) => parentPort.postMessage(m.loadDocument('a.md', new TextEncoder().encode(workerData.text), { defaultTimezone: null, tagVocabulary: {} }).document.html))`
    const { Worker } = await import('node:worker_threads')
    const worker = new Worker(code, {
      eval: true,
      workerData: { url: path.join(import.meta.dirname, '..', 'dist', 'document.js'), text },
      resourceLimits: { stackSizeMb },
    })
    try {
      return await new Promise<string>((resolve, reject) => {
        worker.once('message', resolve)
        worker.once('error', reject)
      })
    } finally {
      await worker.terminate()
    }
  }

  it('past an explicit depth the document is shown as text, with a warning; below it, rendered', () => {
    const deep = load(spans(MAX_HTML_NESTING + 1))
    expect(deep.document!.html.startsWith('<pre class="unrendered">')).toBe(true)
    expect(deep.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', ruleId: RULE.nestingTooDeep }))
    const shallow = load(spans(MAX_HTML_NESTING - 100))
    expect(shallow.document!.html).toContain('<span><span>')
    expect(rules(shallow)).not.toContain(RULE.nestingTooDeep)
  })

  it('renders the same on a thread with a small stack as on the main thread (check and build agree)', async () => {
    for (const n of [MAX_HTML_NESTING - 100, MAX_HTML_NESTING + 1, 5000]) {
      const text = spans(n)
      expect(await onThread(text, 0.5), `${n} levels`).toBe(load(text).document!.html)
    }
  }, 60_000)
})
