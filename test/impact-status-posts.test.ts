import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const record = (text: string) => normalizeDocument('w.md', text, options).record
const window = (text: string) => {
  const { impact } = record(text)
  return [impact.start?.time ?? null, impact.end?.time ?? null, impact.durationMinutes]
}

describe('a status-page history written newest first', () => {
  const log = [
    '# Login failures',
    '',
    '**Resolved** - This incident has been resolved. May 1, 2024 - 12:30 UTC',
    '',
    '**Monitoring** - A fix has been implemented. May 1, 2024 - 11:45 UTC',
    '',
    '**Identified** - The issue has been identified. May 1, 2024 - 11:00 UTC',
    '',
    '**Investigating** - We are investigating login failures. May 1, 2024 - 10:15 UTC',
    '',
  ].join('\n')

  it('keeps each post’s hour as written (an earlier hour down the log is no afternoon)', () => {
    expect(record(log).timeline.map((e) => e.time)).toEqual(['12:30', '11:45', '11:00', '10:15'])
  })

  it('takes the post’s words as its text, not the date and time that close it', () => {
    expect(record(log).timeline.map((e) => e.text)).toEqual([
      'Resolved - This incident has been resolved.',
      'Monitoring - A fix has been implemented.',
      'Identified - The issue has been identified.',
      'Investigating - We are investigating login failures.',
    ])
  })

  it('opens the window at the oldest post and closes it at the Resolved one', () => {
    expect(window(log)).toEqual(['10:15', '12:30', 135])
  })
})

describe('a stated resolution time and a Resolved post', () => {
  const doc = (resolved: string) =>
    [
      '---',
      'title: Login failures',
      'date: 2024-05-01T10:00:00Z',
      `resolvedDate: ${resolved}`,
      '---',
      '',
      '## Updates',
      '',
      '- 2024-05-01 12:00 UTC Resolved - This incident has been resolved.',
      '- 2024-05-01 11:00 UTC Monitoring - A fix has been deployed.',
      '- 2024-05-01 10:00 UTC Investigating - Users cannot log in.',
      '',
    ].join('\n')

  it('keeps the stated time over an earlier Resolved post', () => {
    expect(window(doc('2024-05-01T13:00:00Z'))).toEqual(['10:00', '13:00', 180])
  })

  it('keeps the stated time over a later Resolved post', () => {
    expect(window(doc('2024-05-01T11:30:00Z'))).toEqual(['10:00', '11:30', 90])
  })

  it('still ends at an earlier event that says in its own words that service came back', () => {
    const text = doc('2024-05-01T13:00:00Z').replace('Resolved - This incident has been resolved.', 'Logins are working again for all users, service restored.')
    expect(window(text)).toEqual(['10:00', '12:00', 120])
  })
})
