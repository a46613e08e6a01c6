import { DateTime } from 'luxon'

/** The parts of an ISO 8601 date-time that pages and metrics need. */
export interface IsoParts {
  /** `YYYY-MM-DD` as written (local to the offset). */
  day: string
  /** `HH:MM` as written. */
  time: string
  /** The wall-clock reading as if it were UTC, in milliseconds: for measuring on the incident's own clock. */
  wallMs: number
  /** The instant in milliseconds, `null` when the value has no offset. */
  ms: number | null
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i
const pad = (n: number): string => String(n).padStart(2, '0')

/** Minutes east of UTC of a zone `ISO` matched (`Z`, `+HH`, `+HHMM`, `+HH:MM`): by position, as pages read it per timeline event. */
function offsetMinutes(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0
  return (zone.charCodeAt(0) === 45 ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + (zone.length > 3 ? Number(zone.slice(-2)) : 0))
}

/**
 * Reads an ISO 8601 date-time quickly (a regular expression for the shapes records use, luxon for anything else):
 * luxon alone costs seconds across 10,000 timelines. Returns `null` when the value is not a date-time.
 */
export function readIso(value: string | null | undefined): IsoParts | null {
  if (!value) return null
  const m = ISO.exec(value.trim())
  if (m) {
    const [, y, mo, d, hh, mi, ss, zone] = m
    const wallMs = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hh), Number(mi), Number(ss ?? 0))
    if (Number.isNaN(wallMs) || Number(mo) > 12 || Number(d) > 31 || Number(hh) > 24 || Number(mi) > 59) return null
    return { day: `${y}-${mo}-${d}`, time: `${hh}:${mi}`, wallMs, ms: zone ? wallMs - offsetMinutes(zone) * 60_000 : null }
  }
  const at = DateTime.fromISO(value, { setZone: true })
  if (!at.isValid || !/T|\d\s\d/.test(value)) return null
  const wallMs = Date.UTC(at.year, at.month - 1, at.day, at.hour, at.minute, at.second)
  return { day: at.toISODate()!, time: `${pad(at.hour)}:${pad(at.minute)}`, wallMs, ms: /(Z|[+-]\d{2}(:?\d{2})?)$/i.test(value) ? at.toMillis() : null }
}

/** `YYYY-MM-DD` of a millisecond timestamp read in UTC. */
export function utcDay(ms: number): string {
  const d = new Date(ms)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** `HH:MM` of a millisecond timestamp read in UTC. */
export function utcTime(ms: number): string {
  const minutes = Math.floor((((ms % 86_400_000) + 86_400_000) % 86_400_000) / 60_000)
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}
