import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const at = (m: { date: string | null; time: string | null } | null) => (m ? `${m.date ?? ''} ${m.time ?? ''}`.trim() : null)
const read = (text: string) => {
  const { record } = normalizeDocument('w.md', text, options)
  return [at(record.impact.start), at(record.impact.end), record.impact.durationMinutes, record.impact.source]
}
const TIMELINE =
  '\n\n## Timeline\n\n- 2024-03-03 09:12 UTC disk controller fails\n- 2024-03-04 10:00 UTC vendor engaged\n- 2024-03-05 16:40 UTC the team replaces the disk\n- 2024-03-06 09:00 UTC postmortem meeting\n'

describe('a range of days stated without clock times is the impact window', () => {
  it.each([
    ['Uploads failed between 2024-03-03 and 2024-03-05.'],
    ['Customers could not upload files from March 3 to March 5, 2024.'],
    ['Uploads were unavailable on 3–5 March 2024 for all customers.'],
    ['Uploads were unavailable March 3-5, 2024 for all customers.'],
  ])('%s', (sentence) => {
    expect(read(`# Storage outage\n\n## Impact\n\n${sentence}\n`)).toEqual(['2024-03-03', '2024-03-05', 2880, 'stated'])
  })

  it('takes the times of the timeline events on those days and measures the window from them', () => {
    expect(read(`# Storage outage\n\n## Impact\n\nCustomers could not upload files between 2024-03-03 and 2024-03-05.${TIMELINE}`)).toEqual([
      '2024-03-03 09:12',
      '2024-03-05 16:40',
      3328,
      'stated',
    ])
  })

  it('reads no range from two days that are not joined as one ("on March 3 and rolled back on March 5")', () => {
    const r = read('# Storage outage\n\n## Impact\n\nWe deployed the change on March 3, 2024 and it failed uploads until a rollback on March 9, 2024.\n')
    expect(r[1]).not.toBe('2024-03-09')
  })
})

describe('a date without a year that opens a range takes the year of its end', () => {
  const dateOf = (text: string) => normalizeDocument('w.md', text, options).record.date
  it('dates the incident by the range’s first day', () => {
    expect(dateOf('# Storage outage\n\nThe outage lasted from March 3 to March 5, 2024, while the cluster rebuilt.\n')).toBe('2024-03-03')
    expect(dateOf('# Storage outage\n\nUploads failed between March 3 and March 5, 2024.\n')).toBe('2024-03-03')
  })
  it('takes the year before when the range crosses New Year', () => {
    expect(dateOf('# Storage outage\n\nThe outage lasted from December 30 to January 2, 2024, while the cluster rebuilt.\n')).toBe('2023-12-30')
  })
  it('leaves a date that does not open a range to other evidence', () => {
    expect(dateOf('# Storage outage\n\nOn March 3 we planned the migration. The outage began on March 5, 2024 at 10:00 UTC.\n')).toBe('2024-03-05')
  })
})
