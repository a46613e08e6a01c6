/**
 * A written start-end span ("June 10, 2023, 03:00 PM - 05:30 PM (UTC)", "from midnight to 3:00 AM (SAST)")
 * read into dates, times, ISO instants and a duration; an end before the start with no end date rolls over a day.
 */
import { DateTime } from 'luxon'
import { addDays } from './date-parts.js'
import { findDates, findTimes, formatDate, formatTime, type DateHints, type ParsedTime } from './datetime.js'
import { findZone, offsetOn, parseZone, toIso, type ParsedZone } from './zones.js'
import { RANGE_CONJUNCTIONS, RANGE_WORDS } from './range-join.js'
import { shareMeridiem } from './shared-meridiem.js'

/** One end of a range; each part is null when the text does not say. */
export interface RangePoint {
  date: string | null
  time: string | null
  at: string | null
}

/** Start and end of an incident as written, with the zone as written and its offset at the start. */
export interface DateTimeRange {
  start: RangePoint
  end: RangePoint
  timezone: string | null
  utcOffset: string | null
  durationMinutes: number | null
}

/** Hints for a range: year and day order, the zone from context, the configured default zone, the incident date. */
export type RangeHints = DateHints & { zone?: string | null; defaultTimezone?: string | null; date?: string | null }

/** A range's join written between spaces: a dash or one of the range's words in any language read ("to", "bis", "y las"). */
const SPACED_SEPARATOR = new RegExp(`\\s(?:[-–—~〜～]+|${[...RANGE_WORDS, ...RANGE_CONJUNCTIONS].join('|')})(?:\\s(?:las|la|les))?\\s`, 'i')
const BARE_SEPARATOR = /[-–—~〜～]|부터|から/

interface Side {
  date: string | null
  time: ParsedTime | null
  zone: ParsedZone | null
}

function readSide(text: string, hints: RangeHints): Side {
  const date = findDates(text, hints).find((d) => d.year !== null)
  const [time] = findTimes(text)
  const withoutDate = date ? text.replace(date.text, ' ') : text
  return {
    date: date && date.year !== null ? formatDate({ year: date.year, month: date.month, day: date.day }) : null,
    time: time ?? null,
    zone: findZone(withoutDate.replace(/\b[AaPp]\.?[Mm]\b\.?/g, ' ')),
  }
}

/**
 * An instant as `toIso` writes it, and as status pages and front matter do: a valid calendar day, `HH:MM` with optional
 * seconds, `Z` or `±HH:MM`.
 */
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:Z|([+-])(\d{2}):(\d{2}))$/
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Epoch milliseconds of an `ISO_INSTANT` that luxon reads as valid (a real day, hours to 23); `null` for anything else. */
export function isoInstant(at: string): number | null {
  const m = ISO_INSTANT.exec(at)
  if (!m) return null
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as number[]
  const leap = year! % 4 === 0 && (year! % 100 !== 0 || year! % 400 === 0)
  const days = month === 2 && !leap ? 28 : MONTH_DAYS[month! - 1]
  if (year! < 1000 || days === undefined || day! < 1 || day! > days || hour! > 23 || minute! > 59 || second! > 59) return null
  const offsetHours = Number(m[8] ?? 0)
  const offsetMinutes = Number(m[9] ?? 0)
  if (offsetHours > 23 || offsetMinutes > 59) return null
  const offset = (m[7] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes)
  return Date.UTC(year!, month! - 1, day!, hour!, minute!, second!) - offset * 60_000
}

/** Whole minutes from one ISO instant to another, as luxon's `diff(…, 'minutes')` rounded gives them (read directly in `toIso`'s shape). */
export function isoMinutesBetween(startAt: string, endAt: string): number {
  const start = isoInstant(startAt)
  const end = isoInstant(endAt)
  if (start !== null && end !== null) return Math.round((end - start) / 60_000)
  return Math.round(DateTime.fromISO(endAt).diff(DateTime.fromISO(startAt), 'minutes').minutes)
}

function minutesOf(t: ParsedTime): number {
  return t.hour * 60 + t.minute
}

function splitRange(text: string): [string, string | null] {
  const times = findTimes(text)
  const first = times[0]
  const second = times[1]
  if (!first || !second) return [text, null]
  const gapStart = first.index + first.text.length
  const gap = text.slice(gapStart, second.index)
  const sep = SPACED_SEPARATOR.exec(gap) ?? BARE_SEPARATOR.exec(gap)
  if (!sep) return [text, null]
  return [text.slice(0, gapStart + sep.index), text.slice(gapStart + sep.index + sep[0].length)]
}

/**
 * Reads a written start-end span; null when it names neither a date nor a time. Zone: the one written on either
 * side, else `hints.zone`, else `hints.defaultTimezone`. Date: the one written, else `hints.date`.
 */
export function parseRange(text: string, hints: RangeHints = {}): DateTimeRange | null {
  const clean = text.slice(0, 2000).replace(/[*`]/g, '')
  const [leftText, rightText] = splitRange(clean)
  const right = rightText === null ? null : readSide(rightText, hints)
  const written = readSide(leftText, hints)
  const left = written.time && right?.time ? { ...written, time: shareMeridiem(written.time, right.time) } : written
  if (!left.time && !left.date) return null
  const zone = left.zone ?? right?.zone ?? parseZone(hints.zone ?? '') ?? parseZone(hints.defaultTimezone ?? '')
  const startDate = left.date ?? hints.date ?? null
  let endDate = right?.date ?? startDate
  if (!right?.date && endDate && left.time && right?.time && minutesOf(right.time) < minutesOf(left.time)) {
    endDate = addDays(endDate, 1) ?? endDate
  }
  const point = (date: string | null, time: ParsedTime | null | undefined): RangePoint => {
    const hhmm = time ? formatTime(time) : null
    return { date, time: hhmm, at: date && hhmm ? (toIso(date, hhmm, zone)?.at ?? null) : null }
  }
  const start = point(startDate, left.time)
  const end = right ? point(endDate, right.time) : { date: null, time: null, at: null }
  let durationMinutes: number | null = null
  if (start.at && end.at) {
    durationMinutes = isoMinutesBetween(start.at, end.at)
  } else if (left.time && right?.time && !right.date) {
    durationMinutes = (minutesOf(right.time) - minutesOf(left.time) + 1440) % 1440
  }
  const startAt = start.date && start.time ? toIso(start.date, start.time, zone) : null
  return {
    start,
    end,
    timezone: zone?.written ?? null,
    utcOffset: startAt?.offset ?? offsetOn(startDate, zone),
    durationMinutes,
  }
}
