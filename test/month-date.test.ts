import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { readFieldMonth } from '../src/normalize/time/month-stamp.js'
import { dayToDate } from '../src/site/links.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
/** The record's date and each timeline entry's `date time`. */
function dated(markdown: string): { date: string | null; entries: string[] } {
  const { record } = normalizeDocument('x.md', markdown, options)
  return { date: record.date, entries: record.timeline.map((e) => `${e.date ?? '-'} ${e.time ?? '-'}`) }
}

const timeline = '\n\n## Summary\n\nThe API failed.\n\n## Timeline\n\n- 10:00 UTC errors begin\n- 11:00 UTC resolved\n'

describe('an incident dated only by its month', () => {
  it('reads a Date field naming a month as the record date YYYY-MM, and leaves bare times undated', () => {
    expect(dated(`# API outage\n\n**Date of Incident:** March 2023${timeline}`)).toEqual({ date: '2023-03', entries: ['- 10:00', '- 11:00'] })
    expect(dated(`# API-Ausfall\n\n**Date:** März 2023${timeline}`).date).toBe('2023-03')
  })

  it('keeps the month over a publication day in another month, and yields to a day within it', () => {
    expect(dated(`---\ntitle: API outage\ndate: 2023-05-10\n---\n\nDate: March 2023${timeline}`)).toEqual({ date: '2023-03', entries: ['- 10:00', '- 11:00'] })
    const dayInMonth = '# API outage\n\nDate: March 2023\n\n## Timeline\n\n- March 14, 10:00 UTC errors begin\n- 11:00 UTC resolved\n'
    expect(dated(dayInMonth).date).toBe('2023-03-14')
  })

  it('reads only a month as a field month, and dates a feed entry at the month start', () => {
    expect(['March 2023', '2023-03', 'mars 2023', 'marzo de 2023', 'March 3, 2023', '2023-03-03', 'soon'].map(readFieldMonth)).toEqual([
      '2023-03',
      '2023-03',
      '2023-03',
      '2023-03',
      null,
      null,
      null,
    ])
    expect(dayToDate('2023-03').toISOString()).toBe('2023-03-01T00:00:00.000Z')
  })
})
