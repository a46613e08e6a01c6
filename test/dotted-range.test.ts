import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { rangeHours } from '../src/normalize/time/range-join.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }

describe('a range that opens with a dotted time and ends at a clock time ("between 0.45 and 9.00 AM")', () => {
  it('reads the dotted start as a time only when the end is written as a clock time', () => {
    expect(rangeHours('down between 0.45 and 9.00 AM (CET)').map((t) => [t.hour, t.minute])).toEqual([[0, 45]])
    expect(rangeHours('latency between 0.45 and 0.50 seconds')).toEqual([])
    expect(rangeHours('from 1.25 to 2.50 GB')).toEqual([])
  })

  it('states the impact window and makes one prose event with an end', () => {
    const doc = ['# Outage', '', '## Summary', '', 'On 2024-03-05 the database was unavailable between 0.45 and 9.00 AM (CET).'].join('\n')
    const { record } = normalizeDocument('x.md', doc, options)
    expect([record.impact.start?.at, record.impact.end?.at, record.impact.durationMinutes]).toEqual([
      '2024-03-05T00:45:00+01:00',
      '2024-03-05T09:00:00+01:00',
      495,
    ])
    expect(record.timeline.map((e) => `${e.time}→${e.end?.time}`)).toEqual(['00:45→09:00'])
  })
})
