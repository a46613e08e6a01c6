/**
 * Arithmetic on moments (`{ at, date, time }` with any part unknown): the minutes between two of them and a moment
 * shifted by minutes, on the absolute axis when both have an offset, else on the incident's own wall clock.
 */
import { DateTime } from 'luxon'
import type { Moment } from '../../types.js'
import { formatOffset } from '../time/zone-offsets.js'
import { isoInstant } from '../time/datetime-range.js'
import { luxonZone, toIso, type ParsedZone } from '../time/zones.js'

const pad2 = (n: number): string => String(n).padStart(2, '0')

const TIME = /^(\d{1,2}):(\d{2})/
const DAY = /^\d{4}-\d{2}-\d{2}$/

/** A moment from a timeline entry or range point, its time cut to `HH:MM`; `null` when it has neither date nor time. */
export function momentOf(value: { at: string | null; date: string | null; time: string | null }, zone: ParsedZone | null = null): Moment | null {
  const t = value.time ? TIME.exec(value.time) : null
  const time = t ? `${t[1]!.padStart(2, '0')}:${t[2]}` : null
  const date = value.date && DAY.test(value.date) ? value.date : null
  if (!time && !date) return null
  const at = value.at ?? (date && time ? (toIso(date, time, zone)?.at ?? null) : null)
  return { at, date, time }
}

function timeMinutes(m: Moment): number | null {
  const t = m.time ? TIME.exec(m.time) : null
  return t ? Number(t[1]) * 60 + Number(t[2]) : null
}

function wallMinutes(m: Moment): number | null {
  const clock = timeMinutes(m)
  if (!m.date || clock === null) return null
  return Date.parse(`${m.date}T00:00:00Z`) / 60_000 + clock
}

/**
 * Minutes from `a` to `b`: by instants when both have `at`, by wall clock when both have date and time, by clock
 * alone (an end earlier than the start is the next day) when a day is missing; `null` when it cannot be told or is negative.
 */
export function minutesFrom(a: Moment | null, b: Moment | null): number | null {
  if (!a || !b) return null
  let diff: number | null = null
  if (a.at && b.at) diff = Math.round((Date.parse(b.at) - Date.parse(a.at)) / 60_000)
  else if (wallMinutes(a) !== null && wallMinutes(b) !== null) diff = wallMinutes(b)! - wallMinutes(a)!
  else if (timeMinutes(a) !== null && timeMinutes(b) !== null && !(a.date && b.date)) diff = (timeMinutes(b)! - timeMinutes(a)! + 1440) % 1440
  else if (a.date && b.date && !a.time && !b.time) diff = (Date.parse(b.date) - Date.parse(a.date)) / 60_000
  return diff !== null && Number.isFinite(diff) && diff >= 0 ? diff : null
}

/** What `isBefore` reads of a moment, read once (for sorting many moments). */
export interface MomentKey {
  at: number | null
  wall: number | null
  date: string | null
}

/** The key of a moment, its instant and wall clock parsed once. */
export function momentKey(m: Moment): MomentKey {
  return { at: m.at ? Date.parse(m.at) : null, wall: wallMinutes(m), date: m.date }
}

/** `isBefore` on keys: the same answer, without parsing either moment again. */
export function isBeforeKey(b: MomentKey, a: MomentKey): boolean {
  if (a.at !== null && b.at !== null) return b.at < a.at
  if (a.wall !== null && b.wall !== null) return b.wall < a.wall
  if (a.date && b.date && a.date !== b.date) return b.date < a.date
  return false
}

/** `true` when `b` is known to come before `a`. */
export function isBefore(b: Moment, a: Moment): boolean {
  if (a.at && b.at) return Date.parse(b.at) < Date.parse(a.at)
  const wa = wallMinutes(a)
  const wb = wallMinutes(b)
  if (wa !== null && wb !== null) return wb < wa
  if (a.date && b.date && a.date !== b.date) return b.date < a.date
  return false
}

/** The moment `minutes` after (or, negative, before) `m`; keeps to the parts `m` has. */
export function shiftMoment(m: Moment, minutes: number, zone: ParsedZone | null): Moment {
  if (m.at) {
    const at = DateTime.fromISO(m.at, { setZone: true }).plus({ minutes })
    if (at.isValid)
      return { at: at.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ"), date: m.date ? at.toFormat('yyyy-MM-dd') : null, time: m.time ? at.toFormat('HH:mm') : null }
  }
  const clock = timeMinutes(m)
  if (clock === null) {
    if (!m.date) return m
    const day = DateTime.fromISO(m.date, { zone: 'utc' }).plus({ minutes })
    return { at: null, date: day.toFormat('yyyy-MM-dd'), time: null }
  }
  const base = m.date ? DateTime.fromISO(`${m.date}T00:00`, { zone: 'utc' }) : DateTime.fromISO('2000-01-01T00:00', { zone: 'utc' })
  const wall = base.plus({ minutes: clock + minutes })
  const date = m.date ? wall.toFormat('yyyy-MM-dd') : null
  const time = wall.toFormat('HH:mm')
  return { at: date ? (toIso(date, time, zone)?.at ?? null) : null, date, time }
}

/**
 * An instant written with its offset, as a moment on another zone's clock (`at` with that zone's offset then, its
 * local day and time): what luxon's `fromISO(at, { setZone: true }).setZone(zone)` gives, read directly for plain
 * instants; `null` when luxon finds the instant invalid.
 */
export function momentInZone(at: string, zone: ParsedZone): Moment | null {
  const local = luxonZone(zone)
  if (!local) return null
  const ms = isoInstant(at)
  const offset = ms === null ? NaN : local.offset(ms)
  const wall = new Date((ms ?? NaN) + offset * 60_000)
  const year = wall.getUTCFullYear()
  if (year >= 1000 && year <= 9999 && Number.isInteger(offset)) {
    const date = `${year}-${pad2(wall.getUTCMonth() + 1)}-${pad2(wall.getUTCDate())}`
    const time = `${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}`
    return { at: `${date}T${time}:${pad2(wall.getUTCSeconds())}${formatOffset(offset)}`, date, time }
  }
  const there = DateTime.fromISO(at, { setZone: true }).setZone(local)
  return there.isValid ? { at: there.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ"), date: there.toFormat('yyyy-MM-dd'), time: there.toFormat('HH:mm') } : null
}
