import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { parseMarkdown } from '../src/markdown/parse.js'
import { readStamp } from '../src/normalize/timeline/timeline-stamp.js'
import { extractTimeline } from '../src/normalize/timeline/timeline.js'

/** The parts of a stamp a test compares: date, time, zone as written, offset, event text. */
function read(line: string, hints: { year?: number | null; dayFirst?: boolean | null } = {}) {
  const s = readStamp(line, hints)
  if (!s) return null
  return {
    date: s.date ? [s.date.year, s.date.month, s.date.day] : null,
    time: s.time ? [s.time.hour, s.time.minute] : null,
    zone: s.zone?.written ?? null,
    offset: s.zone ? (s.zone.fixedOffsetMinutes ?? s.zone.iana) : null,
    rest: s.rest,
  }
}

describe('ISO stamps with an offset', () => {
  it('reads a negative offset as the zone, not as the end of a range', () => {
    expect(read('2024-03-05T09:12:00-05:00 deploy started')).toMatchObject({ date: [2024, 3, 5], time: [9, 12], zone: '-05:00', offset: -300, rest: 'deploy started' })
    expect(read('2024-03-05T09:12-0500 deploy started')).toMatchObject({ time: [9, 12], offset: -300, rest: 'deploy started' })
    expect(read('2024-03-05 09:12:00+02:00 deploy')).toMatchObject({ time: [9, 12], offset: 120 })
  })

  it('gives each entry its own offset: a -05:00 time after a +02:00 one keeps -05:00', () => {
    const md = '- 2024-03-05T09:12:00+02:00 first\n- 2024-03-05T09:12:00-05:00 second\n'
    const result = extractTimeline(parseMarkdown(md).children, { heading: 'Timeline', date: null, year: null, zone: null, defaultTimezone: null }, new VFile())
    expect(result.entries.map((e) => e.at)).toEqual(['2024-03-05T09:12:00+02:00', '2024-03-05T09:12:00-05:00'])
  })
})
