import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { relativeDay } from '../src/normalize/impact/end-day.js'
import { findStatedMoments } from '../src/normalize/impact/find-stated-moments.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { parseZone } from '../src/normalize/time/zones.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const context = { date: '2024-03-13', year: 2024, dayFirst: null, zone: parseZone('UTC') }
const ends = (text: string): [string | null | undefined, string | null | undefined] => {
  const { end } = findStatedMoments([{ text, weight: 2 }], context)
  return [end?.moment.date, end?.moment.time]
}
const windowOf = (text: string): [string | null, number | null] => {
  const { impact } = normalizeDocument('e.md', text, options).record
  return [impact.end ? `${impact.end.date} ${impact.end.time ?? ''}`.trim() : null, impact.durationMinutes]
}

describe('the day an end is stated on', () => {
  it('counts a day told relative to the one named before', () => {
    expect(relativeDay('restored the next day at 02:00', '2024-03-13')).toBe('2024-03-14')
    expect(relativeDay('recovered the following morning', '2024-03-31')).toBe('2024-04-01')
    expect(relativeDay('fully recovered on the 14th at 02:00', '2024-03-13')).toBe('2024-03-14')
    // A day of the month before the base's is in the next month.
    expect(relativeDay('resolved on the 2nd', '2024-12-30')).toBe('2025-01-02')
    expect(relativeDay('resolved on the 14th of March', '2024-03-13')).toBeNull()
    expect(relativeDay('resolved at 02:00', '2024-03-13')).toBeNull()
  })

  it('dates a timed end by the day it is told on, not the start’s', () => {
    expect(ends('The site went down on March 13, 2024 at 22:10 UTC. It fully recovered on the 14th at 02:00.')).toEqual(['2024-03-14', '02:00'])
    expect(ends('The site went down on March 13, 2024 at 22:10 UTC. Service was restored the next day at 02:00.')).toEqual(['2024-03-14', '02:00'])
  })

  it('counts "the following night" from the day a paragraph before names', () => {
    const { start } = findStatedMoments(
      [
        { text: 'On 15 Mar 2024, around 9pm UTC the change was proposed.', weight: 1 },
        { text: 'At around 3am UTC of the following night the network went down.', weight: 1 },
      ],
      { ...context, date: '2024-03-16' },
    )
    expect([start?.moment.date, start?.moment.time]).toEqual(['2024-03-16', '03:00'])
  })

  it('reads a day alone that says the impact ended', () => {
    expect(ends('The sync service went down on March 13, 2024 at 22:10 UTC. The issue was resolved on March 15.')).toEqual(['2024-03-15', null])
    expect(ends('We will have it resolved on March 15.')).toEqual([undefined, undefined])
  })

  it('ends the window on a later stated day, at the event that marks the end that day', () => {
    const timeline = (last: string): string =>
      [
        '# Sync outage',
        '',
        '## Summary',
        '',
        'On January 12, 2024 the sync service went down. The issue was resolved on January 14.',
        '',
        '## Timeline (UTC)',
        '',
        '- 2024-01-12 22:10 Sync fails for all users',
        '- 2024-01-13 08:00 Service restored, sync back to normal',
        '- 2024-01-14 06:00 Sync fails again for all users',
        `- 2024-01-14 ${last}`,
        '',
      ].join('\n')
    expect(windowOf(timeline('09:30 Service restored for good'))).toEqual(['2024-01-14 09:30', 2120])
    expect(windowOf(timeline('09:30 Engineers rebuilt the index'))).toEqual(['2024-01-14 09:30', 2120])
  })

  it('keeps to a day-only end on the start’s own day only where nothing marks a time', () => {
    const text = [
      '# Sync outage',
      '',
      'On January 12, 2024 the sync service went down. The issue was resolved on January 12.',
      '',
      '## Timeline (UTC)',
      '',
      '- 2024-01-12 09:10 Sync fails for all users',
      '- 2024-01-12 09:40 Service restored',
      '- 2024-01-12 11:00 Engineers wrote the report',
      '',
    ].join('\n')
    expect(windowOf(text)).toEqual(['2024-01-12 09:40', 30])
  })
})
