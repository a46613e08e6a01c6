import type { PostmortemRecord, TimelineEntry } from '../types.js'
import { readIso, utcDay } from './iso.js'

/** A timeline entry placed on one time axis, so entries can be measured against each other. */
export interface TimedEntry {
  /** Index of the entry in `record.timeline`. */
  index: number
  entry: TimelineEntry
  /** Milliseconds on the axis: absolute when every timed entry has `at`, else wall-clock read as UTC. */
  ms: number
  /** Wall-clock milliseconds (the incident's own clock read as UTC), for day boundaries and display. */
  wallMs: number
  /** `YYYY-MM-DD` the entry falls on, when known. */
  day: string | null
  /** `HH:MM` in the incident's zone. */
  time: string
  /** ISO 8601 of the entry (with offset where known), `null` when its day is unknown. */
  iso: string | null
  /** `true` when the axis is absolute (every timed entry had a full `at` with an offset). */
  absolute: boolean
}

const DAY = /^\d{4}-\d{2}-\d{2}$/
const TIME = /^(\d{1,2}):(\d{2})$/
const DAY_MS = 86_400_000

/** Day part of an ISO date-time or date, if it has one. */
function dayOf(value: string | null): string | null {
  const day = value?.slice(0, 10) ?? null
  return day && DAY.test(day) ? day : null
}

/**
 * Places every timed entry of a record on one axis. When all have `at`, the axis is absolute; otherwise times are
 * read as wall-clock, undated entries take the previous entry's day (or the incident's), and an undated time earlier
 * than the one before it is read as the next day (timelines rarely say when midnight passes).
 */
export function timedEntries(record: PostmortemRecord): TimedEntry[] {
  const timed = record.timeline
    .map((entry, index) => ({ entry, index, parts: readIso(entry.at) }))
    .filter(({ entry, parts }) => parts !== null || (entry.time !== null && TIME.test(entry.time)))
  if (timed.length === 0) return []
  if (timed.every(({ parts }) => parts?.ms != null)) {
    return timed.map(({ entry, index, parts }) => ({
      index,
      entry,
      ms: parts!.ms!,
      wallMs: parts!.wallMs,
      day: parts!.day,
      time: parts!.time,
      iso: entry.at,
      absolute: true,
    }))
  }
  const out: TimedEntry[] = []
  let day = dayOf(record.date) ?? dayOf(record.start)
  let offsetDays = 0
  let previous: { minutes: number; dated: boolean } | null = null
  for (const { entry, index, parts } of timed) {
    const time = parts ? parts.time : (entry.time as string).padStart(5, '0')
    const [, hh, mm] = TIME.exec(time)!
    const minutes = Number(hh) * 60 + Number(mm)
    const ownDay = parts?.day ?? dayOf(entry.date)
    if (ownDay) {
      day = ownDay
      offsetDays = 0
    } else if (previous && !previous.dated && minutes < previous.minutes) {
      offsetDays++
    }
    const base = Date.parse(`${day ?? '2000-01-01'}T00:00:00Z`) + offsetDays * DAY_MS
    const ms = base + minutes * 60_000
    const realDay = day ? utcDay(base) : null
    const iso = parts ? (entry.at as string) : realDay ? `${realDay}T${time}:00${record.utcOffset ?? ''}` : null
    out.push({ index, entry, ms, wallMs: ms, day: realDay, time, iso, absolute: false })
    previous = { minutes, dated: ownDay !== null }
  }
  return out
}

/** Minutes between two axis positions, rounded. */
export function minutesBetween(fromMs: number, toMs: number): number {
  return Math.round((toMs - fromMs) / 60_000)
}
