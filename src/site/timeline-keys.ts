import { readIso } from '../enrich/iso.js'
import type { TimedEntry } from '../enrich/moments.js'
import type { Moment, RecordHead } from '../types.js'

/** A key moment of the incident on the timeline's wall clock: impact start, detected, mitigated, resolved. */
export interface KeyMoment {
  /** What happened (`Impact start`, `Detected`), several joined when they fall on the same minute. */
  name: string
  /** Wall-clock minutes (the incident's own clock read as UTC), on the same axis as the timeline's events. */
  minute: number
  /** `HH:MM` on that clock. */
  time: string
  /** `true` when every part of it was inferred from timeline wording rather than stated. */
  inferred: boolean
}

/** The impact window on the same wall clock, when both ends can be placed. */
export interface WallWindow {
  from: number
  to: number
}

const TIME = /^(\d{1,2}):(\d{2})$/

/** Wall-clock minutes of an impact moment: its ISO value, else its date and time, else a timeline event at that time. */
function momentMinute(moment: Moment | null, timed: TimedEntry[], day: string | null): number | null {
  if (!moment) return null
  const parts = readIso(moment.at)
  if (parts) return parts.wallMs / 60_000
  const time = moment.time && TIME.exec(moment.time)
  if (!time) return null
  const hhmm = `${time[1]!.padStart(2, '0')}:${time[2]}`
  const date = moment.date ?? null
  if (date) return Date.parse(`${date}T${hhmm}:00Z`) / 60_000
  const same = timed.find((t) => t.time === hhmm)
  if (same) return same.wallMs / 60_000
  return day ? Date.parse(`${day}T${hhmm}:00Z`) / 60_000 : null
}

const clock = (minute: number): string => {
  const m = ((Math.round(minute) % 1440) + 1440) % 1440
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
}

/** The record's key moments (same-minute ones merged) and impact window, placed on the timeline's wall clock. */
export function keyMoments(record: RecordHead, timed: TimedEntry[]): { moments: KeyMoment[]; window: WallWindow | null } {
  const day = (record.date?.length === 10 ? record.date : null) ?? timed.find((t) => t.day)?.day ?? null
  const impact = record.impact
  const start = impact?.source ? momentMinute(impact.start, timed, day) : null
  const end = impact?.source ? momentMinute(impact.end, timed, day) : null
  const m = record.metrics
  const found: Array<{ name: string; minute: number | null; inferred: boolean }> = [
    { name: 'Impact start', minute: start, inferred: impact?.source === 'timeline' },
    ...(['detected', 'mitigated', 'resolved'] as const).map((key) => {
      const phase = m[key]
      const parts = readIso(phase?.at)
      return { name: key[0]!.toUpperCase() + key.slice(1), minute: parts ? parts.wallMs / 60_000 : null, inferred: phase?.inferred ?? false }
    }),
  ]
  const moments: KeyMoment[] = []
  for (const f of found) {
    if (f.minute === null || !Number.isFinite(f.minute)) continue
    const same = moments.find((k) => k.minute === f.minute)
    if (same) {
      same.name = `${same.name}, ${f.name.toLowerCase()}`
      same.inferred &&= f.inferred
    } else moments.push({ name: f.name, minute: f.minute, time: clock(f.minute), inferred: f.inferred })
  }
  moments.sort((a, b) => a.minute - b.minute)
  const window = start !== null && end !== null && end > start ? { from: start, to: end } : null
  return { moments, window }
}
