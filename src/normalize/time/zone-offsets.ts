/** Offsets of a parsed zone at a moment: luxon zones (IANA offsets remembered per instant), ISO instants, shifts between zones. */
import { FixedOffsetZone, IANAZone, type Zone } from 'luxon'
import type { ParsedZone } from './zones.js'

/**
 * An IANA zone that remembers its offset at each instant asked (a bounded map): luxon asks a zone's offset two or three
 * times for each DateTime it builds, one of them at the current time, and each answer costs an `Intl` `formatToParts`.
 * The offset at an instant never changes, so remembering it changes no result.
 */
class RememberingZone extends IANAZone {
  private readonly offsets = new Map<number, number>()

  override offset(ts: number): number {
    let offset = this.offsets.get(ts)
    if (offset === undefined) {
      offset = super.offset(ts)
      if (this.offsets.size >= 4096) this.offsets.clear()
      this.offsets.set(ts, offset)
    }
    return offset
  }
}

const rememberingZones = new Map<string, RememberingZone>()

/** Luxon zone for a parsed zone, or null when it cannot be resolved. */
export function luxonZone(zone: ParsedZone | null): Zone | null {
  if (!zone) return null
  if (zone.fixedOffsetMinutes !== null) return FixedOffsetZone.instance(zone.fixedOffsetMinutes)
  if (!zone.iana) return null
  let found = rememberingZones.get(zone.iana)
  if (!found) {
    found = new RememberingZone(zone.iana)
    if (rememberingZones.size < 1000) rememberingZones.set(zone.iana, found)
  }
  return found
}

/** Formats an offset in minutes as `+02:00`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

/** `true` for a Gregorian year (luxon's rule, year 0 included) with a 29 February. */
const leapYear = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/**
 * Local `YYYY-MM-DD` + `HH:MM[:SS]` in a zone as ISO 8601 with offset; null without a zone or on invalid input.
 * Daylight saving follows the IANA rules: a time in the spring-forward gap moves forward an hour, a time in the
 * repeated autumn hour takes the standard-time offset, whatever the date the build runs on.
 */
export function toIso(date: string, time: string, zone: ParsedZone | null): { at: string; offset: string } | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time)
  if (zone?.fixedOffsetMinutes != null && d && t) return fixedIso(d, t, zone.fixedOffsetMinutes)
  const z = luxonZone(zone)
  if (!z || !d || !t) return null
  const [year, month, day, hour, minute, second] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2]), Number(t[3] ?? 0)]
  const days = month === 2 ? (leapYear(year) ? 29 : 28) : MONTH_DAYS[month - 1]
  const validHour = hour <= 23 || (hour === 24 && minute === 0 && second === 0)
  if (days === undefined || day < 1 || day > days || !validHour || minute > 59 || second > 59) return null
  const local = localMillis(year, month, day, hour, minute, second)
  // The guess is the zone's standard offset that year (the smaller of January's and July's, either hemisphere), not
  // luxon's "offset now": a time in the repeated autumn hour would otherwise change with the season of the build.
  const guess = Math.min(z.offset(localMillis(year, 1, 1, 0, 0, 0)), z.offset(localMillis(year, 7, 1, 0, 0, 0)))
  const { ts, offsetMinutes } = fixOffset(local, guess, z)
  const fields = new Date(ts + offsetMinutes * 60_000)
  if (Number.isNaN(fields.getTime()) || fields.getUTCDate() !== day) return null
  const offset = formatOffset(offsetMinutes)
  const pad = (n: number): string => String(n).padStart(2, '0')
  const at = `${String(fields.getUTCFullYear()).padStart(4, '0')}-${pad(fields.getUTCMonth() + 1)}-${pad(fields.getUTCDate())}`
  return { at: `${at}T${pad(fields.getUTCHours())}:${pad(fields.getUTCMinutes())}:${pad(fields.getUTCSeconds())}${offset}`, offset }
}

/** Local wall-clock fields as epoch milliseconds with the offset baked in (luxon's `objToLocalTS`, years 0 to 99 kept as written). */
function localMillis(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const ms = Date.UTC(year, month - 1, day, hour, minute, second)
  if (year >= 100) return ms
  const fixed = new Date(ms)
  fixed.setUTCFullYear(year, month - 1, day)
  return fixed.getTime()
}

/**
 * The instant and offset of a local time in a zone, from a guessed offset: luxon's `fixOffset`, step for step, so a
 * time in a spring-forward gap and one in a repeated autumn hour come out as luxon's `DateTime.fromObject` gives them.
 */
function fixOffset(local: number, guess: number, zone: Zone): { ts: number; offsetMinutes: number } {
  let utc = local - guess * 60_000
  const o2 = zone.offset(utc)
  if (o2 === guess) return { ts: utc, offsetMinutes: guess }
  utc -= (o2 - guess) * 60_000
  const o3 = zone.offset(utc)
  if (o2 === o3) return { ts: utc, offsetMinutes: o2 }
  return { ts: local - Math.min(o2, o3) * 60_000, offsetMinutes: Math.max(o2, o3) }
}

/** `toIso` in a fixed-offset zone by plain arithmetic (the local fields are the instant's own): what luxon returns, without building a DateTime. */
function fixedIso(d: RegExpExecArray, t: RegExpExecArray, offsetMinutes: number): { at: string; offset: string } | null {
  const [year, month, day, hour, minute, second] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2]), Number(t[3] ?? 0)]
  const days = month === 2 && leapYear(year) ? 29 : MONTH_DAYS[month - 1]
  if (days === undefined || day < 1 || day > days || hour > 23 || minute > 59 || second > 59) return null
  const offset = formatOffset(offsetMinutes)
  return { at: `${d[1]}-${d[2]}-${d[3]}T${t[1]}:${t[2]}:${t[3] ?? '00'}${offset}`, offset }
}

/** Minutes a clock in zone `a` is ahead of one in zone `b` on a day (0 when either offset is unknown). */
export function zoneShift(date: string | null, a: ParsedZone, b: ParsedZone): number {
  const minutes = (zone: ParsedZone): number | null => {
    if (zone.fixedOffsetMinutes !== null) return zone.fixedOffsetMinutes
    const offset = date ? toIso(date, '12:00', zone)?.offset : null
    const m = offset ? /^([+-])(\d{2}):(\d{2})$/.exec(offset) : null
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : null
  }
  const x = minutes(a)
  const y = minutes(b)
  return x === null || y === null ? 0 : x - y
}

/** Offset (`+02:00`) a zone has on a given day at noon, for a record whose times are unknown. */
export function offsetOn(date: string | null, zone: ParsedZone | null): string | null {
  if (!zone) return null
  if (zone.fixedOffsetMinutes !== null) return formatOffset(zone.fixedOffsetMinutes)
  return date ? (toIso(date, '12:00', zone)?.offset ?? null) : null
}
