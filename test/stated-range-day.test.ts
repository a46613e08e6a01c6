import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
/** The record's date and each timeline entry's `date time`. */
function dated(markdown: string): { date: string | null; entries: string[] } {
  const { record } = normalizeDocument('x.md', markdown, options)
  return { date: record.date, entries: record.timeline.map((e) => `${e.date ?? '-'} ${e.time ?? '-'}`) }
}

const timeline = '\n\n## Timeline\n\n- 10:00 errors begin\n- 11:30 resolved\n'

describe('a stated impact range dates a timeline of bare times', () => {
  it('dates the timeline from a range stated outside the summary', () => {
    expect(
      dated(`# API outage\n\n## Summary\n\nThe API failed.\n\n## Impact\n\nOn 2024-03-02 between 10:00 and 11:30 UTC users saw errors.${timeline}`),
    ).toEqual({
      date: '2024-03-02',
      entries: ['2024-03-02 10:00', '2024-03-02 11:30'],
    })
  })

  it("prefers the stated range's day to the publication day", () => {
    const md = `---\ntitle: API outage\ndate: 2024-03-09\n---\n\n## Summary\n\nThe API failed.\n\n## Impact\n\nBetween 10:00 and 11:30 UTC on March 2, 2024, users saw errors.${timeline}`
    expect(dated(md).entries).toEqual(['2024-03-02 10:00', '2024-03-02 11:30'])
  })
})
