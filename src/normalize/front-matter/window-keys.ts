/**
 * The incident window as status-page and site-generator front matter states it (`started_at`, `began`,
 * `resolved_on`, `ended_at`, `incident_window: 2024-01-02 10:00 - 11:30 UTC`, `duration: 90 minutes`): start and
 * end as ISO instants when the value names its zone or offset, else as local date-times for the document's zone.
 */
import { DateTime } from 'luxon'
import { readAmount } from '../impact/find-duration.js'
import { parseRange, type RangeHints, type RangePoint } from '../time/datetime-range.js'
import { frontMatterInstant } from './meta.js'
import { writtenText } from './front-matter-dates.js'
import { bareKey } from './bare-key.js'

/** Keys naming the impact's start, written in any case with `_` or `-` (compared without them). */
const START_KEYS = new Set([
  'start',
  'started',
  'startedat',
  'startedon',
  'startat',
  'starttime',
  'startdate',
  'began',
  'beganat',
  'begin',
  'impactstart',
  'incidentstart',
  'outagestart',
])
/** Keys naming when the problem was noticed: the start only when no key names the start itself. */
const DETECTED_KEYS = new Set(['detectedat', 'detectedon', 'detectiontime'])
/** Keys naming the impact's end; `resolved` only with a day and a time (a status page's `resolved: true` is a flag). */
const END_KEYS = new Set([
  'end',
  'ended',
  'endedat',
  'endedon',
  'endtime',
  'enddate',
  'resolvedat',
  'resolvedon',
  'resolvedwhen',
  'resolveddate',
  'resolvedtime',
  'resolutiondate',
  'resolutiontime',
  'resolved',
  'recoveredat',
  'restoredat',
  'impactend',
  'incidentend',
  'outageend',
])
const RANGE_KEYS = new Set(['window', 'incidentwindow', 'impactwindow', 'outagewindow'])
const DURATION_KEYS = new Set(['duration', 'impactduration', 'outageduration', 'incidentduration', 'downtime'])

/** The window front matter states; each part `null` when it does not. */
export interface MatterWindow {
  /** ISO 8601 with offset, or a local `YYYY-MM-DDTHH:MM:SS` for the document's zone to place. */
  start: string | null
  end: string | null
  durationMinutes: number | null
  /** Whether the end is when the incident was marked resolved (`resolved_on`), which may come after the impact ended. */
  endIsResolution: boolean
  /** The zone a range value names ("… 11:30 UTC"), for a document that names none elsewhere. */
  zone: string | null
}

/** `true` for a key this stage reads (so it is no unknown-key warning). */
export function isWindowKey(key: string): boolean {
  const k = bareKey(key)
  return START_KEYS.has(k) || DETECTED_KEYS.has(k) || END_KEYS.has(k) || RANGE_KEYS.has(k) || DURATION_KEYS.has(k)
}

/** A range point as an instant, or a local date-time when it names no zone; `null` without both a day and a time. */
function pointValue(point: RangePoint): string | null {
  if (!point.date || !point.time) return null
  return point.at ?? `${point.date}T${point.time}:00`
}

/** One moment value (a YAML date, an ISO string, "January 13, 2024 10:00 UTC") and the zone it names by name. */
function zonedMoment(value: unknown, hints: RangeHints): { moment: string; zone: string | null } | null {
  const instant = frontMatterInstant(value)
  if (instant?.at || instant?.local) return { moment: instant.at ?? instant.local!, zone: null }
  if (typeof value !== 'string' || value.length > 120) return null
  const range = parseRange(value, { ...hints, zone: null, defaultTimezone: null })
  const moment = range && !range.end.time ? pointValue(range.start) : null
  return moment ? { moment, zone: range!.timezone } : null
}

/** One moment value as `MatterWindow` writes it. */
const momentValue = (value: unknown, hints: RangeHints): string | null => zonedMoment(value, hints)?.moment ?? null

/** Minutes of a duration value ("90 minutes", "1h 30m", ISO `PT1H30M`); a bare number says no unit and is not read. */
function durationValue(value: unknown): number | null {
  if (typeof value !== 'string' || value.length > 60) return null
  const minutes = /^P/i.test(value.trim()) ? isoMinutes(value.trim()) : readAmount(value)
  return minutes !== null && minutes > 0 ? minutes : null
}

/** Minutes of an ISO 8601 duration (`PT1H30M`, `P1D`), `null` when it is none. */
function isoMinutes(text: string): number | null {
  const m = /^P(?:(\d{1,3})D)?(?:T(?:(\d{1,4})H)?(?:(\d{1,5})M)?)?$/i.exec(text)
  if (!m || (!m[1] && !m[2] && !m[3])) return null
  return Number(m[1] ?? 0) * 1440 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)
}

/** A window value shifted by minutes, keeping its form (an offset when it had one, local otherwise). */
function shifted(value: string, minutes: number): string | null {
  const at = DateTime.fromISO(value, { setZone: true })
  if (!at.isValid) return null
  const moved = at.plus({ minutes })
  return /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value) ? moved.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ") : moved.toFormat("yyyy-MM-dd'T'HH:mm:ss")
}

/**
 * The data with each window key's date-time as written: YAML and TOML give a Date in UTC, losing the offset the author
 * wrote or the absence of one (a local time, for the document's zone). `lines`: the block's lines, opening fence first.
 */
export function windowValuesAsWritten(data: Record<string, unknown>, lines: string[]): Record<string, unknown> {
  const keys = Object.keys(data).filter((key) => isWindowKey(key) && data[key] instanceof Date)
  if (keys.length === 0) return data
  const out = { ...data }
  for (const key of keys) {
    const written = writtenText(lines, key)
    const read = written === null ? null : frontMatterInstant(written)
    if (read?.at || read?.local) out[key] = written
  }
  return out
}

/** The window the front matter states; `hints` give the year, day order and the day a bare time falls on. */
export function readMatterWindow(data: Record<string, unknown>, hints: RangeHints): MatterWindow {
  const out: MatterWindow = { start: null, end: null, durationMinutes: null, endIsResolution: false, zone: null }
  let detected: string | null = null
  for (const key of Object.keys(data)) {
    const k = bareKey(key)
    if (!isWindowKey(key)) continue
    const value = data[key]
    if (RANGE_KEYS.has(k) && typeof value === 'string' && value.length <= 200) {
      const range = parseRange(value, { ...hints, zone: null, defaultTimezone: null })
      if (!range?.end.time) continue
      out.start ??= pointValue(range.start)
      out.end ??= pointValue(range.end)
      out.zone ??= range.timezone
    } else if (DURATION_KEYS.has(k)) out.durationMinutes ??= durationValue(value)
    else if (START_KEYS.has(k)) out.start ??= momentValue(value, hints)
    else if (DETECTED_KEYS.has(k)) detected ??= momentValue(value, hints)
    else if (END_KEYS.has(k) && !out.end) {
      out.end = momentValue(value, hints)
      out.endIsResolution = out.end !== null && k.startsWith('resol')
    }
  }
  out.start ??= detected
  if (out.durationMinutes !== null) {
    if (out.start && !out.end) out.end = shifted(out.start, out.durationMinutes)
    else if (out.end && !out.start) out.start = shifted(out.end, -out.durationMinutes)
  }
  return out
}

/** The parts of the incident's when that front matter states (see `IncidentWhen` in time/incident-date.ts). */
interface MatterWhen {
  date: string | null
  dateSource: 'status' | 'field' | 'title' | 'timeline' | null
  start: string | null
  end: string | null
  endIsResolution: boolean
  statedMinutes: number | null
  timezone: string | null
  zone: string | null
}

/**
 * Sets on `out` the window front matter states: a status page's `date` (its start, and the incident's day) and
 * `resolvedWhen`, then the window keys, which state it most plainly; the day is the start's when nothing else gave one.
 */
export function stateMatterWindow(out: MatterWhen, data: Record<string, unknown>, statusPage: boolean, hints: RangeHints): void {
  if (statusPage) {
    const day = frontMatterInstant(data['date'])?.date
    const started = zonedMoment(data['date'], hints)
    const resolved = zonedMoment(data['resolvedWhen'], hints)
    if (day) {
      out.date = day
      out.dateSource = 'status'
    }
    out.start = started?.moment ?? out.start
    out.end = resolved?.moment ?? out.end
    out.endIsResolution = resolved !== null && out.end !== null
    const zone = started?.zone ?? resolved?.zone
    if (zone && !out.zone) out.zone = out.timezone = zone
  }
  const window = readMatterWindow(data, hints)
  out.start = window.start ?? out.start
  if (window.end) {
    out.end = window.end
    out.endIsResolution = window.endIsResolution
  }
  out.statedMinutes = window.durationMinutes
  if (window.zone && !out.zone) out.zone = out.timezone = window.zone
  if (!out.date && window.start) {
    out.date = window.start.slice(0, 10)
    out.dateSource = 'status'
  }
}
