import { DateTime } from 'luxon'
import type { Metrics, Phase, PostmortemRecord } from '../types.js'
import { findStatsDurations, type DurationKind } from '../normalize/impact/find-duration.js'
import { readIso } from './iso.js'
import { minutesBetween, timedEntries, type TimedEntry } from './moments.js'
import { namesPhase, PHASE_WORDING, type PhaseName } from './phase-wording.js'

/** Front-matter keys that state a phase outright; the first present wins. */
const PHASE_KEYS: Record<PhaseName, string[]> = {
  detected: ['detected'],
  mitigated: ['mitigated'],
  resolved: ['resolved', 'resolvedWhen'],
}

interface Point {
  ms: number
  iso: string
}

/** Reads a front-matter or record time (Date, ISO string, or `HH:MM` on the incident's day) onto the timeline's axis. */
function toPoint(value: unknown, record: PostmortemRecord, absolute: boolean): Point | null {
  let at: DateTime | null = null
  // Without a zone in the value or the record the time is local and written without an offset, never in the machine's zone.
  let zoned = record.utcOffset !== null
  if (value instanceof Date) {
    at = DateTime.fromJSDate(value, { zone: 'utc' })
    zoned = true
  } else if (typeof value === 'string') {
    const text = value.trim()
    const time = /^(\d{1,2}):(\d{2})$/.exec(text)
    const local = time ? (record.date?.length === 10 ? `${record.date}T${time[1]!.padStart(2, '0')}:${time[2]}` : null) : text
    if (local === null) return null
    const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(local) && /T|\s\d/.test(local)
    zoned ||= hasZone
    at = DateTime.fromISO(hasZone ? local : local + (record.utcOffset ?? ''), { setZone: true, zone: 'utc' })
    if (!at.isValid) at = DateTime.fromSQL(local, { zone: 'utc' })
  }
  // Year 0 (a TOML time of day) or beyond 9999 would print as a malformed ISO string.
  if (!at || !at.isValid || at.year < 1 || at.year > 9999) return null
  if (record.utcOffset) at = at.setZone(`UTC${record.utcOffset}`)
  const iso = at.toFormat(zoned ? "yyyy-MM-dd'T'HH:mm:ssZZ" : "yyyy-MM-dd'T'HH:mm:ss")
  const ms = absolute ? at.toMillis() : DateTime.fromISO(at.toFormat("yyyy-MM-dd'T'HH:mm"), { zone: 'utc' }).toMillis()
  return { ms, iso }
}

/**
 * First (or, for `resolved`, last) timed event whose wording names the phase, not before the impact began: searched
 * from the end it is taken from, so the wording is not tried on every event.
 */
function inferPoint(name: PhaseName, timed: TimedEntry[], start: number | null): TimedEntry | null {
  const names = (t: TimedEntry): boolean => namesPhase(name, t.entry.text) && (start === null || t.ms >= start)
  return (name === 'resolved' ? timed.findLast(names) : timed.find(names)) ?? null
}

const STATED_KIND: Record<PhaseName, DurationKind> = { detected: 'detect', mitigated: 'mitigate', resolved: 'resolve' }

/** Times to detect, mitigate and resolve that a stats section states ("Time to detect: 5 minutes", "TTR: 1h"). */
function statedMinutes(record: PostmortemRecord): Map<DurationKind, number> {
  const out = new Map<DurationKind, number>()
  for (const section of record.sections) {
    if (section.key === 'timeline' || section.key === 'actionItems') continue
    for (const d of findStatsDurations(section.text)) if (!out.has(d.kind)) out.set(d.kind, d.minutes)
  }
  return out
}

/** The impact's start as a value `toPoint` reads: the instant, else the local day and time, else the time alone. */
function impactStart(record: PostmortemRecord): string | null {
  const start = record.impact?.start
  if (!start) return record.start
  return start.at ?? (start.date && start.time ? `${start.date}T${start.time}` : start.time) ?? record.start
}

/**
 * Where the impact window ends, when both its ends are stated or marked (not only the timeline's span): a text that
 * says "back to normal" or "writes succeed again" but never "resolved" was resolved there all the same.
 */
function impactEnd(record: PostmortemRecord, absolute: boolean): Point | null {
  const end = record.impact?.end
  if (!end?.time || (record.impact.source !== 'stated' && record.impact.source !== 'marked')) return null
  const point = toPoint(end.at ?? (end.date ? `${end.date}T${end.time}` : end.time), record, absolute)
  // The window's own instant as the record writes it, like a phase read from a timeline event.
  return point && end.at ? { ms: point.ms, iso: end.at } : point
}

/**
 * Response metrics of one incident: phases from front matter (`detected`, `mitigated`, `resolved`/`resolvedWhen`)
 * or a stats section ("Time to detect: 5 minutes"), else inferred from timeline wording (detection is an event that says
 * someone or something noticed, at or after the impact began); minutes are measured from the impact's start (else the
 * earliest timed event).
 * A phase whose day is unknown stays `null`, but its minutes are still measured on the timeline's own clock.
 */
export function computeMetrics(record: PostmortemRecord, frontMatter: Record<string, unknown> = {}): Metrics {
  const timed = timedEntries(record)
  const absolute = timed.length === 0 || timed[0]!.absolute
  const earliest = timed.length ? Math.min(...timed.map((t) => t.ms)) : null
  const latest = timed.length ? Math.max(...timed.map((t) => t.ms)) : null
  const startValue = impactStart(record)
  const startParts = readIso(startValue)
  const startMs = startParts ? (absolute && startParts.ms !== null ? startParts.ms : startParts.wallMs) : null
  // The start read through luxon is costly and needed only when the ISO reading fails or a stated duration is added to it: read once, on demand.
  let startRead: Point | null | undefined
  const startPoint = (): Point | null => (startRead === undefined ? (startRead = startValue ? toPoint(startValue, record, absolute) : null) : startRead)
  const knownStart = startMs ?? startPoint()?.ms ?? null
  const start = knownStart ?? earliest
  const statedDurations = statedMinutes(record)
  const phases: Partial<Record<PhaseName, { phase: Phase | null; ms: number; inferred?: true }>> = {}
  for (const name of Object.keys(PHASE_WORDING) as PhaseName[]) {
    // The first key that holds a moment: status-page front matter has `resolved: true` beside `resolvedWhen: <date>`.
    let stated: Point | null = null
    for (const key of PHASE_KEYS[name]) {
      const value = frontMatter[key]
      if (value !== undefined && value !== null && typeof value !== 'boolean') stated ??= toPoint(value, record, absolute)
    }
    if (stated) {
      phases[name] = { phase: { at: stated.iso, inferred: false }, ms: stated.ms }
      continue
    }
    const minutes = statedDurations.get(STATED_KIND[name])
    if (minutes !== undefined && start !== null) {
      const point = startPoint()
      const at = point ? toPoint(DateTime.fromISO(point.iso, { setZone: true }).plus({ minutes }).toISO(), record, absolute) : null
      phases[name] = { phase: at ? { at: at.iso, inferred: false } : null, ms: start + minutes * 60_000 }
      continue
    }
    const found = inferPoint(name, timed, knownStart) ?? (name === 'resolved' ? impactEnd(record, absolute) : null)
    if (found) phases[name] = { phase: found.iso ? { at: found.iso, inferred: true } : null, ms: found.ms, inferred: true }
  }
  // An inferred detection or mitigation after the resolution is a follow-up that uses the same words ("reported to
  // customers", "rolled back the config later"), not the phase: left unknown rather than measured wrong.
  const resolvedMs = phases.resolved?.ms
  for (const name of ['detected', 'mitigated'] as const) {
    if (phases[name]?.inferred && resolvedMs !== undefined && phases[name].ms > resolvedMs) delete phases[name]
  }
  const since = (name: PhaseName): number | null => {
    const p = phases[name]
    return p && start !== null ? minutesBetween(start, p.ms) : null
  }
  return {
    detected: phases.detected?.phase ?? null,
    mitigated: phases.mitigated?.phase ?? null,
    resolved: phases.resolved?.phase ?? null,
    timeToDetectMinutes: since('detected'),
    timeToMitigateMinutes: since('mitigated'),
    timeToResolveMinutes: since('resolved'),
    timelineSpanMinutes: earliest !== null && latest !== null && timed.length > 1 ? minutesBetween(earliest, latest) : null,
  }
}
