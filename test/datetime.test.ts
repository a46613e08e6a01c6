import { describe, expect, it } from 'vitest'
import { findDates, findTimes, matchDateAt, formatDate, inferDayFirst, parseDate, parseTime } from '../src/normalize/time/datetime.js'
import { parseRange } from '../src/normalize/time/datetime-range.js'

describe('parseTime', () => {
  it.each([
    ['09:03', 9, 3, null],
    ['9:00 AM', 9, 0, null],
    ['03:00 PM', 15, 0, null],
    ['12:00 PM', 12, 0, null],
    ['12:15 AM', 0, 15, null],
    ['2pm', 14, 0, null],
    ['11 am', 11, 0, null],
    ['14:46:05', 14, 46, 5],
    ['1250', 12, 50, null],
    ['0930h', 9, 30, null],
    ['8.40 AM', 8, 40, null],
    ['8:00 a.m.', 8, 0, null],
    ['10:35 Am', 10, 35, null],
    ['[08:47]', 8, 47, null],
    ['*09:03*', 9, 3, null],
    ['**03:00 PM:**', 15, 0, null],
    ['`7:15`', 7, 15, null],
    ['Midnight', 0, 0, null],
    ['noon', 12, 0, null],
  ])('%s -> %i:%i', (text, hour, minute, second) => {
    expect(parseTime(text)).toMatchObject({ hour, minute, second })
  })

  it('remembers whether am/pm was written', () => {
    expect(parseTime('1:52')?.meridiem).toBeNull()
    expect(parseTime('1:52 pm')?.meridiem).toBe('pm')
  })

  it.each(['25:00', '12:61', '13:00 AM', '', 'later', '2460', '19.01', '12:00 text'])('rejects %j', (text) => {
    expect(parseTime(text)).toBeNull()
  })
})

describe('findTimes', () => {
  it('never reads the hours of an offset (UTC−05:00, GMT +02:00) as a time', () => {
    expect(findTimes('from 7:00 am to 7:30 am (UTC−05:00)').map((t) => t.text.trim())).toEqual(['7:00 am', '7:30 am'])
    expect(findTimes('at 10:00 GMT +02:00').length).toBe(1)
  })

  it('reads Japanese clock times in prose (午後3時, 15時30分, 午前10時半) but not durations (3時間)', () => {
    expect(findTimes('2021年11月25日午後3時').map((t) => [t.hour, t.minute])).toEqual([[15, 0]])
    expect(findTimes('15時30分に復旧').map((t) => [t.hour, t.minute])).toEqual([[15, 30]])
    expect(findTimes('午前10時半').map((t) => [t.hour, t.minute])).toEqual([[10, 30]])
    expect(findTimes('約3時間停止しました')).toEqual([])
  })

  it('finds times in prose in order, not versions or dates', () => {
    const found = findTimes('At 2019-10-21 01:38 UTC it broke; fixed at 2:35 AM; version 19.01 and 3.2.1 do not count')
    expect(found.map((t) => [t.hour, t.minute])).toEqual([
      [1, 38],
      [2, 35],
    ])
  })
  it('accepts a colon right after the time', () => {
    expect(findTimes('01:38: alerts fired')[0]).toMatchObject({ hour: 1, minute: 38, index: 0 })
  })
  it('reads 10h47, 0300hrs and a short am/pm (10:45a) in prose, not durations', () => {
    expect(findTimes('On 2024-03-17 10h47 CEST, from 0300hrs (EAT) to 10:45a').map((t) => [t.hour, t.minute])).toEqual([
      [10, 47],
      [3, 0],
      [10, 45],
    ])
    expect(findTimes('it took 2h30m, then 5h30 min, 10:45 a server')).toEqual([expect.objectContaining({ hour: 10, minute: 45, meridiem: null })])
  })
})

describe('texts without a digit', () => {
  it('still finds word times (noon, midnight, midday) in any case', () => {
    expect(findTimes('Restored at NOON, paged at midnight').map((t) => [t.hour, t.minute])).toEqual([
      [12, 0],
      [0, 0],
    ])
    expect(findTimes('Midday came and went')[0]).toMatchObject({ hour: 12, minute: 0, index: 0 })
  })

  it('finds no date or time in a text with no digit and no time word', () => {
    expect(findDates('On Monday in March we migrated the database')).toEqual([])
    expect(findTimes('We migrated the database in the morning')).toEqual([])
  })

  it('reads a date at the start only when it opens with a digit, a weekday or a month (any case)', () => {
    expect(matchDateAt('Monday, May 3rd, 2021: cutover')).toMatchObject({ year: 2021, month: 5, day: 3 })
    expect(matchDateAt('MAY 3 2021 cutover')).toMatchObject({ year: 2021, month: 5, day: 3 })
    expect(matchDateAt('3 June 2021')).toMatchObject({ year: 2021, month: 6, day: 3 })
    expect(matchDateAt('We met on 3 June 2021')).toBeNull()
  })
})

describe('dates written in more ways', () => {
  it('reads Japanese dates and a lower-case "may" only before a year, never a version number', () => {
    expect(findDates('発生日時 2021年11月25日午後3時')[0]).toMatchObject({ year: 2021, month: 11, day: 25 })
    expect(findDates('on the 12th of may 2022')[0]).toMatchObject({ year: 2022, month: 5, day: 12 })
    expect(findDates('it may 12 times')).toEqual([])
    expect(findDates('from v1.12.17 to v2.0.0')).toEqual([])
    expect(findDates('le 27 août 2022 à 14h30')[0]).toMatchObject({ year: 2022, month: 8, day: 27 })
    expect(findDates('Montag, 12. März 2024')[0]).toMatchObject({ year: 2024, month: 3, day: 12 })
    expect(findDates('1er mars 2021')[0]).toMatchObject({ year: 2021, month: 3, day: 1 })
    expect(findDates('12 de marzo de 2024')[0]).toMatchObject({ year: 2024, month: 3, day: 12 })
    expect(findDates('Data: 3 de março de 2024')[0]).toMatchObject({ year: 2024, month: 3, day: 3 })
    expect(findDates('il 5 maggio 2024')[0]).toMatchObject({ year: 2024, month: 5, day: 5 })
    expect(findDates('1º de julio')[0]).toMatchObject({ month: 7, day: 1 })
    expect(findDates('Start Time: 03, 14, 2024, 10:00 AM UTC')[0]).toMatchObject({ year: 2024, month: 3, day: 14 })
    // Numbers listed in prose are not a date.
    expect(findDates('We drained nodes 3, 11, 2048 and shards 1, 5, 1999 first.')).toEqual([])
    expect(findDates('steps 1, 2, 3 and 4')).toEqual([])
    expect(findDates('5 mais', { year: 2020 })).toEqual([])
  })
  it('reads a day, month name and year joined by slashes or hyphens (22/Mar/2024, 22-Mar-24, Mar/22/2024)', () => {
    expect(findDates('## 22/Mar/2024')[0]).toMatchObject({ year: 2024, month: 3, day: 22, text: '22/Mar/2024' })
    expect(findDates('on 05-Jan-24 at noon')[0]).toMatchObject({ year: 2024, month: 1, day: 5 })
    expect(findDates('Mar/22/2024 10:05')[0]).toMatchObject({ year: 2024, month: 3, day: 22 })
    expect(matchDateAt('31-Dec-2023 - deploy')).toMatchObject({ year: 2023, month: 12, day: 31 })
    // The separators must match, the day must exist, and a month word inside a longer word is no month.
    expect(findDates('22/Mar-2024')).toEqual([])
    expect(findDates('31/Feb/2024')).toEqual([])
    expect(findDates('build-22-Marker-2024')).toEqual([])
    // Year first, then the month's name (2025-Feb-07), as some forms write a Date field.
    expect(findDates('Date: 2025-Feb-07')[0]).toMatchObject({ year: 2025, month: 2, day: 7, text: '2025-Feb-07' })
    expect(matchDateAt('2024/Dec/31 23:40 deploy')).toMatchObject({ year: 2024, month: 12, day: 31 })
    expect(findDates('2025-Feb/07')).toEqual([])
    expect(parseDate('22/Mar/2024', {})).toMatchObject({ year: 2024, month: 3, day: 22 })
  })
  it('matchDateAt reads only a date at the very start', () => {
    expect(matchDateAt('Monday, May 4th, 2020 - deploy')).toMatchObject({ month: 5, day: 4, year: 2020 })
    expect(matchDateAt('deploy on 2020-05-04')).toBeNull()
  })
})

describe('parseDate', () => {
  it.each([
    ['2019-01-22', {}, 2019, 1, 22, false],
    ['2023/04/05', {}, 2023, 4, 5, false],
    ['20/06/2023', {}, 2023, 6, 20, false],
    ['06/20/2023', {}, 2023, 6, 20, false],
    ['03.08.2023', {}, 2023, 8, 3, false],
    ['03-08-2023', {}, 2023, 8, 3, true],
    ['03.08.2023', { dayFirst: true }, 2023, 8, 3, false],
    ['03.08.2023', { dayFirst: false }, 2023, 3, 8, false],
    ['05/06/2020', {}, 2020, 5, 6, true],
    ['01/01/2020', {}, 2020, 1, 1, false],
    ['5/6/21', { dayFirst: true }, 2021, 6, 5, false],
    ['March 1st, 2023', {}, 2023, 3, 1, false],
    ['June 10, 2023', {}, 2023, 6, 10, false],
    ['January 31 2023', {}, 2023, 1, 31, false],
    ['Sept. 30, 2020', {}, 2020, 9, 30, false],
    ['3rd June 2023', {}, 2023, 6, 3, false],
    ['29 November 2019', {}, 2019, 11, 29, false],
    ['Friday 29 November 2019', {}, 2019, 11, 29, false],
    ['3rd of August', { year: 2023 }, 2023, 8, 3, false],
    ['Monday, May the 4th, 2020', {}, 2020, 5, 4, false],
    ['March 18', { year: 2019 }, 2019, 3, 18, false],
    ['`September 30, 2020`', {}, 2020, 9, 30, false],
  ] as const)('%s %j', (text, hints, year, month, day, ambiguous) => {
    expect(parseDate(text, hints)).toMatchObject({ year, month, day, ambiguous })
  })

  it('leaves the year null when nothing gives one', () => {
    expect(parseDate('3. August')).toMatchObject({ year: null, month: 8, day: 3 })
  })

  it.each(['2023-02-30', '31/31/2020', '2021-02-29', 'Someday', 'May I help', 'March 2020', '1.2.3.4'])('rejects %j', (text) => {
    expect(parseDate(text)).toBeNull()
  })

  it('accepts 29 February in a leap year only', () => {
    expect(parseDate('2024-02-29')).not.toBeNull()
  })
})

describe('findDates', () => {
  it('finds dates in prose in order without overlaps', () => {
    const found = findDates('On Friday 29 November 2019 we scaled; on 2019-12-05 we fixed it, see 3. August.')
    expect(found.map((d) => [d.year, d.month, d.day])).toEqual([
      [2019, 11, 29],
      [2019, 12, 5],
      [null, 8, 3],
    ])
    expect(found[1]?.index).toBe(41)
  })
  it('ignores version numbers and log stamps are read as month-day only', () => {
    expect(findDates('upgraded to 19.01.2 and 3.2.1')).toEqual([])
  })
  it('stays fast on a long line of digits', () => {
    expect(findDates('1.'.repeat(100_000)).length).toBe(0)
  })
})

describe('inferDayFirst', () => {
  it.each([
    ['On 20/06/2023 and 05/06/2023', true],
    ['On 06/20/2023 and 05/06/2023', false],
    ['Date: 03.08.2023, on the 3rd of August', true],
    ['Date: 08.03.2023, on the 3rd of August', false],
    ['Date: 03.08.2023', null],
  ] as const)('%s -> %s', (text, expected) => {
    expect(inferDayFirst(text)).toBe(expected)
  })
})

describe('formatDate', () => {
  it('pads to YYYY-MM-DD', () => expect(formatDate({ year: 2023, month: 3, day: 1 })).toBe('2023-03-01'))
})

describe('parseRange', () => {
  it('reads a 12-hour range with one date and the zone at the end', () => {
    expect(parseRange('June 10, 2023, 03:00 PM - 05:30 PM (UTC)')).toEqual({
      start: { date: '2023-06-10', time: '15:00', at: '2023-06-10T15:00:00+00:00' },
      end: { date: '2023-06-10', time: '17:30', at: '2023-06-10T17:30:00+00:00' },
      timezone: 'UTC',
      utcOffset: '+00:00',
      durationMinutes: 150,
    })
  })
  it('reads full dates and zones on both sides', () => {
    const r = parseRange('March 1st, 2023, 9:00 AM EST - March 1st, 2023, 12:00 PM EST')
    expect(r).toMatchObject({ timezone: 'EST', utcOffset: '-05:00', durationMinutes: 180 })
    expect(r?.start.at).toBe('2023-03-01T09:00:00-05:00')
  })
  it('reads words for times and a long zone name', () => {
    const r = parseRange('from midnight to 3:00 AM (South African Standard Time)', { date: '2024-01-02' })
    expect(r).toMatchObject({ timezone: 'South African Standard Time', utcOffset: '+02:00', durationMinutes: 180 })
    expect(r?.start.at).toBe('2024-01-02T00:00:00+02:00')
  })
  it('rolls an end before the start over to the next day', () => {
    const r = parseRange('From 10:30 PM to 8:30 AM', { date: '2020-05-10', zone: 'Pacific Time' })
    expect(r?.end).toEqual({ date: '2020-05-11', time: '08:30', at: '2020-05-11T08:30:00-07:00' })
    expect(r?.durationMinutes).toBe(600)
  })
  it('computes durations across a DST change from the instants', () => {
    expect(parseRange('2023-03-26 01:00 - 04:00 Europe/Berlin')?.durationMinutes).toBe(120)
    // CET states one offset, so the same range written in CET is three hours.
    expect(parseRange('2023-03-26 01:00 - 04:00 CET')?.durationMinutes).toBe(180)
  })
  it('keeps times without a date and counts minutes', () => {
    expect(parseRange('10:00 AM to 12:30 PM')).toMatchObject({ start: { date: null, time: '10:00', at: null }, durationMinutes: 150 })
  })
  it('reads a single point in time', () => {
    expect(parseRange('2019-11-29 12:00 CET')).toMatchObject({ start: { at: '2019-11-29T12:00:00+01:00' }, end: { at: null } })
    expect(parseRange('January 31 2023, 16:15 GMT+1')?.start.at).toBe('2023-01-31T16:15:00+01:00')
  })
  it('falls back to the configured zone', () => {
    expect(parseRange('2023-07-01 10:00', { defaultTimezone: 'Europe/Berlin' })?.start.at).toBe('2023-07-01T10:00:00+02:00')
  })
  it('returns null when there is nothing to read', () => {
    expect(parseRange('about two hours')).toBeNull()
  })
})

describe('a range of days in one month', () => {
  it('reads as its first day, the whole range taken from the text', () => {
    expect(findDates('7-13th Nov - rebuilt the clusters')[0]).toMatchObject({ year: null, month: 11, day: 7, text: '7-13th Nov' })
    expect(findDates('Nov 15–16, 2023 cleanup')[0]).toMatchObject({ year: 2023, month: 11, day: 15 })
    expect(matchDateAt('7-13th Nov - rebuilt')).toMatchObject({ month: 11, day: 7 })
  })
})

describe('dates written with hyphen look-alikes', () => {
  it('reads "2025‑05‑20" written with non-breaking hyphens (U+2011), figure dashes and minus signs, keeping the text as written', () => {
    for (const dash of ['\u2010', '\u2011', '\u2012', '\u2212']) {
      const text = `Service outage on 2025${dash}05${dash}20 at noon`
      const [date] = findDates(text)
      expect(date).toMatchObject({ year: 2025, month: 5, day: 20, text: `2025${dash}05${dash}20`, index: 18 })
      expect(parseDate(`2025${dash}05${dash}20`)).toMatchObject({ year: 2025, month: 5, day: 20 })
      expect(matchDateAt(`2025${dash}05${dash}20 08:41`)).toMatchObject({ year: 2025, month: 5, day: 20 })
    }
  })

  it('dates a timeline from a title written with non-breaking hyphens', async () => {
    const { normalizeDocument } = await import('../src/normalize/index.js')
    const { DEFAULT_TAG_VOCABULARY } = await import('../src/config.js')
    const md =
      '# API outage on 2025\u201105\u201120\n\n## Timeline (UTC)\n\n| Time | Event |\n|------|-------|\n| 08:41 | Errors start |\n| 09:54 | Resolved |\n'
    const record = normalizeDocument('a.md', md, { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }).record
    expect(record.date).toBe('2025-05-20')
    expect(record.timeline.map((e) => `${e.date} ${e.time}`)).toEqual(['2025-05-20 08:41', '2025-05-20 09:54'])
    expect(record.title).toBe('API outage on 2025\u201105\u201120')
  })
})
