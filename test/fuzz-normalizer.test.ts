/**
 * Property-based tests (fast-check, fixed seed): whatever bytes arrive, `loadDocument` returns without throwing,
 * within a per-input time bound (a hang guard, not a performance test), and every record it returns matches
 * `schema/postmortem.schema.json`. Inputs: arbitrary strings and bytes, mutations of the seeds (content/) and of the
 * corpus (../shared/corpus, skipped when absent), and timelines generated from a grammar of times, dates and zones.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { Ajv } from 'ajv'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { loadDocument } from '../src/document.js'

const SEED = 20261123
const PER_INPUT_MS = 2000
const PROJECT = path.resolve(import.meta.dirname, '..')
const CORPUS = path.resolve(PROJECT, '..', 'shared', 'corpus')

const schema = JSON.parse(readFileSync(path.join(PROJECT, 'schema', 'postmortem.schema.json'), 'utf8')) as object
const ajv = new Ajv({ allowUnionTypes: true, allErrors: true })
const validate = ajv.compile(schema)
const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const encoder = new TextEncoder()
let cases = 0

/** The property every input must satisfy: no throw, no hang, a schema-valid record (or none, with a reason). */
function holds(input: string | Uint8Array): boolean {
  cases++
  const bytes = typeof input === 'string' ? encoder.encode(input) : input
  const started = performance.now()
  const loaded = loadDocument('fuzz/input.md', bytes, options)
  const elapsed = performance.now() - started
  if (elapsed > PER_INPUT_MS) throw new Error(`loadDocument took ${Math.round(elapsed)} ms on one input (hang guard ${PER_INPUT_MS} ms)`)
  if (loaded.document === null) {
    if (loaded.diagnostics.length === 0) throw new Error('no record and no diagnostic saying why')
    return true
  }
  if (!validate(JSON.parse(JSON.stringify(loaded.document.record)))) throw new Error(`record does not match the schema: ${ajv.errorsText(validate.errors)}`)
  if (typeof loaded.document.html !== 'string') throw new Error('html is not a string')
  return true
}

/** Runs a property with the fixed seed; `examples` are earlier counterexamples (other seeds), always run first. */
const run = (property: fc.IProperty<[unknown]> | fc.IProperty<[string]> | fc.IProperty<[Uint8Array]>, numRuns: number, examples: unknown[] = []): void =>
  fc.assert(property as fc.IProperty<unknown[]>, { seed: SEED, numRuns, examples: examples.map((e) => [e]) })

/** Characters Markdown, front matter and the timeline parsers care about, plus controls and odd Unicode. */
const SPECIAL = [
  '\n',
  '\r\n',
  '\r',
  '\t',
  ' ',
  '#',
  '-',
  '*',
  '_',
  '`',
  '~',
  '|',
  ':',
  '>',
  '[',
  ']',
  '(',
  ')',
  '<',
  '/',
  '!',
  '\\',
  '+',
  '=',
  '"',
  "'",
  '---\n',
  '+++\n',
  '\u0000',
  '\u0007',
  '\u001b',
  '\u00a0',
  '\u200b',
  '\u2028',
  '\ufeff',
  '\ud800',
  '\u{1F525}',
  'é',
  'ß',
  '東',
  'ا',
  '\u0301',
  '12',
  '09:00',
  '2024',
]
const special = fc.constantFrom(...SPECIAL)
const markdownish = fc
  .array(fc.oneof(special, fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 80 })
  .map((parts) => parts.join(''))

function readDocs(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(md|markdown|txt)$/.test(f) && f !== 'README.md')
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
}

/** One edit of a document: delete, duplicate or move a slice, insert noise, or truncate. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 200 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: markdownish }),
  fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
)
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never

function mutate(text: string, edits: Mutation[]): string {
  for (const edit of edits) {
    const at = 'at' in edit ? edit.at % (text.length + 1) : 0
    if (edit.kind === 'delete') text = text.slice(0, at) + text.slice(at + edit.length)
    else if (edit.kind === 'duplicate') text = text.slice(0, at + edit.length) + text.slice(at, at + edit.length) + text.slice(at + edit.length)
    else if (edit.kind === 'insert') text = text.slice(0, at) + edit.text + text.slice(at)
    else if (edit.kind === 'truncate') text = text.slice(0, at)
    else {
      const lines = text.split('\n')
      const a = edit.a % lines.length
      const b = edit.b % lines.length
      ;[lines[a], lines[b]] = [lines[b]!, lines[a]!]
      text = lines.join('\n')
    }
  }
  return text
}

const pad = (n: number): string => String(n).padStart(2, '0')
const MONTHS = ['January', 'Feb', 'March', 'Apr.', 'May', 'June', 'Jul', 'August', 'Sept', 'October', 'Nov', 'December']
const time = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 29 }), fc.integer({ min: 0, max: 65 })).map(([h, m]) => `${pad(h)}:${pad(m)}`),
  fc
    .tuple(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom('AM', 'PM', 'am', 'p.m.', 'pm'))
    .map(([h, m, s]) => `${h}:${pad(m)} ${s}`),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.constantFrom('am', 'pm', 'PM')).map(([h, s]) => `${h}${s}`),
  fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 61 }))
    .map(([h, m, s]) => `${pad(h)}:${pad(m)}:${pad(s)}`),
  fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${pad(h)}${pad(m)}`),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${h}.${pad(m)} AM`),
)
const date = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
  fc.tuple(fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 2100 })).map(([d, m, y]) => `${pad(d)}.${pad(m)}.${y}`),
  fc.tuple(fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 99 })).map(([d, m, y]) => `${d}/${m}/${pad(y)}`),
  fc
    .tuple(fc.constantFrom(...MONTHS), fc.integer({ min: 0, max: 32 }), fc.constantFrom('st', 'nd', 'rd', 'th', ''), fc.integer({ min: 1999, max: 2030 }))
    .map(([m, d, s, y]) => `${m} ${d}${s}, ${y}`),
  fc.tuple(fc.integer({ min: 1, max: 31 }), fc.constantFrom(...MONTHS)).map(([d, m]) => `${d} ${m}`),
  fc.constantFrom('Monday', 'Tue', 'yesterday', 'Day 2', ''),
)
const zone = fc.constantFrom(
  '',
  'UTC',
  'Z',
  'GMT',
  'CET',
  'CEST',
  'PST',
  'PDT',
  'EST',
  'IST',
  '+02:00',
  '-0530',
  'UTC+1',
  'GMT-8',
  'Europe/Berlin',
  'America/New_York',
  'Pacific Time',
  'XYZ',
  'Mars/Olympus',
)
const separator = fc.constantFrom(' ', ' - ', ': ', ' | ', ' – ', ' — ', '\t', ' -- ', ']: ', ' ')
const decorate = fc.constantFrom(
  (s: string) => s,
  (s: string) => `[${s}]`,
  (s: string) => `*${s}*`,
  (s: string) => `**${s}:**`,
  (s: string) => `\`${s}\``,
)
const event = fc.oneof(
  fc.constantFrom('Alert fired', 'Rolled back the deploy', 'Service restored', 'DNS resolver failed', 'Incident resolved', ''),
  fc.string({ maxLength: 30 }),
)
const entry = fc
  .tuple(fc.option(date, { nil: undefined }), time, zone, separator, decorate, event)
  .map(([d, t, z, sep, dec, text]) => `${dec([d, t, z].filter(Boolean).join(' '))}${sep}${text}`)
const timelineDoc = fc
  .tuple(
    fc.constantFrom('## Timeline', '## Timeline (UTC)', 'Timeline:', '**Timeline**', 'TIMELINE', '## Incident timeline (all times CEST)'),
    fc.constantFrom('list', 'table', 'plain', 'br', 'code'),
    fc.array(entry, { minLength: 1, maxLength: 12 }),
    fc.option(date, { nil: undefined }),
  )
  .map(([heading, shape, lines, docDate]) => {
    const body =
      shape === 'list'
        ? lines.map((l) => `- ${l}`).join('\n')
        : shape === 'table'
          ? `| Time | Event |\n| --- | --- |\n${lines.map((l) => `| ${l.replace(/\|/g, '/').replace(/(\S+)\s/, '$1 | ')} |`).join('\n')}`
          : shape === 'br'
            ? lines.join('<br>\n')
            : shape === 'code'
              ? lines.map((l) => `    ${l}`).join('\n')
              : lines.join('\n')
    return `# Generated incident\n\n${docDate ? `Date: ${docDate}\n\n` : ''}${heading}\n\n${body}\n\n## Action items\n\n- [ ] fix it\n`
  })

describe('fuzzing loadDocument (fast-check, seed ' + String(SEED) + ')', () => {
  it('survives arbitrary Unicode strings, including controls and lone surrogates', { timeout: 120_000 }, () => {
    run(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), markdownish), holds), 300)
  })

  it('survives arbitrary bytes (any encoding, NULs, BOMs)', { timeout: 120_000 }, () => {
    const bom = fc.constantFrom(new Uint8Array([]), new Uint8Array([0xef, 0xbb, 0xbf]), new Uint8Array([0xff, 0xfe]), new Uint8Array([0xfe, 0xff]))
    run(
      fc.property(
        fc.tuple(bom, fc.uint8Array({ maxLength: 600 })).map(([b, rest]) => new Uint8Array([...b, ...rest])),
        holds,
      ),
      200,
    )
  })

  it('survives front matter built from noise', { timeout: 120_000 }, () => {
    const value = fc.oneof(
      markdownish,
      fc.constantFrom(
        '[a, b',
        '"open',
        "'",
        '{',
        '- x',
        '2024-13-45',
        '30/30/30',
        '|',
        '>',
        '!!binary x',
        '&a *a',
        '~',
        'null',
        '1e999',
        '{a: b}',
        '[[a], {b: c}]',
        '5',
        'true',
        '2024-01-01T25:00:00Z',
        '2024-02-30',
        '!!js/function "function(){}"',
        '!!python/object:x {}',
        '*undefined',
        '<<: {a: 1}',
        '0x1F',
        '.inf',
        '"\\u0000"',
      ),
    )
    const key = fc.constantFrom(
      'title',
      'date',
      'tags',
      'site',
      'authors',
      'author',
      'severity',
      'slug',
      'categories',
      'detected',
      'resolved',
      'summary',
      'tagz',
      '',
    )
    const doc = fc
      .tuple(
        fc.constantFrom('---', '+++', '---yaml', '--- '),
        fc.array(fc.tuple(key, fc.constantFrom(': ', ' = ', ':', ':\n  - ', ':\t'), value), { maxLength: 8 }),
        fc.constantFrom('---', '+++', '', '...'),
        markdownish,
      )
      .map(([open, pairs, close, body]) => `${open}\n${pairs.map(([k, s, v]) => `${k}${s}${v}`).join('\n')}\n${close}\n${body}`)
    // Seed 1 found: a duplicate YAML key reported at column 0.
    run(fc.property(doc, holds), 300, ['---\ntags: \ntags: \n---\n'])
  })

  it('survives random mutations of the seed postmortems in content/', { timeout: 180_000 }, () => {
    const seeds = readDocs(path.join(PROJECT, 'content'))
    expect(seeds.length).toBeGreaterThanOrEqual(5)
    run(
      fc.property(
        fc.tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([text, edits]) => mutate(text, edits)),
        holds,
      ),
      150,
    )
  })

  it.skipIf(!existsSync(CORPUS))('survives random mutations of the corpus postmortems', { timeout: 180_000 }, () => {
    const corpus = readDocs(CORPUS)
    expect(corpus.length).toBeGreaterThanOrEqual(10)
    run(
      fc.property(
        fc.tuple(fc.constantFrom(...corpus), fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([text, edits]) => mutate(text, edits)),
        holds,
      ),
      150,
    )
  })

  it('survives timelines generated from a grammar of times, dates, zones and separators', { timeout: 120_000 }, () => {
    // Seed 3 found: an impossible document date (month 00) gave metrics.detected = { at: null }.
    run(fc.property(timelineDoc, holds), 300, [
      '# Generated incident\n\nDate: 1990-00-00\n\n## Timeline\n\n- 1am Alert fired\n- 00:00 \n\n## Action items\n\n- [ ] fix it\n',
    ])
  })

  afterAll(() => {
    console.log(`fuzz-normalizer: ${cases} inputs through loadDocument, seed ${SEED}`)
  })
})
