import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
/** The record's date and each timeline entry's `date time`. */
function dated(markdown: string): { date: string | null; entries: string[] } {
  const { record } = normalizeDocument('x.md', markdown, options)
  return { date: record.date, entries: record.timeline.map((e) => `${e.date ?? '-'} ${e.time ?? '-'}`) }
}

const timeline = '\n\n## Timeline\n\n- 22:00 UTC errors begin\n- 00:30 UTC resolved\n'

describe('a report dated the day after the incident', () => {
  it('reads a plain "Date:" over a summary opening "Last night" as the day the report was written', () => {
    expect(dated(`# API outage\n\n**Date:** March 5, 2024\n\n## Summary\n\nLast night the API failed.${timeline}`)).toEqual({
      date: '2024-03-04',
      entries: ['2024-03-04 22:00', '2024-03-05 00:30'],
    })
  })

  it('takes the day the opening names over the day before', () => {
    expect(dated(`# API outage\n\nDate: 2024-03-05\n\n## Summary\n\nYesterday, March 3, the API failed.${timeline}`).date).toBe('2024-03-03')
  })

  it('keeps a date the label gives as the incident\'s, and a plain date when the summary says no "yesterday"', () => {
    expect(dated(`# API outage\n\n**Date of incident:** March 5, 2024\n\n## Summary\n\nLast night the API failed.${timeline}`).date).toBe('2024-03-05')
    expect(dated(`# API outage\n\nDate: 2024-03-05\n\n## Summary\n\nThe API failed.${timeline}`).date).toBe('2024-03-05')
  })
})
