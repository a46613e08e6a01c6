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
    expect(read('2024-03-05T09:12:00-05:00 deploy started')).toMatchObject({
      date: [2024, 3, 5],
      time: [9, 12],
      zone: '-05:00',
      offset: -300,
      rest: 'deploy started',
    })
    expect(read('2024-03-05T09:12-0500 deploy started')).toMatchObject({ time: [9, 12], offset: -300, rest: 'deploy started' })
    expect(read('2024-03-05 09:12:00+02:00 deploy')).toMatchObject({ time: [9, 12], offset: 120 })
  })

  it('gives each entry its own offset: a -05:00 time after a +02:00 one keeps -05:00', () => {
    const md = '- 2024-03-05T09:12:00+02:00 first\n- 2024-03-05T09:12:00-05:00 second\n'
    const result = extractTimeline(parseMarkdown(md).children, { heading: 'Timeline', date: null, year: null, zone: null, defaultTimezone: null }, new VFile())
    expect(result.entries.map((e) => e.at)).toEqual(['2024-03-05T09:12:00+02:00', '2024-03-05T09:12:00-05:00'])
  })
})

describe('a range written with its zone on both ends', () => {
  it('reads "UTC - 10:40" as the range end, not as an offset, and skips the zone written again after it', () => {
    const s = readStamp('10:05 UTC - 10:40 UTC: cleanup', {})
    expect(s).toMatchObject({ time: { hour: 10, minute: 5 }, end: { hour: 10, minute: 40 }, rest: 'cleanup' })
    expect(s?.zone?.fixedOffsetMinutes).toBe(0)
    expect(readStamp('10:05 PST to 10:40 PST - rollback', {})).toMatchObject({ end: { hour: 10, minute: 40 }, rest: 'rollback' })
  })
})

describe('stamps read by tokens, parts in any order', () => {
  it.each([
    ['[2024-03-05 14:00 UTC] deploy', { date: [2024, 3, 5], time: [14, 0], zone: 'UTC', rest: 'deploy' }],
    ['**14:00 UTC** - deploy', { time: [14, 0], zone: 'UTC', rest: 'deploy' }],
    ['`14:06` → alert fires', { time: [14, 6], rest: 'alert fires' }],
    ['14:07 » page sent', { time: [14, 7], rest: 'page sent' }],
    ['2024-03-05, 14:00: deploy', { date: [2024, 3, 5], time: [14, 0], rest: 'deploy' }],
    ['2024/03/05 at 14:00 - deploy', { date: [2024, 3, 5], time: [14, 0], rest: 'deploy' }],
    ['March 5 at 3pm PST: deploy', { date: [2024, 3, 5], time: [15, 0], zone: 'PST', rest: 'deploy' }],
    ['10h47 CEST someone noticed', { time: [10, 47], zone: 'CEST', rest: 'someone noticed' }],
    ['3pm: paged', { time: [15, 0], rest: 'paged' }],
    ['10:45a: paged', { time: [10, 45], rest: 'paged' }],
    ['10:45p - paged', { time: [22, 45], rest: 'paged' }],
    ['08:52 PM', { time: [20, 52], rest: '' }],
    ['2233 - restarted', { time: [22, 33], rest: 'restarted' }],
    ['2022-08-27 2233 restarted', { date: [2022, 8, 27], time: [22, 33], rest: 'restarted' }],
    ['~10:30ish: restarted', { time: [10, 30], rest: 'restarted' }],
    ['around 11:00 UTC we restarted', { time: [11, 0], zone: 'UTC', rest: 'we restarted' }],
    ['approx. 10:00 - restarted', { time: [10, 0], rest: 'restarted' }],
    ['11:10 6th Nov 2023 - restarted', { date: [2023, 11, 6], time: [11, 10], rest: 'restarted' }],
    ['27.08.2022 10:00 Uhr: Testbetrieb', { date: [2022, 8, 27], time: [10, 0], rest: 'Testbetrieb' }],
    ['Update 27.08.2022 10:00 Uhr:', { date: [2022, 8, 27], time: [10, 0], rest: '' }],
    ['Update: at 21:30 UTC the fix was deployed', { time: [21, 30], zone: 'UTC', rest: 'the fix was deployed' }],
    ['27 août 2022 à 14h30 : redémarrage', { date: [2022, 8, 27], time: [14, 30], rest: 'redémarrage' }],
    ['14.30 Uhr Neustart', { time: [14, 30], rest: 'Neustart' }],
    ['午後3時 障害発生', { time: [15, 0], rest: '障害発生' }],
    ['午前12時半 復旧', { time: [0, 30], rest: '復旧' }],
    ['15時30分 復旧', { time: [15, 30], rest: '復旧' }],
    ['2021年11月25日午後3時 障害発生', { date: [2021, 11, 25], time: [15, 0], rest: '障害発生' }],
    ['１５：３０ 復旧', { time: [15, 30], rest: '復旧' }],
    ['Nov 6th: noticed', { date: [2024, 11, 6], time: null, rest: 'noticed' }],
    ['Monday, 14:00 - restarted', { time: [14, 0], rest: 'restarted' }],
    ['14:00 GMT+1 restarted', { time: [14, 0], zone: 'GMT+1', offset: 60 }],
    ['14:00 UTC−05:00 restarted', { time: [14, 0], zone: 'UTC−05:00', offset: -300 }],
    ['14:00:05 (UTC+2) restarted', { time: [14, 0], zone: 'UTC+2', offset: 120 }],
    ['14:00 GTM+2 restarted', { zone: 'GTM+2', offset: 120 }],
    ['01–12–2021, 1:20 PM PDT: found it', { date: [2021, 1, 12], time: [13, 20], zone: 'PDT', rest: 'found it' }],
  ])('%s', (line, expected) => {
    expect(read(line, { year: 2024, dayFirst: false })).toMatchObject(expected)
  })

  it('reads "yesterday" from the publication day, and nothing without one', () => {
    expect(read('Yesterday at 22:10 - paged', { today: '2024-03-01' } as never)).toMatchObject({ date: [2024, 2, 29], time: [22, 10], rest: 'paged' })
    expect(read('Yesterday we paged')).toBeNull()
  })

  it('keeps the end of a written range', () => {
    expect(readStamp('10:05 to 10:40 - degraded', {})?.end).toMatchObject({ hour: 10, minute: 40 })
    expect(readStamp('12:43 - 12:49 degraded', {})).toMatchObject({ end: { hour: 12, minute: 49 }, zone: null, rest: 'degraded' })
    expect(readStamp('10:00 - 2 servers down', {})).toMatchObject({ end: null, rest: '2 servers down' })
    expect(readStamp('~13:30-13:45 degraded', {})).toMatchObject({
      time: { hour: 13, minute: 30 },
      end: { hour: 13, minute: 45 },
      approximate: true,
      rest: 'degraded',
    })
  })

  it('skips a second time in another zone', () => {
    expect(read('14:00 UTC (16:00 CEST) - restarted')).toMatchObject({ time: [14, 0], zone: 'UTC', rest: 'restarted' })
    expect(read('9am PT / 12pm ET - restarted')).toMatchObject({ time: [9, 0], zone: 'PT', rest: 'restarted' })
  })

  it('gives a time with no zone the offset between it and a second time in a fixed zone (`09:00 (16:00 UTC)`)', () => {
    const implied = (line: string) => {
      const s = readStamp(line, {})
      return { zone: s?.zone?.written ?? null, implied: s?.impliedZone?.written ?? null, rest: s?.rest }
    }
    expect(implied('09:00 (16:00 UTC) - deployed')).toEqual({ zone: null, implied: 'UTC-07:00', rest: 'deployed' })
    expect(implied('23:30 (06:30 UTC): paged')).toEqual({ zone: null, implied: 'UTC-07:00', rest: 'paged' })
    expect(implied('10:00 / 08:00 UTC - paged')).toEqual({ zone: null, implied: 'UTC+02:00', rest: 'paged' })
    expect(implied('14:00 (16:00 CEST) - paged')).toEqual({ zone: null, implied: 'UTC', rest: 'paged' })
    // A written zone stays; a region's clock has no offset without its day; a gap no zone has (16:10) is no offset.
    expect(implied('14:00 UTC (16:00 CEST) - paged')).toEqual({ zone: 'UTC', implied: null, rest: 'paged' })
    expect(implied('09:00 (12:00 Eastern) - paged')).toEqual({ zone: null, implied: null, rest: 'paged' })
    expect(implied('09:00 (16:10 UTC) - paged')).toEqual({ zone: null, implied: null, rest: 'paged' })
  })

  it("places an entry by its implied offset, after the timeline's own zone", () => {
    const at = (heading: string) => {
      const md = `## ${heading}\n\n- 2024-05-01 09:00 (16:00 UTC) - deployed\n- 2024-05-01 09:30 - paged\n`
      const nodes = parseMarkdown(md).children.slice(1)
      const out = extractTimeline(nodes, { heading, date: null, year: null, zone: 'UTC', defaultTimezone: null, dayFirst: null }, new VFile())
      return { zone: out.timezone, at: out.entries.map((e) => e.at) }
    }
    expect(at('Timeline')).toEqual({ zone: 'UTC-07:00', at: ['2024-05-01T09:00:00-07:00', '2024-05-01T09:30:00-07:00'] })
    expect(at('Timeline (PDT)')).toEqual({ zone: 'PDT', at: ['2024-05-01T09:00:00-07:00', '2024-05-01T09:30:00-07:00'] })
  })

  it('leaves no stamp traces in the text', () => {
    expect(read('10:00 :::::: restarted \\')?.rest).toBe('restarted')
    expect(read('10:00 - Monday: restarted -')?.rest).toBe('restarted')
    expect(read('10:00ish - restarted')?.rest).toBe('restarted')
  })

  it('does not read words or versions as stamps', () => {
    expect(read('On call was paged')).toBeNull()
    expect(read('Around the same time we paged')).toBeNull()
    expect(read('v1.12.17 was released')).toBeNull()
    expect(read('2 servers went down')).toBeNull()
  })
})

describe('year-month rows', () => {
  it('never reads a year and month (2015-10) as a compact time', () => {
    expect(read('2015-10: servers provisioned')).toBeNull()
    expect(read('2233 - restarted')).toMatchObject({ time: [22, 33] })
  })
})

describe('range stamps', () => {
  it('give the entry an end, on the next day when it is before the start', () => {
    const md = '- 2024-03-05 10:05 to 10:40 UTC - degraded\n- 2024-03-05 23:50-00:10 UTC - failover\n- 2024-03-06 08:00 UTC - fixed\n'
    const result = extractTimeline(parseMarkdown(md).children, { heading: 'Timeline', date: null, year: null, zone: null, defaultTimezone: null }, new VFile())
    expect(result.entries[0]).toMatchObject({
      at: '2024-03-05T10:05:00+00:00',
      end: { at: '2024-03-05T10:40:00+00:00', date: '2024-03-05', time: '10:40' },
      text: 'degraded',
    })
    expect(result.entries[1]?.end).toEqual({ at: '2024-03-06T00:10:00+00:00', date: '2024-03-06', time: '00:10' })
    expect(result.entries[2]).not.toHaveProperty('end')
  })

  it('with a full date on both ends are one event with an end on its own day (~, –, -, to)', () => {
    const ctx = { heading: 'Timeline', date: null, year: null, zone: null, defaultTimezone: null }
    for (const join of ['~', '–', '-', 'to']) {
      const md = `- 2024-09-02 01:00 ${join} 2024-09-05 19:59 (GMT+9): certificate expired\n`
      const [entry] = extractTimeline(parseMarkdown(md).children, ctx, new VFile()).entries
      expect(entry).toMatchObject({ at: '2024-09-02T01:00:00+09:00', text: 'certificate expired' })
      expect(entry?.end).toEqual({ at: '2024-09-05T19:59:00+09:00', date: '2024-09-05', time: '19:59' })
    }
    // A later day with no time after the join is the event's text, not its end.
    expect(read('2024-09-02 01:00 - 2024-09-05 fix shipped')).toMatchObject({ time: [1, 0], rest: '2024-09-05 fix shipped' })
  })
})

describe('relative days in a timeline', () => {
  it('reads "yesterday" from the publication day', () => {
    const md = '- Yesterday at 22:10 UTC - paged\n- 23:00 UTC - fixed\n'
    const result = extractTimeline(
      parseMarkdown(md).children,
      { heading: 'Timeline', date: null, year: null, zone: null, defaultTimezone: null, published: '2024-03-01' },
      new VFile(),
    )
    expect(result.entries.map((e) => e.at)).toEqual(['2024-02-29T22:10:00+00:00', '2024-02-29T23:00:00+00:00'])
  })
})

describe('zones per event', () => {
  const ctx = { heading: 'Timeline (UTC)', date: '2024-03-05', year: 2024, zone: null, defaultTimezone: null }
  it('lets an event zone that differs override the heading zone for that event only', () => {
    const md = '- 10:00 paged\n- 12:30 CEST deploy reverted\n- 11:00 fixed\n'
    const result = extractTimeline(parseMarkdown(md).children, ctx, new VFile())
    expect(result.entries.map((e) => e.at)).toEqual(['2024-03-05T10:00:00+00:00', '2024-03-05T12:30:00+02:00', '2024-03-05T11:00:00+00:00'])
    expect(result.timezone).toBe('UTC')
  })

  it('reads a zone written before the time, or as an offset in parentheses', () => {
    expect(read('UTC 14:00 - restarted')).toMatchObject({ time: [14, 0], zone: 'UTC', rest: 'restarted' })
    expect(read('[PDT] 09:15 paged')).toMatchObject({ time: [9, 15], zone: 'PDT', rest: 'paged' })
    expect(read('14:00 (+02:00) restarted')).toMatchObject({ time: [14, 0], offset: 120, rest: 'restarted' })
    expect(read('14:00:30 CEST - restarted')).toMatchObject({ time: [14, 0], zone: 'CEST', rest: 'restarted' })
  })
})

describe('stamps without a digit', () => {
  it('reads word times, unknown times and relative days, which hold no digit', () => {
    expect(read('Noon: servers restarted')).toMatchObject({ time: [12, 0], rest: 'servers restarted' })
    expect(read('**MIDNIGHT** - cutover')).toMatchObject({ time: [0, 0], rest: 'cutover' })
    expect(readStamp('--:-- paged the on-call', {})?.timeUnknown).toBe(true)
    expect(readStamp('TBD: root cause', {})?.timeUnknown).toBe(true)
    expect(readStamp('??: nobody knows', {})?.timeUnknown).toBe(true)
    expect(readStamp('hh:mm - placeholder row', {})?.timeUnknown).toBe(true)
    expect(readStamp('Yesterday: the deploy', { today: '2024-05-02' })?.date).toMatchObject({ year: 2024, month: 5, day: 1 })
    expect(readStamp('Avant-hier : le déploiement', { today: '2024-05-02' })?.date).toMatchObject({ year: 2024, month: 4, day: 30 })
  })

  it('reads nothing from a line with no digit and no word token', () => {
    expect(readStamp('We investigated the CDN edge', {})).toBeNull()
    expect(readStamp('- **Around Monday, UTC** - we noticed', {})).toBeNull()
  })
})

describe('stamp leftovers', () => {
  it('reads am/pm joined to the time by a hyphen, and the zone joined after it', () => {
    expect(read('11:22-am-GMT - settings changed')).toMatchObject({ time: [11, 22], zone: 'GMT', rest: 'settings changed' })
    expect(read('12:05-pm-GMT - debugging starts')).toMatchObject({ time: [12, 5], zone: 'GMT', rest: 'debugging starts' })
    expect(read('1:40-pm - site back')).toMatchObject({ time: [13, 40], rest: 'site back' })
  })

  it('takes an "(approximately)" note after the separator as the approximate marker, not text', () => {
    const stamp = readStamp('2024-11-21 18:15:00 - (approximately) Security begins evaluation', {})
    expect(stamp).toMatchObject({ approximate: true, rest: 'Security begins evaluation' })
    expect(readStamp('18:15 - (about) review starts', {})).toMatchObject({ approximate: true, rest: 'review starts' })
  })

  it('reads a time written as "unknown" before a separator as an unknown time', () => {
    expect(readStamp('`unknown` - messages submitted to the queue', {})).toMatchObject({ timeUnknown: true, rest: 'messages submitted to the queue' })
    expect(readStamp('Unknown causes were ruled out', {})).toBeNull()
  })
})

describe('a date joined to the time by "on"', () => {
  it('reads "07:45 UTC on 29 October 2024 – …" as one stamp, leaving only the event text', () => {
    expect(read('07:45 UTC on 29 October 2024 – Customer impact began.')).toMatchObject({
      date: [2024, 10, 29],
      time: [7, 45],
      zone: 'UTC',
      rest: 'Customer impact began.',
    })
    expect(read('14:10 on 3 May 2024: rollback started')).toMatchObject({ date: [2024, 5, 3], time: [14, 10], rest: 'rollback started' })
  })

  it('keeps "on" that opens the event text', () => {
    expect(read('10:05 on-call engineer paged')).toMatchObject({ time: [10, 5], rest: 'on-call engineer paged' })
    expect(read('10:05 on call engineer paged')).toMatchObject({ time: [10, 5], rest: 'on call engineer paged' })
  })
})

describe('a date-only stamp whose text opens with the clock time', () => {
  it('takes the time, its zone and approximate mark from the text', () => {
    expect(read('2021-08-27: At 12:50:07 UTC, issue exploited.')).toMatchObject({
      date: [2021, 8, 27],
      time: [12, 50],
      zone: 'UTC',
      rest: 'issue exploited.',
    })
    expect(readStamp('2021-08-27: Around 14:05, the team deployed.', {})).toMatchObject({ approximate: true, rest: 'the team deployed.' })
    expect(read('2021-08-27: 9pm rollback')).toMatchObject({ time: [21, 0], rest: 'rollback' })
  })

  it('leaves counts and years after the date as text', () => {
    expect(read('2021-08-27: 3 servers failed')).toMatchObject({ time: null, rest: '3 servers failed' })
    expect(read('2021-08-27: 2022 plan agreed')).toMatchObject({ time: null, rest: '2022 plan agreed' })
  })

  it('is a timed entry of the timeline, not a day line', () => {
    const md = '- 2021-08-17: Report received.\n- 2021-08-27: At 12:50:07 UTC, issue exploited.\n- 2021-08-28: Fix released.\n'
    const { entries } = extractTimeline(
      parseMarkdown(md).children,
      { heading: 'Timeline', date: null, year: null, zone: null, defaultTimezone: null },
      new VFile(),
    )
    expect(entries.map((e) => [e.date, e.time, e.text])).toEqual([
      ['2021-08-17', null, 'Report received.'],
      ['2021-08-27', '12:50', 'issue exploited.'],
      ['2021-08-28', null, 'Fix released.'],
    ])
  })
})
