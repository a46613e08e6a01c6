import { describe, expect, it, vi } from 'vitest'
import { DateTime, IANAZone, Settings } from 'luxon'
import { findZone, formatOffset, offsetOn, parseZone, toIso } from '../src/normalize/time/zones.js'

describe('parseZone', () => {
  it.each([
    ['CEST', 'Europe/Berlin', 120],
    ['CET', 'Europe/Berlin', 60],
    ['UTC', null, 0],
    ['utc', null, 0],
    ['GMT', null, 0],
    ['GMT+1', null, 60],
    ['UTC-05:30', null, -330],
    ['(UTC)', null, 0],
    ['EST', 'America/New_York', -300],
    ['EDT', 'America/New_York', -240],
    ['BST', 'Europe/London', 60],
    ['JST', 'Asia/Tokyo', 540],
    ['Eastern', 'America/New_York', null],
    ['PST', 'America/Los_Angeles', -480],
    ['PDT', 'America/Los_Angeles', -420],
    ['PCT', 'America/Los_Angeles', null],
    ['Pacific Time', 'America/Los_Angeles', null],
    ['Pacific time', 'America/Los_Angeles', null],
    ['Pacific Standard Time', 'America/Los_Angeles', -480],
    ['Pacific Daylight Time', 'America/Los_Angeles', -420],
    ['Central European Summer Time', 'Europe/Berlin', 120],
    ['AEST', 'Australia/Sydney', 600],
    ['AEDT', 'Australia/Sydney', 660],
    ['SAST', null, 120],
    ['South African Standard Time', null, 120],
    ['Denver', 'America/Denver', null],
    ['DEnver', 'America/Denver', null],
    ['New York', 'America/New_York', null],
    ['America/Denver', 'America/Denver', null],
    ['Europe/Berlin', 'Europe/Berlin', null],
    ['Berlin time', 'Europe/Berlin', null],
    ['London Time', 'Europe/London', null],
    ['UTC+05:45', null, 345],
    // The standard and daylight names of one region together mean its clock: the offset follows the date.
    ['PST/PDT', 'America/Los_Angeles', null],
    ['CET / CEST', 'Europe/Berlin', null],
    ['EDT/EST', 'America/New_York', null],
    ['UTC/GMT', null, 0],
    ['ICT', null, 420],
    ['ART', null, -180],
    ['West African Time', null, 60],
    ['Indochina Time', null, 420],
    ['China Standard Time', 'Asia/Shanghai', 480],
  ] as const)('%s', (text, iana, fixedOffsetMinutes) => {
    expect(parseZone(text)).toEqual({ written: text.replace(/[()]/g, ''), iana, fixedOffsetMinutes })
  })

  it.each(['AM', 'May', 'cat', 'west', 'Team', '', 'Mars/Olympus', 'GMT+99', 'Troll', 'Center', 'Christmas time', 'Easter time', 'UTC - 10:40', 'UTC+1:10'])(
    'rejects %j',
    (text) => {
      expect(parseZone(text)).toBeNull()
    },
  )
})

describe('findZone', () => {
  it.each([
    ['Timeline (CEST)', 'CEST'],
    ['Timeline (times in UTC)', 'UTC'],
    ['All times in PST', 'PST'],
    ['Date and Time in CET', 'CET'],
    ['Timeline (all hours, Pacific time)', 'Pacific time'],
    ['Timeline (all times in Pacific Time)', 'Pacific Time'],
    ['and all times are in\nUTC.', 'UTC'],
    ['Times are in Europe/Berlin', 'Europe/Berlin'],
    ['16:15 GMT+1: detected', 'GMT+1'],
    ['Timeline (all times Eastern)', 'Eastern'],
    ['Timeline (times in UTC+2)', 'UTC+2'],
    ['All times are Berlin time.', 'Berlin time'],
    ['Timeline (all times London time)', 'London time'],
    ['Timeline (Central European Time)', 'Central European Time'],
    ['All times in Central European Summer Time', 'Central European Summer Time'],
    ['Timeline (all times in PST/PDT)', 'PST/PDT'],
    ['Timeline (all times West African Time)', 'West African Time'],
  ])('%j -> %s', (text, written) => {
    expect(findZone(text)?.written).toBe(written)
  })

  it.each([
    'Timeline',
    'Timeline - May 29, 2021',
    'Incident Timeline',
    'Detection time',
    'DNS and API at 9 AM',
    'we restarted at the same time',
    'over the Christmas time',
  ])('finds none in %j', (text) => {
    expect(findZone(text)).toBeNull()
  })
})

describe('toIso', () => {
  it.each([
    ['2023-03-26', '01:30', 'CET', '2023-03-26T01:30:00+01:00'],
    // An abbreviation that says its season is the offset the author wrote, whatever the date.
    ['2023-03-26', '03:30', 'CET', '2023-03-26T03:30:00+01:00'],
    // In the spring-forward gap: moved an hour forward.
    ['2023-03-26', '02:30', 'Europe/Berlin', '2023-03-26T03:30:00+02:00'],
    ['2023-08-03', '09:03', 'CEST', '2023-08-03T09:03:00+02:00'],
    // CET written in summer is still the +01:00 the author wrote; CEST in March is +02:00.
    ['2023-08-03', '09:03', 'CET', '2023-08-03T09:03:00+01:00'],
    ['2024-03-17', '10:47', 'CEST', '2024-03-17T10:47:00+02:00'],
    ['2019-01-22', '14:54', 'PST', '2019-01-22T14:54:00-08:00'],
    // PST written in July is -08:00 as written, PDT in January -07:00; "Pacific time" follows the calendar.
    ['2019-07-01', '10:00', 'PST', '2019-07-01T10:00:00-08:00'],
    ['2021-01-11', '10:00', 'PDT', '2021-01-11T10:00:00-07:00'],
    ['2019-07-01', '10:00', 'Pacific time', '2019-07-01T10:00:00-07:00'],
    ['2019-01-01', '10:00', 'PT', '2019-01-01T10:00:00-08:00'],
    // The repeated hour in autumn takes the standard-time offset, in either hemisphere and whatever today's date.
    ['2019-11-03', '01:30', 'America/Los_Angeles', '2019-11-03T01:30:00-08:00'],
    ['2019-11-03', '00:30', 'America/Los_Angeles', '2019-11-03T00:30:00-07:00'],
    ['2023-04-02', '02:30', 'Australia/Sydney', '2023-04-02T02:30:00+10:00'],
    ['2021-05-29', '16:37', 'Denver', '2021-05-29T16:37:00-06:00'],
    ['2023-01-31', '16:15', 'GMT+1', '2023-01-31T16:15:00+01:00'],
    ['2023-07-31', '16:15', 'SAST', '2023-07-31T16:15:00+02:00'],
    ['2019-10-21', '01:38', 'UTC', '2019-10-21T01:38:00+00:00'],
    ['2019-10-21', '01:38:09', 'UTC', '2019-10-21T01:38:09+00:00'],
  ])('%s %s %s', (date, time, zone, at) => {
    expect(toIso(date, time, parseZone(zone))?.at).toBe(at)
  })

  it('returns the offset beside the instant', () => {
    expect(toIso('2023-08-03', '09:03', parseZone('CEST'))?.offset).toBe('+02:00')
  })

  it('returns null without a zone or with a bad date', () => {
    expect(toIso('2023-08-03', '09:03', null)).toBeNull()
    expect(toIso('2023-02-30', '09:03', parseZone('UTC'))).toBeNull()
    expect(toIso('03.08.2023', '09:03', parseZone('UTC'))).toBeNull()
  })

  it('gives the same instants when asked again (remembered IANA offsets) and a fixed offset by arithmetic', () => {
    const berlin = parseZone('Europe/Berlin')
    const times = [
      ['2023-03-26', '01:30'],
      ['2023-03-26', '02:30'],
      ['2023-03-26', '03:30'],
      ['2023-10-29', '03:30'],
      ['2024-02-29', '23:59'],
    ]
    const first = times.map(([date, time]) => toIso(date!, time!, berlin))
    expect(times.map(([date, time]) => toIso(date!, time!, berlin))).toEqual(first)
    expect(first.map((r) => r?.at)).toEqual([
      '2023-03-26T01:30:00+01:00',
      '2023-03-26T03:30:00+02:00',
      '2023-03-26T03:30:00+02:00',
      '2023-10-29T03:30:00+01:00',
      '2024-02-29T23:59:00+01:00',
    ])
    expect(toIso('2024-02-29', '23:59:07', parseZone('GMT+5:30'))).toEqual({ at: '2024-02-29T23:59:07+05:30', offset: '+05:30' })
    expect(toIso('2023-02-29', '10:00', parseZone('UTC'))).toBeNull()
    expect(toIso('2023-01-01', '24:00', parseZone('UTC'))).toBeNull()
  })
})

describe('toIso and the date of the build', () => {
  it('gives the same instant in a repeated or skipped hour whether the build runs in January or in July', () => {
    const cases: Array<[string, string, string]> = [
      ['2019-11-03', '01:30', 'America/Los_Angeles'],
      ['2023-04-02', '02:30', 'Australia/Sydney'],
      ['2023-03-26', '02:30', 'Europe/Berlin'],
    ]
    const at = (now: number): Array<string | null> => {
      vi.useFakeTimers({ now })
      try {
        return cases.map(([date, time, iana]) => toIso(date, time, { written: iana, iana, fixedOffsetMinutes: null })?.at ?? null)
      } finally {
        vi.useRealTimers()
      }
    }
    expect(at(Date.UTC(2026, 6, 15))).toEqual(at(Date.UTC(2026, 0, 15)))
  })
})

describe('toIso against luxon', () => {
  /**
   * What luxon's `DateTime.fromObject` gives with its clock set to a moment of standard time in that year: luxon guesses
   * from the offset "now", toIso from the year's standard offset, so in a repeated hour both then take standard time.
   */
  function viaLuxon(date: string, time: string, iana: string): string | null {
    const [y, mo, d] = date.split('-').map(Number)
    const [h, mi, s] = time.split(':').map(Number)
    const zone = IANAZone.create(iana)
    const [january, july] = [0, 6].map((month) => DateTime.utc(y!, month + 1, 1).toMillis())
    const standard = zone.offset(january!) <= zone.offset(july!) ? january! : july!
    const realNow = Settings.now
    Settings.now = () => standard
    const dt = DateTime.fromObject({ year: y, month: mo, day: d, hour: h, minute: mi, second: s ?? 0 }, { zone: iana })
    Settings.now = realNow
    if (!dt.isValid || dt.day !== d) return null
    const pad = (n: number): string => String(n).padStart(2, '0')
    return `${String(dt.year).padStart(4, '0')}-${pad(dt.month)}-${pad(dt.day)}T${pad(dt.hour)}:${pad(dt.minute)}:${pad(dt.second)}${formatOffset(dt.offset)}`
  }

  it("gives luxon's instant for every local time around DST changes, bad days and hour 24", () => {
    const zones = ['Europe/Berlin', 'America/Los_Angeles', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Sao_Paulo', 'Europe/Moscow', 'Pacific/Apia']
    const days = ['2023-03-26', '2023-10-29', '2019-11-03', '2019-03-10', '2011-12-29', '2011-12-30', '2014-10-26', '2024-02-29', '2023-02-29', '2023-04-31']
    const times = ['00:00', '00:30', '01:30', '02:00', '02:30', '03:00', '03:30', '12:00', '23:59:59', '24:00', '24:01', '23:60']
    let checked = 0
    for (const iana of zones)
      for (const date of days)
        for (const time of times) {
          const ours = toIso(date, time, { written: iana, iana, fixedOffsetMinutes: null })?.at ?? null
          expect([iana, date, time, ours]).toEqual([iana, date, time, viaLuxon(date, time, iana)])
          checked++
        }
    expect(checked).toBe(zones.length * days.length * times.length)
  })

  it("gives luxon's instant on random times in random zones", () => {
    const zones = Intl.supportedValuesOf('timeZone').filter((_, i) => i % 7 === 0)
    let seed = 7
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    const pad = (n: number): string => String(n).padStart(2, '0')
    for (let i = 0; i < 3000; i++) {
      const iana = zones[next(zones.length)]!
      const date = `${1900 + next(200)}-${pad(1 + next(12))}-${pad(1 + next(31))}`
      const time = `${pad(next(25))}:${pad(next(60))}:${pad(next(60))}`
      expect([iana, date, time, toIso(date, time, { written: iana, iana, fixedOffsetMinutes: null })?.at ?? null]).toEqual([
        iana,
        date,
        time,
        viaLuxon(date, time, iana),
      ])
    }
  })
})

describe('offsetOn', () => {
  it.each([
    ['2023-08-03', 'CEST', '+02:00'],
    ['2023-01-10', 'PST', '-08:00'],
    [null, 'GMT+1', '+01:00'],
    [null, 'PST', '-08:00'],
    [null, 'Pacific time', null],
  ] as const)('%s %s', (date, zone, offset) => {
    expect(offsetOn(date, parseZone(zone))).toBe(offset)
  })
})
