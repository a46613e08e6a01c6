import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { findDurations } from '../src/normalize/impact/find-duration.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const window = (summary: string) => {
  const { impact } = normalizeDocument('w.md', `# Search outage\n\n## Summary\n\n${summary}\n`, options).record
  return [impact.start?.time ?? null, impact.end?.time ?? null, impact.durationMinutes]
}
const minutes = (text: string) => findDurations(text)[0]?.minutes ?? null

describe('durations written in words', () => {
  it.each([
    ['Search was down for one hour and fifteen minutes.', 75],
    ['Search stayed down for a couple of hours.', 120],
    ['Search was down for 2-3 hours.', 150],
    ['Search was down for 4 to 5 hours.', 270],
    ['We had a 1h30m outage of search.', 90],
    ['Search was restored after an hour-long outage.', 60],
  ])('%s', (text, expected) => {
    expect(minutes(text)).toBe(expected)
  })

  it('keeps an amount after "after" that names no outage out ("restarted after 5 minutes")', () => {
    expect(minutes('The pods restarted after 5 minutes.')).toBeNull()
  })

  it('joins no "a" after an amount as a second one ("2 hours a day" is 2 hours)', () => {
    expect(minutes('Search was down for 2 hours a day.')).toBe(120)
  })
})

describe('a stated duration with the one moment the prose gives', () => {
  it('counts the start back from a stated end that the same sentence calls the end of the outage', () => {
    expect(window('On 2024-06-10 search was restored at 15:30 UTC after an hour-long outage.')).toEqual(['14:30', '15:30', 60])
    expect(window('On 2024-06-10 search was restored at 15:30 UTC after being down for about an hour and a half.')).toEqual(['14:00', '15:30', 90])
    expect(window('Search was unavailable for about 45 minutes until 2024-06-10 15:30 UTC.')).toEqual(['14:45', '15:30', 45])
  })

  it('counts the end on from a stated start', () => {
    expect(window('On 2024-06-10 at 14:00 UTC search went down for one hour and fifteen minutes.')).toEqual(['14:00', '15:15', 75])
    expect(window('On 2024-06-10 at 14:00 UTC search went down. It stayed down for a couple of hours.')).toEqual(['14:00', '16:00', 120])
  })
})
