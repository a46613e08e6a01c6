import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { findDates, findTimes, parseDate } from '../src/normalize/time/datetime.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const at = (m: { date: string | null; time: string | null } | null | undefined) => (m ? `${m.date ?? '-'} ${m.time ?? '-'}` : null)
const read = (text: string) => {
  const { record } = normalizeDocument('x.md', text, options)
  return { date: record.date, timezone: record.timezone, events: record.timeline.map((e) => at(e)), texts: record.timeline.map((e) => e.text) }
}
const ymd = (text: string) => {
  const d = parseDate(text)
  return d ? `${d.year}-${d.month}-${d.day}` : null
}

describe('dates written year, month name, day and military-style day, month name, year', () => {
  it('reads 2025-Feb-07 and 2025/feb/07 as a day', () => {
    expect(['2025-Feb-07', '2025/feb/07', '2025-FEB-7', '2025-Feb'].map(ymd)).toEqual(['2025-2-7', '2025-2-7', '2025-2-7', null])
  })

  it('reads 15Sep94 and 07FEB2025 as a day, not inside a word or a hash', () => {
    expect(['15Sep94', '07FEB2025', '7Mar2024'].map(ymd)).toEqual(['1994-9-15', '2025-2-7', '2024-3-7'])
    expect(findDates('build a15Sep94b and 15Sep94x', {})).toEqual([])
  })

  it('dates the record from a Date field in year-month-name-day form', () => {
    const doc = '# Cache outage\n\nDate: 2025-Feb-07\n\n## Timeline (UTC)\n\n- 15:06 deploy started\n- 15:40 rollback done\n'
    expect(read(doc).date).toBe('2025-02-07')
  })
})

describe('a stated range of incident dates gives its first day', () => {
  it('reads an "Incident date(s)" heading over a range as the date field, before a later day in the summary', () => {
    const doc =
      '# Proxy bypass\n\n## Incident date(s)\n\n2019-02-18 - 2019-04-05\n\n## Summary\n\nA fix was released on 2019-04-05.\n\n## Timeline\n\n- 10:00 report received\n'
    expect(read(doc).date).toBe('2019-02-18')
    expect(read(doc.replace('date(s)', 'dates')).date).toBe('2019-02-18')
  })

  it('reads an "Incident dates:" line over a range of month-name days as the date field', () => {
    for (const label of ['Incident dates:', 'Incident date(s):', 'Dates:'])
      expect(read(`# Proxy bypass\n\n${label} February 18 to April 5, 2019\n\n## Summary\n\nA fix was released on 2019-04-05.\n`).date).toBe('2019-02-18')
  })
})

describe('a day given once on a prose stamp dates the clock times after it', () => {
  it('dates compact military times by a day written DDMonYY in the summary', () => {
    const doc = '# Router fire\n\nWe were down from 0233 to 0239 on 15Sep94.\n\n## Timeline\n\n- **02:15 CST** laptop plugged in\n- **02:39 CST** router back\n'
    const r = read(doc)
    expect(r.date).toBe('1994-09-15')
    expect(r.events).toEqual(['1994-09-15 02:15', '1994-09-15 02:39'])
  })

  it('reads a range of four-digit military times after "from" or "between" as the stated window, never a range of counts', () => {
    const doc = '# Router fire\n\nWe were down from 0233 to 0239 on 15Sep94.\n\n## Timeline\n\n- **02:15 CST** laptop plugged in\n- **02:39 CST** router back\n'
    const { record } = normalizeDocument('x.md', doc, options)
    expect([at(record.impact.start), at(record.impact.end), record.impact.durationMinutes, record.impact.source]).toEqual([
      '1994-09-15 02:33',
      '1994-09-15 02:39',
      6,
      'stated',
    ])
    const times = (text: string) => findTimes(text).map((t) => `${t.hour}:${t.minute}`)
    expect(times('between 1410 and 1425 hrs')).toEqual(['14:10', '14:25'])
    expect(times('from 0900-1000, then at 10:30')).toEqual(['9:0', '10:0', '10:30'])
    expect(times('requests rose from 1200 to 1500 per second')).toEqual([])
    expect(times('requests rose from 1200 to 1500.')).toEqual([])
    // A unit or a place after the range makes it a count: only a zone, hrs or a day after "on" makes it times.
    expect(times('throughput rose from 1200 to 1500 RPS during the incident')).toEqual([])
    expect(times('heap grew between 1024 and 2048 MB over the day')).toEqual([])
    expect(times('connections climbed from 1200 to 1500 on the primary')).toEqual([])
    expect(times('down from 1410 to 1425 UTC')).toEqual(['14:10', '14:25'])
    expect(times('down from 1410 to 1425 on Monday')).toEqual(['14:10', '14:25'])
  })
})

describe('a range of counts in the summary is no stated impact window', () => {
  it('keeps the timeline window when the summary says throughput went from 1200 to 1500 RPS', () => {
    const doc =
      '# API slowdown\n\n## Summary\n\nOn 2024-03-05 the API was slow. Error rates rose and throughput dropped from 1200 to 1500 RPS during the outage.\n\n## Timeline\n\n- 09:00 Deploy started\n- 09:10 Errors began\n- 09:40 Rolled back, service fully restored\n'
    const { record } = normalizeDocument('x.md', doc, options)
    expect([at(record.impact.start), at(record.impact.end)]).toEqual(['2024-03-05 09:10', '2024-03-05 09:40'])
  })
})

describe('a timeline entry that opens with a relative day', () => {
  it('dates "The next day, 09:00" and the entries after it on the day after, even when its clock is later', () => {
    const doc = '# API outage\n\n## Timeline (UTC)\n\n- 2024-03-03 08:00: API down\n- 10:00: paging\n- The next day, 09:00: API back\n- 10:30: review\n'
    const r = read(doc)
    expect(r.events).toEqual(['2024-03-03 08:00', '2024-03-03 10:00', '2024-03-04 09:00', '2024-03-04 10:30'])
    expect(r.texts[2]).toBe('API back')
  })
})
