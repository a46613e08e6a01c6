/**
 * Bad input: every malformed, mis-encoded, huge or oddly named file gets a clear diagnostic (file, line, column)
 * and never takes the rest of the archive down. Fixtures live in `test/fixtures/bad-*` (the fixture loop compares
 * their `diagnostics.json`); this file asserts what each case must mean, plus the generated cases too big to commit.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildResult } from '../src/build.js'
import { DEFAULT_TAG_VOCABULARY, loadConfig } from '../src/config.js'
import { MAX_FILE_BYTES, RULE } from '../src/constants.js'
import { decodeContent } from '../src/content/decode.js'
import { loadDocument, type LoadedDocument } from '../src/document.js'
import { slugify } from '../src/site/paths.js'
import type { Diagnostic } from '../src/types.js'
import { badFixtures, deepNesting, GOOD_POSTMORTEM, largePostmortem } from './helpers/bad-content.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const RULE_IDS = new Set<string>(Object.values(RULE))
const load = (source: string, input: string | Uint8Array): LoadedDocument =>
  loadDocument(source, typeof input === 'string' ? new TextEncoder().encode(input) : input, options)
const rules = (d: LoadedDocument): string[] => d.diagnostics.map((x) => x.ruleId)

/** Every diagnostic names a line and a column (1-based integers), a known rule and a sentence. */
export function expectLocated(diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    expect(Number.isInteger(d.line) && (d.line as number) >= 1, `line of ${JSON.stringify(d)}`).toBe(true)
    expect(Number.isInteger(d.column) && (d.column as number) >= 1, `column of ${JSON.stringify(d)}`).toBe(true)
    expect(RULE_IDS.has(d.ruleId), `rule of ${JSON.stringify(d)}`).toBe(true)
    expect(d.message.length).toBeGreaterThan(10)
  }
}

const isSafeSegment = (s: string): boolean => s.length > 0 && s !== '.' && s !== '..' && !/[/\\\s]/.test(s)

/** What each fixture must mean: rules that must appear, and whether it still becomes a page. */
const EXPECT: Record<string, { rules: string[]; page: boolean; check?: (d: LoadedDocument) => void }> = {
  'bad-binary': { rules: [RULE.fileBinary], page: false },
  'bad-empty-file': { rules: [RULE.fileEmpty], page: false },
  'bad-whitespace-only': { rules: [RULE.fileEmpty], page: false },
  'bad-yaml-unclosed-quote': { rules: [RULE.frontMatterInvalid], page: true, check: (d) => expect(d.document?.record.timeline.length).toBe(2) },
  'bad-yaml-tabs': {
    rules: [RULE.frontMatterInvalid],
    page: true,
    check: (d) => expect(d.diagnostics.find((x) => x.ruleId === RULE.frontMatterInvalid)?.line).toBeLessThanOrEqual(7),
  },
  'bad-front-matter-list': { rules: [RULE.frontMatterNotObject], page: true },
  'bad-front-matter-scalar': { rules: [RULE.frontMatterNotObject], page: true },
  'bad-toml': { rules: [RULE.frontMatterInvalid], page: true },
  'bad-latin1': {
    rules: [RULE.fileEncoding],
    page: true,
    check: (d) => {
      expect(d.document?.record.title).toBe('Café outage in Zürich')
      expect(d.diagnostics.find((x) => x.ruleId === RULE.fileEncoding)).toMatchObject({ severity: 'warning', line: 2, column: 11 })
    },
  },
  'bad-utf8-bom': { rules: [], page: true, check: (d) => expect(d.document?.record.title).toBe('Café outage in Zürich') },
  'bad-utf16-bom': { rules: [], page: true, check: (d) => expect(d.document?.record.title).toBe('Café outage in Zürich') },
  'bad-crlf-line-endings': { rules: [], page: true, check: (d) => expect(d.document?.record.tags).toEqual(['cache']) },
  'bad-date-30-30-30': {
    rules: [RULE.dateInvalid, RULE.noDate],
    page: true,
    check: (d) => expect(d.document?.record.date).toBeNull(),
  },
  'bad-date-1990-00-00': {
    rules: [RULE.dateInvalid],
    page: true,
    check: (d) => {
      const record = d.document!.record
      // The invalid stated phases are ignored: detection and resolution are measured from the timeline's wording.
      expect([record.date, record.published, record.metrics.timeToDetectMinutes, record.metrics.timeToResolveMinutes]).toEqual([null, null, 5, 60])
      expect(d.diagnostics.find((x) => x.ruleId === RULE.dateInvalid)).toMatchObject({ severity: 'warning', line: 3, column: 7 })
      expect(JSON.stringify(record, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? 'NaN' : v))).not.toMatch(/NaN|1989-11-30/)
    },
  },
  'bad-title-emoji-only': {
    rules: [],
    page: true,
    check: (d) => {
      expect(d.document?.record.title).toBe('🔥')
      expect(isSafeSegment(slugify('🔥'))).toBe(true)
    },
  },
  'bad-tags-slashes-spaces-scripts': {
    rules: [],
    page: true,
    check: (d) => {
      const record = d.document!.record
      expect(record.tags.length).toBeGreaterThanOrEqual(6)
      expect(record.site.length).toBe(2)
      for (const label of [...record.tags, ...record.site]) expect(isSafeSegment(slugify(label)), `${label} -> ${slugify(label)}`).toBe(true)
      expect(slugify('ネットワーク')).not.toBe(slugify('сеть'))
    },
  },
}

describe('bad-input fixtures', () => {
  const fixtures = badFixtures()

  it('has one expectation per fixture folder', () => {
    expect(fixtures.map((f) => f.name).sort()).toEqual(Object.keys(EXPECT).sort())
  })

  for (const { name, file, bytes } of fixtures) {
    it(`${name}: a located diagnostic, and a page unless the file cannot be read`, () => {
      const loaded = load(`${name}/${file}`, bytes)
      const want = EXPECT[name]!
      expectLocated(loaded.diagnostics)
      for (const rule of want.rules) expect(rules(loaded)).toContain(rule)
      expect(loaded.document !== null).toBe(want.page)
      if (!want.page) expect(loaded.diagnostics.length).toBeGreaterThan(0)
      want.check?.(loaded)
    })
  }

  it('CRLF, CR, UTF-8 BOM and UTF-16 give the same record as plain UTF-8 with LF', () => {
    const plain = load('x.md', GOOD_POSTMORTEM)
    const variants: Uint8Array[] = [
      new TextEncoder().encode(GOOD_POSTMORTEM.replace(/\n/g, '\r\n')),
      new TextEncoder().encode(GOOD_POSTMORTEM.replace(/\n/g, '\r')),
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(GOOD_POSTMORTEM)]),
      new Uint8Array([0xff, 0xfe, ...Buffer.from(GOOD_POSTMORTEM, 'utf16le')]),
    ]
    expect(plain.document?.record.title).toBe('Cache cluster outage')
    for (const bytes of variants) expect(load('x.md', bytes)).toEqual(plain)
  })
})

describe('decodeContent', () => {
  it('reads UTF-16 big-endian with a BOM, and refuses UTF-16 that carries NULs as binary', () => {
    expect(decodeContent(new Uint8Array([0xfe, 0xff, ...Buffer.from('\u00c9t\u00e9\r\nx', 'utf16le').swap16()]))).toEqual({
      text: '\u00c9t\u00e9\nx',
      diagnostics: [],
    })
    expect(decodeContent(new Uint8Array([0xff, 0xfe, ...Buffer.from('a\u0000b', 'utf16le')])).diagnostics[0]?.ruleId).toBe(RULE.fileBinary)
  })

  it('points the Latin-1 warning at the first byte that is not UTF-8', () => {
    const bytes = new Uint8Array([...Buffer.from('# ok\r\n\r\nfine, then '), 0xe9, 0x0a])
    const decoded = decodeContent(bytes)
    expect(decoded.text).toBe('# ok\n\nfine, then \u00e9\n')
    expect(decoded.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', ruleId: RULE.fileEncoding, line: 3, column: 12 })])
  })
})

describe('generated bad inputs', () => {
  it('a 5 MB postmortem is read and normalized', { timeout: 180_000 }, () => {
    const text = largePostmortem(5 * 1024 * 1024)
    expect(text.length).toBeGreaterThanOrEqual(5 * 1024 * 1024)
    const loaded = load('huge.md', text)
    expect(loaded.document?.record.title).toBe('Very long incident log')
    expect(loaded.document?.record.timeline.length).toBeGreaterThan(150)
    expect(rules(loaded)).not.toContain(RULE.fileTooLarge)
    expectLocated(loaded.diagnostics)
  })

  it('a file over the size limit is refused with an error, not read', () => {
    const loaded = load('huger.md', new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61))
    expect(loaded.document).toBeNull()
    expect(loaded.diagnostics).toEqual([expect.objectContaining({ severity: 'error', ruleId: RULE.fileTooLarge, line: 1, column: 1 })])
  })

  for (const [form, depth] of [
    ['listOneLine', 10_000],
    ['quoteOneLine', 10_000],
    ['listIndented', 1_000],
  ] as const) {
    it(`${depth} nested levels (${form}) become a page with a nesting warning, keeping the text`, { timeout: 120_000 }, () => {
      const loaded = load('deep.md', deepNesting[form](depth))
      expect(loaded.document).not.toBeNull()
      expectLocated(loaded.diagnostics)
      const warning = loaded.diagnostics.find((d) => d.ruleId === RULE.nestingTooDeep)
      expect(warning).toMatchObject({ severity: 'warning', line: form === 'listIndented' ? 54 : 3 })
      expect(loaded.document!.html).toContain(form === 'listIndented' ? `level ${depth}` : 'x')
    })
  }

  it('10,000 nested inline HTML elements render (as text when too deep) instead of throwing', { timeout: 120_000 }, () => {
    const loaded = load('spans.md', deepNesting.spans(10_000))
    expect(loaded.document?.html).toContain('deepest')
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  })
})

const PROJECT = path.resolve(import.meta.dirname, '..')
const CLI = path.join(PROJECT, 'dist', 'cli.js')

/** Every file under `dir`, `/`-separated and relative to it. */
function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  )
}

/** Writes `files` ({ 'a/b.md': text }) under `dir`. */
function writeTree(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    writeFileSync(path.join(dir, rel), text)
  }
}

const runCli = (cwd: string, content: string, out: string): number | null =>
  spawnSync(process.execPath, [CLI, 'build', '--content', content, '--out', out], { cwd, encoding: 'utf8', timeout: 300_000 }).status

describe('a build of an archive full of bad files', () => {
  let root: string
  let result: BuildResult
  let out: string
  const odd = {
    'names/Überlauf im Netz 2024-05-01.md': GOOD_POSTMORTEM.replace('Cache cluster outage', 'Überlauf im Netz'),
    'names/障害 報告.md': GOOD_POSTMORTEM.replace('Cache cluster outage', '障害報告'),
    'names/🔥.md': GOOD_POSTMORTEM.replace(/Cache cluster outage/g, '🔥'),
    'names/two  spaces .md': GOOD_POSTMORTEM,
    [`names/${'щ'.repeat(100)}.md`]: GOOD_POSTMORTEM.replace('tags: [cache]', `tags: ["${'障'.repeat(100)}", "${'щ'.repeat(120)}"]`),
    'dup/first.md': GOOD_POSTMORTEM.replace('tags: [cache]', 'slug: same-slug'),
    'dup/second.md': GOOD_POSTMORTEM.replace('tags: [cache]', 'slug: same-slug'),
    'dup/nested/first.md': GOOD_POSTMORTEM,
  }

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'hindsight-bad-'))
    writeFileSync(
      path.join(root, 'hindsight.config.json'),
      JSON.stringify({ templatesDir: path.join(PROJECT, 'templates'), search: false, cacheDir: '.cache' }),
    )
    cpSync(path.join(PROJECT, 'content'), path.join(root, 'content', 'good'), { recursive: true })
    cpSync(path.join(PROJECT, 'content'), path.join(root, 'clean', 'good'), { recursive: true })
    writeTree(path.join(root, 'content'), {
      ...Object.fromEntries(badFixtures().map((f) => [`bad/${f.name}${path.extname(f.file)}`, f.bytes])),
      'generated/huge-log.md': largePostmortem(5 * 1024 * 1024),
      'generated/deep-list.md': deepNesting.listOneLine(10_000),
      'generated/deep-quote.md': deepNesting.quoteOneLine(10_000),
      'generated/deep-spans.md': deepNesting.spans(10_000),
      ...odd,
    })
    writeTree(path.join(root, 'clean'), {
      'warned/latin1.md': badFixtures().find((f) => f.name === 'bad-latin1')!.bytes,
      'warned/empty.md': '',
      'warned/deep.md': deepNesting.listOneLine(100),
      ...odd,
    })
    const config = loadConfig(root, { contentDir: 'content', outDir: 'site-a' })
    result = await build(config)
    out = config.outDir
  }, 600_000)

  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('accounts for every input file: a page, or a diagnostic saying why not', () => {
    const inputs = walk(path.join(root, 'content'))
      .filter((f) => /\.(md|markdown|txt)$/i.test(f))
      .map((f) => f.normalize('NFC'))
      .sort()
    expect(result.files.map((f) => f.source).sort()).toEqual(inputs)
    for (const file of result.files) {
      expectLocated(file.diagnostics)
      if (file.slug === null)
        expect(
          file.diagnostics.some((d) => d.severity !== 'info'),
          file.source,
        ).toBe(true)
      else expect(existsSync(path.join(out, file.slug, 'index.html')), `${file.source} -> ${file.slug}`).toBe(true)
    }
  })

  it('gives every good file its page, with a safe single-segment slug', () => {
    const good = result.files.filter((f) => f.source.startsWith('good/') || f.source.startsWith('names/') || f.source.startsWith('dup/'))
    expect(good).toHaveLength(5 + Object.keys(odd).length)
    for (const file of good) {
      expect(file.slug, file.source).not.toBeNull()
      expect(isSafeSegment(file.slug!), file.slug!).toBe(true)
    }
  })

  it('publishes two files that want the same slug under two slugs, with a warning', () => {
    const dups = result.files.filter((f) => f.source === 'dup/first.md' || f.source === 'dup/second.md')
    expect(new Set(dups.map((f) => f.slug)).size).toBe(2)
    expect(dups.flatMap((f) => f.diagnostics).map((d) => d.ruleId)).toContain(RULE.slugDuplicate)
    const stems = result.files.filter((f) => f.source.endsWith('/first.md'))
    expect(new Set(stems.map((f) => f.slug)).size).toBe(stems.length)
  })

  it('writes tag and site pages for slashy, spaced and non-Latin labels inside the output folder', () => {
    const record = result.documents.find((d) => d.record.source.startsWith('bad/bad-tags'))!.record
    const long = result.documents.find((d) => d.record.source.startsWith('names/щ'))!.record
    const realOut = realpathSync(out)
    for (const [dir, labels] of [
      ['tags', [...record.tags, ...long.tags]],
      ['sites', record.site],
    ] as const) {
      for (const label of labels) {
        const page = path.join(out, dir, slugify(label), 'index.html')
        expect(existsSync(page), `${label} -> ${page}`).toBe(true)
        expect(realpathSync(page).startsWith(realOut + path.sep)).toBe(true)
      }
    }
  })

  it('writes nothing outside the output folder', () => {
    expect(readdirSync(root).sort()).toEqual(['.cache', 'clean', 'content', 'hindsight.config.json', 'site-a'].sort())
    for (const rel of walk(out)) expect(path.resolve(out, rel).startsWith(out + path.sep)).toBe(true)
  })

  it('exits non-zero exactly when an error-severity diagnostic exists', { timeout: 600_000 }, () => {
    expect(result.errors).toBeGreaterThan(0)
    expect(runCli(root, 'content', 'site-b')).toBe(1)
    const clean = loadConfig(root, { contentDir: 'clean', outDir: 'site-c' })
    expect(runCli(root, 'clean', 'site-c')).toBe(0)
    expect(existsSync(path.join(clean.outDir, 'index.html'))).toBe(true)
    rmSync(path.join(root, 'site-b'), { recursive: true, force: true })
    rmSync(path.join(root, 'site-c'), { recursive: true, force: true })
  })
})
