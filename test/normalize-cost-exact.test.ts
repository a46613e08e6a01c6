import { describe, expect, it } from 'vitest'
import { DateTime, IANAZone } from 'luxon'
import { closesIncident, endScore, findMarkedEvents, isLeadUp, startScore } from '../src/normalize/impact/marked-events.js'
import { isBefore, isBeforeKey, momentInZone, momentKey } from '../src/normalize/impact/moment-math.js'
import { isoInstant, isoMinutesBetween } from '../src/normalize/time/datetime-range.js'
import { luxonZone, mayNameIanaZone, parseZone } from '../src/normalize/time/zones.js'
import { statesDate } from '../src/normalize/stated.js'
import type { Moment } from '../src/types.js'
import type { TimelineEntry } from '../src/types.js'
import { proseOf } from '../src/normalize/summary/language.js'
import { parseMarkdown } from '../src/markdown/parse.js'
import { frontMatterInstant, isGregorianDay, isIsoDay } from '../src/normalize/front-matter/meta.js'
import { seededRandom } from './helpers/random.js'

/** Shortcuts taken for the normalizer's cost give what the full reading gives. */
describe('marked-event scores', () => {
  it('is the heaviest matching stem whatever order the stems match in', () => {
    // "errors" is a weight-1 start stem, "went down" a weight-3 one; "restored" weight 3 and "normal" weight 1 for the end.
    expect(startScore('errors everywhere, then the site went down')).toBe(3)
    expect(endScore('normal traffic again, service restored')).toBe(3)
  })

  it('answers the same for a text read again, after many other texts', () => {
    const text = 'The API is unreachable for most users'
    const first = startScore(text)
    for (let i = 0; i < 2000; i++) startScore(`event ${i} errors begin`)
    expect(startScore(text)).toBe(first)
    expect(first).toBe(2)
  })
})

describe('language sample prose', () => {
  it('drops links and e-mail addresses, and keeps a text without them', () => {
    const tree = parseMarkdown('Mail ops@example.com or see https://status.example.com and www.example.org now.\n\nPlain words stay.')
    expect(proseOf(tree.children)).toBe('Mail or see and now. Plain words stay.')
    expect(proseOf(parseMarkdown('No links: a b `code` c.').children)).toBe('No links: a b code c.')
  })
})

describe('findMarkedEvents', () => {
  /** The reading before it was made lazy: every event scored both ways. */
  function eager(entries: TimelineEntry[]) {
    const starts = entries.map((e) => startScore(e.text))
    const ends = entries.map((e) => endScore(e.text))
    const strongest = starts.findIndex((s) => s >= 2)
    const first = starts.findIndex((s, i) => s >= 1 && !isLeadUp(entries[i]!.text))
    const start = strongest < 0 ? null : first >= 0 && first < strongest ? first : strongest
    const from = start ?? 0
    const best = Math.max(0, ...ends.slice(from + 1))
    // The last event of the best score, skipping an incident close after an earlier one of that score.
    let end: number | null = null
    const firstBest = ends.findIndex((e, i) => i > from && e === best)
    if (best >= 2)
      for (let i = entries.length - 1; i > from && end === null; i--) if (ends[i]! === best && (i === firstBest || !closesIncident(entries[i]!.text))) end = i
    // With no marked start nor later end, the first event may end the impact.
    if (start === null && best < 2 && entries.length > 0 && ends[0]! >= 2) end = 0
    return { start, end, startScore: start === null ? 0 : starts[start]!, endScore: end === null ? 0 : ends[end]! }
  }
  const texts = [
    'Deployed the new config',
    'Errors begin on the API',
    'Site goes down',
    'Users report slow pages',
    'Merged the change',
    'Service restored',
    'Fully restored',
    'Still not fully restored',
    'Postmortem meeting',
    'Latency is normal again',
    'Monitoring',
    'Incident closed',
  ]

  it('gives what scoring every event gives, on 3,000 random timelines', () => {
    const next = seededRandom(14)
    for (let n = 0; n < 3000; n++) {
      const entries = Array.from({ length: Math.floor(next() * 9) }, () => ({ text: texts[Math.floor(next() * texts.length)]! }) as TimelineEntry)
      expect(findMarkedEvents(entries), entries.map((e) => e.text).join(' | ')).toEqual(eager(entries))
    }
  })
})

describe('isoMinutesBetween', () => {
  const luxon = (a: string, b: string) => Math.round(DateTime.fromISO(b).diff(DateTime.fromISO(a), 'minutes').minutes)

  it("equals luxon's rounded minutes on random instants in toIso's shape, valid or not", () => {
    const next = seededRandom(18)
    const pad = (n: number) => String(n).padStart(2, '0')
    const iso = () =>
      `${1990 + Math.floor(next() * 50)}-${pad(1 + Math.floor(next() * 13))}-${pad(Math.floor(next() * 33))}T${pad(Math.floor(next() * 25))}:${pad(
        Math.floor(next() * 61),
      )}:${pad(Math.floor(next() * 61))}${next() < 0.5 ? '+' : '-'}${pad(Math.floor(next() * 15))}:${pad([0, 30, 45][Math.floor(next() * 3)]!)}`
    for (let n = 0; n < 20_000; n++) {
      const [a, b] = [iso(), iso()]
      const ours = isoMinutesBetween(a, b)
      const theirs = luxon(a, b)
      expect(Number.isNaN(ours) ? 'NaN' : ours, `${a} to ${b}`).toEqual(Number.isNaN(theirs) ? 'NaN' : theirs)
    }
  })

  it('reads only valid days and times directly', () => {
    expect(isoInstant('2024-02-29T10:00:00+01:00')).toBe(Date.UTC(2024, 1, 29, 9))
    expect(isoInstant('2023-02-29T10:00:00+01:00')).toBeNull()
    expect(isoInstant('2024-04-31T10:00:00Z')).toBeNull()
    expect(isoInstant('2024-04-30T24:00:00+00:00')).toBeNull()
  })
})

describe('momentInZone', () => {
  /** The reading before the direct one: luxon parses the instant and moves it into the zone. */
  function viaLuxon(at: string, zone: string): Moment | null {
    const there = DateTime.fromISO(at, { setZone: true }).setZone(luxonZone(parseZone(zone))!)
    return there.isValid ? { at: there.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ"), date: there.toFormat('yyyy-MM-dd'), time: there.toFormat('HH:mm') } : null
  }

  it("gives luxon's moment for random instants in fixed and daylight-saving zones", () => {
    const next = seededRandom(2026)
    const pad = (n: number) => String(n).padStart(2, '0')
    const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'GMT+2', 'PDT']
    for (let n = 0; n < 5000; n++) {
      const seconds = next() < 0.5 ? `:${pad(Math.floor(next() * 61))}` : ''
      const offset = next() < 0.3 ? 'Z' : `${next() < 0.5 ? '+' : '-'}${pad(Math.floor(next() * 15))}:${pad([0, 30, 45][Math.floor(next() * 3)]!)}`
      const at = `${1995 + Math.floor(next() * 40)}-${pad(1 + Math.floor(next() * 12))}-${pad(1 + Math.floor(next() * 31))}T${pad(Math.floor(next() * 25))}:${pad(Math.floor(next() * 60))}${seconds}${offset}`
      const zone = zones[Math.floor(next() * zones.length)]!
      expect(momentInZone(at, parseZone(zone)!), `${at} in ${zone}`).toEqual(viaLuxon(at, zone))
    }
  })

  it('keys moments so that isBeforeKey answers as isBefore', () => {
    const moments: Moment[] = [
      { at: '2024-05-01T10:00:00+02:00', date: '2024-05-01', time: '10:00' },
      { at: null, date: '2024-05-01', time: '09:30' },
      { at: null, date: '2024-04-30', time: null },
      { at: '2024-05-01T07:59:00Z', date: '2024-05-01', time: '07:59' },
      { at: null, date: null, time: '23:10' },
    ]
    for (const a of moments) for (const b of moments) expect(isBeforeKey(momentKey(b), momentKey(a))).toBe(isBefore(b, a))
  })
})

describe('statesDate', () => {
  it('still finds a written day that only chrono reads, and answers without chrono where no calendar shape is', () => {
    expect(statesDate('The outage began on March 3rd and was fixed in 2024 by the team.')).toBe(false)
    expect(statesDate('The outage began on March 3, 2024 at noon.')).toBe(true)
    expect(statesDate('Sunday 3rd of March 2024, the API failed.')).toBe(true)
    expect(statesDate('The outage lasted 40 minutes, from 10:30 until 11:10.')).toBe(false)
  })
})

describe('front-matter dates without luxon', () => {
  it('isIsoDay answers what DateTime.fromISO(day).isValid answers, for every month and day number of many years', () => {
    const years = [0, 1, 4, 100, 1582, 1899, 1900, 1970, 1999, 2000, 2023, 2024, 2100, 2400, 9999]
    for (const year of years)
      for (let month = 0; month <= 19; month++)
        for (let day = 0; day <= 39; day++) {
          const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
          expect(isIsoDay(text), text).toBe(DateTime.fromISO(text).isValid)
        }
    expect(isIsoDay('2024-2-01')).toBe(false)
  })

  it('isGregorianDay answers what DateTime.fromObject({ year, month, day }).isValid answers, for years 0 to 9999', () => {
    const years = [0, 1, 4, 99, 100, 1582, 1899, 1900, 1970, 1999, 2000, 2023, 2024, 2100, 2400, 9999]
    for (const year of years)
      for (let month = 0; month <= 19; month++)
        for (let day = 0; day <= 39; day++)
          expect(isGregorianDay(year, month, day), `${year}-${month}-${day}`).toBe(DateTime.fromObject({ year, month, day }).isValid)
    expect(isGregorianDay(2024, 1.5, 1)).toBe(false)
    expect(isGregorianDay(10000, 1, 1)).toBe(false)
  })

  it('frontMatterInstant reads a Date as luxon in UTC formats it, on 20,000 random instants and the edges', () => {
    const viaLuxon = (value: Date) => {
      const dt = DateTime.fromJSDate(value, { zone: 'utc' })
      if (!dt.isValid || dt.year < 1 || dt.year > 9999) return null
      return { date: dt.toFormat('yyyy-MM-dd'), at: dt.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ") }
    }
    const next = seededRandom(14)
    const span = Date.UTC(10001, 0, 1) - Date.UTC(-1, 0, 1)
    const dates = Array.from({ length: 20_000 }, () => new Date(Date.UTC(-1, 0, 1) + Math.floor(next() * span)))
    dates.push(new Date(Number.NaN), new Date(Date.UTC(0, 11, 31, 23, 59, 59, 999) - 1), new Date('0001-01-01T00:00:00Z'), new Date('9999-12-31T23:59:59.999Z'))
    dates.push(new Date('10000-01-01T00:00:00Z'), new Date(-1), new Date(1_700_000_000_123), new Date(8.64e15))
    for (const date of dates) expect(frontMatterInstant(date), String(date.getTime())).toEqual(viaLuxon(date))
  })
})

describe('IANA zone names asked of ICU', () => {
  it('mayNameIanaZone holds for every zone and alias ICU accepts, in any case, so no valid name is skipped', () => {
    const names = [...Intl.supportedValuesOf('timeZone'), 'US/Pacific', 'Asia/Calcutta', 'Etc/GMT+5', 'Etc/GMT-14', 'America/Argentina/ComodRivadavia']
    for (const name of names.flatMap((n) => [n, n.toLowerCase(), n.toUpperCase()]))
      if (IANAZone.isValidZone(name)) expect(mayNameIanaZone(name), name).toBe(true)
    const next = seededRandom(7)
    const pieces = ['Europe', 'Berlin', '/', '_', '-', '+', '5', ' ', '.', 'é', 'America', 'New_York', 'x']
    for (let i = 0; i < 5000; i++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 6) }, () => pieces[Math.floor(next() * pieces.length)]).join('')
      if (IANAZone.isValidZone(text)) expect(mayNameIanaZone(text), text).toBe(true)
    }
    expect(mayNameIanaZone('10/12')).toBe(false)
    expect(parseZone('Europe/Berlin')?.iana).toBe('Europe/Berlin')
  })
})
