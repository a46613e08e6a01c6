import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { parseRange } from '../src/normalize/time/datetime-range.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }

/** `start→end text` of each timeline entry of a small document. */
function entries(markdown: string): string[] {
  const { record } = normalizeDocument('x.md', markdown, options)
  return record.timeline.map((e) => `${e.date} ${e.time}→${e.end?.date ?? '-'} ${e.end?.time ?? '-'} ${e.text}`)
}

describe('one am/pm written for a whole range', () => {
  it('gives the start the end’s suffix in a timeline stamp when that keeps the range short and ordered', () => {
    const doc = [
      '# Queue outage',
      '',
      '## Timeline (UTC)',
      '',
      '- 2024-03-01 from 11:50 to 12:10 PM: workers flapped',
      '- 2024-03-01 from 12:02 to 12:20 AM: queue stalled',
      '- 2024-03-01 between 10:40 and 11:15 AM: retries piled up',
      '- 2024-03-01 8:00 to 9:30 PM: backlog drained',
    ].join('\n')
    expect(entries(doc)).toEqual([
      '2024-03-01 11:50→2024-03-01 12:10 workers flapped',
      '2024-03-01 00:02→2024-03-01 00:20 queue stalled',
      '2024-03-01 10:40→2024-03-01 11:15 retries piled up',
      '2024-03-01 20:00→2024-03-01 21:30 backlog drained',
    ])
  })

  it('reads a written range the same way, and keeps a start the suffix would put after its end', () => {
    const at = (text: string) => {
      const r = parseRange(text, { zone: 'UTC' })
      return `${r?.start.time}-${r?.end.time} ${r?.durationMinutes}`
    }
    expect(at('March 1, 2024, 12:02 to 12:20 AM')).toBe('00:02-00:20 18')
    expect(at('March 1, 2024, 8:00 - 9:30 PM')).toBe('20:00-21:30 90')
    expect(at('March 1, 2024, 11:00 - 1:00 PM')).toBe('11:00-13:00 120')
  })

  it('gives a range stated in prose the same reading', () => {
    const doc = (range: string) =>
      normalizeDocument('x.md', ['# Outage', '', '## Summary', '', `On March 1, 2024 the API was down ${range} UTC.`].join('\n'), options).record.impact
    const window = (range: string) => {
      const impact = doc(range)
      return `${impact.start?.time}-${impact.end?.time} ${impact.durationMinutes}`
    }
    expect(window('from 12:02 to 12:20 AM')).toBe('00:02-00:20 18')
    expect(window('between 11:50 and 12:10 PM')).toBe('11:50-12:10 20')
    expect(window('from 11:00-1pm')).toBe('11:00-13:00 120')
  })
})
