import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { computeMetrics } from '../src/enrich/metrics.js'
import { splitFrontMatter } from '../src/normalize/front-matter/front-matter.js'
import { isRealDateText } from '../src/normalize/front-matter/front-matter-dates.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { frontMatterInstant } from '../src/normalize/front-matter/meta.js'
import { makeRecord, makeTimeline } from './helpers/record.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }

/** Every number in a value that is not finite, and every string that shows a broken date, with its path. */
function brokenValues(value: unknown, at = 'record'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${at} = ${value}`]
  if (typeof value === 'string') return /NaN|Invalid|^0{1,4}-|^\d{5,}-|^\+\d/.test(value) ? [`${at} = ${value}`] : []
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => brokenValues(v, `${at}.${k}`))
  return []
}

describe('isRealDateText', () => {
  it.each([
    '2024-05-01',
    '2024-02-29',
    '2020-08-12 10:00:00 +0200',
    '2021-05-29T22:41:00Z',
    '2021-05-29T22:41:00-00:00',
    '2023-06-10T10:00:00+05:45',
    '2023-06-10T10:00:00.5Z',
    'March 7, 2023',
    '7 Mar 2023',
    'Tue, 7 Mar 2023 at 10:00 AM',
  ])('accepts %s', (text) => {
    expect(isRealDateText(text, false)).toBe(true)
  })

  it.each([
    '1990-00-00',
    '0000-00-00',
    '2023-02-30',
    '2023-02-29',
    '2023-13-45',
    '2023-06-10T25:00:00Z',
    '2023-06-10T10:99:00Z',
    '2023-06-10T10:00:00+25:00',
    '99999-01-01',
    '30/30/30',
    'last Tuesday',
    'February 30, 2023',
    'March 7',
    '10:30',
    '',
  ])('refuses %j as a date', (text) => {
    expect(isRealDateText(text, false)).toBe(false)
  })

  it('accepts a time of day only for a response phase, and only a real one', () => {
    expect(isRealDateText('10:30', true)).toBe(true)
    expect(isRealDateText('23:59:59', true)).toBe(true)
    expect(isRealDateText('25:00', true)).toBe(false)
    expect(isRealDateText('10:60', true)).toBe(false)
  })
})

describe('front-matter dates', () => {
  it('reports `date: 1990-00-00` (which YAML reads as 1989-11-30) at its value with date-invalid, and drops it', () => {
    const file = new VFile({ path: 'x.md' })
    const { matter } = splitFrontMatter('---\ntitle: T\ndate: 1990-00-00\n---\n# T\n', file)
    expect(matter.data['date']).toBeNull()
    expect(file.messages.map((m) => [m.ruleId, m.line, m.column, m.fatal])).toEqual([['date-invalid', 3, 7, false]])
    expect(file.messages[0]?.reason).toContain('1990-00-00')
  })

  it('finds the line of a quoted key and a quoted value, ignoring a trailing comment', () => {
    const file = new VFile()
    splitFrontMatter('---\ntitle: T\n"detected": "2023-02-30T10:00:00Z" # from the pager\n---\n', file)
    expect(file.messages.map((m) => [m.line, m.column])).toEqual([[3, 13]])
    expect(file.messages[0]?.reason).toContain('`2023-02-30T10:00:00Z`')
  })

  it('keeps real dates, status-page booleans and TOML dates as they are', () => {
    const file = new VFile()
    const yaml = splitFrontMatter('---\ndate: 2021-05-29T22:41:00Z\nresolved: true\nseverity: major\n---\n', file).matter.data
    expect(yaml['date']).toEqual(new Date('2021-05-29T22:41:00Z'))
    expect(yaml['resolved']).toBe(true)
    const toml = splitFrontMatter('+++\ndate = 2024-03-04\n+++\n', file).matter.data
    expect(toml['date']).toBeInstanceOf(Date)
    expect(file.messages).toEqual([])
  })

  it('reads a phase written as a time of day (YAML base-60 number, TOML local time) as HH:MM, and a bare time as no date', () => {
    const file = new VFile()
    expect(splitFrontMatter('---\nresolved: 10:30\nmitigated: 25:00\n---\n', file).matter.data).toMatchObject({ resolved: '10:30', mitigated: null })
    expect(splitFrontMatter('+++\ndetected = 09:05:00\ndate = 10:00:00\n+++\n', file).matter.data).toMatchObject({ detected: '09:05', date: null })
    expect(file.messages.map((m) => [m.ruleId, m.line])).toEqual([
      ['date-invalid', 3],
      ['date-invalid', 3],
    ])
  })

  it('a stated phase time of day is measured on the incident day', () => {
    const { record } = normalizeDocument(
      'x.md',
      '---\ntitle: T\ndate: 2024-03-04\nresolved: 11:30\n---\n\n## Timeline (UTC)\n\n- 10:00 Alert fired\n- 11:00 Service restored\n',
      options,
    )
    expect(record.metrics.resolved).toEqual({ at: '2024-03-04T11:30:00+00:00', inferred: false })
    expect(record.metrics.timeToResolveMinutes).toBe(90)
  })

  it("a phase written as a date-time without a zone is local: placed in the document's zone, never read as UTC", () => {
    const head = '---\ntitle: T\ndate: 2024-03-04\nresolved: 2024-03-04T11:30:00\n---\n\n'
    const zoned = normalizeDocument('x.md', `${head}## Timeline (CET)\n\n- 10:00 Alert fired\n- 11:00 Service restored\n`, options).record
    expect(zoned.metrics.resolved).toEqual({ at: '2024-03-04T11:30:00+01:00', inferred: false })
    const unzoned = normalizeDocument('x.md', `${head}## Timeline\n\n- 10:00 Alert fired\n- 11:00 Service restored\n`, options).record
    expect(unzoned.metrics.resolved).toEqual({ at: '2024-03-04T11:30:00', inferred: false })
    expect(unzoned.metrics.timeToResolveMinutes).toBe(90)
  })

  it.each([
    '---\ndate: 1990-00-00\ndetected: 1990-00-00\nmitigated: 1990-00-00T10:00:00Z\nresolved: 2023-06-10T10:00:00+25:00\n---',
    "---\ndate: '1990-00-00'\nresolvedWhen: 0000-00-00\nseverity: major\naffected: [api]\n---",
    '---\ndate: 2023-02-30\ndetected: 99:99\nresolved: "+275760-09-14"\n---',
    '+++\ndate = 10:00:00\ndetected = 23:00:00\n+++',
  ])('never gives NaN or a malformed date anywhere in the record: %j', (head) => {
    const text = `${head}\n\n# Outage\n\nDate: 1990-00-00\n\n## Timeline\n\n- 10:00 Alert fired and engineers were paged\n- 11:00 Service restored\n`
    const { record } = normalizeDocument('x.md', text, options)
    expect(brokenValues(record)).toEqual([])
    expect(record.date).toBeNull()
    expect(record.diagnostics.filter((d) => d.ruleId === 'date-invalid').length).toBeGreaterThan(0)
    for (const d of record.diagnostics) expect([d.line, d.column]).not.toContain(null)
  })
})

describe('year-0 and out-of-range dates', () => {
  const yearZero = new Date(Date.UTC(0, 0, 1, 10, 0))
  yearZero.setUTCFullYear(0)

  it('frontMatterInstant refuses years outside 1..9999', () => {
    expect(frontMatterInstant(yearZero)).toBeNull()
    expect(frontMatterInstant('+275760-09-13')).toBeNull()
    expect(frontMatterInstant(new Date(Number.NaN))).toBeNull()
    expect(frontMatterInstant('2024-03-04')).toEqual({ date: '2024-03-04', at: null })
  })

  it('computeMetrics ignores a stated phase in year 0 and infers it from the timeline instead', () => {
    const record = makeRecord({
      date: '2024-03-04',
      timeline: makeTimeline([
        ['10:00', 'Alert fired'],
        ['11:00', 'Service restored'],
      ]),
    })
    const metrics = computeMetrics(record, { resolved: yearZero })
    expect(metrics.resolved?.inferred).toBe(true)
    expect(metrics.timeToResolveMinutes).toBe(60)
  })
})
