import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { findDates } from '../src/normalize/time/datetime.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }

describe('a day written by its weekday and ordinal alone', () => {
  it('takes the month of the document’s day, or the month next to it, where the weekday falls on that day', () => {
    const day = (text: string, around: string | null) => {
      const [d] = findDates(text, { around })
      return d ? `${d.year}-${d.month}-${d.day}` : null
    }
    expect(day('Monday 3rd', '2024-06-10')).toBe('2024-6-3')
    expect(day('Tuesday the 2nd', '2024-06-28')).toBe('2024-7-2')
    expect(day('Friday 31st', '2024-06-03')).toBe('2024-5-31')
    expect(day('Monday 4th', '2024-06-10')).toBeNull()
    expect(day('Monday 3rd', null)).toBeNull()
  })

  it('dates timeline entries and a stated range of days from the document', () => {
    const doc = [
      '---',
      'date: 2024-06-03',
      '---',
      '# Storage degradation',
      '',
      '## Summary',
      '',
      'The storage cluster was degraded from Monday 3rd to Wednesday 5th.',
      '',
      '## Timeline',
      '',
      '- Monday 3rd 09:00 UTC: disk alerts fire',
      '- Wednesday 5th 17:00 UTC: last node replaced',
    ].join('\n')
    const { record } = normalizeDocument('x.md', doc, options)
    expect(record.timeline.map((e) => `${e.at} ${e.text}`)).toEqual([
      '2024-06-03T09:00:00+00:00 disk alerts fire',
      '2024-06-05T17:00:00+00:00 last node replaced',
    ])
    expect([record.impact.start?.date, record.impact.end?.date]).toEqual(['2024-06-03', '2024-06-05'])
  })
})
