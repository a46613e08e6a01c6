/**
 * The incident window (when users were affected) from the best evidence the text gives, per end: a stated
 * field or prose range, then events that mark impact starting or ending, then the span of the timeline without
 * its lead-up and follow-up; a stated duration fills a missing or weakly known end and is the duration itself.
 */
import type { ImpactSource, ImpactWindow, Moment, TimelineEntry } from '../../types.js'
import { parseRange } from '../time/datetime-range.js'
import type { ParsedZone } from '../time/zones.js'
import { nearestEvent, startBeforeDetection, statedTimeToDetect } from './detected-start.js'
import { statedMinutes } from './stated-minutes.js'
import { statedSpan } from './stated-span.js'
import { findStatedMoments } from './find-stated-moments.js'
import { findStatedRange, type Passage, type RangeContext } from './find-stated-range.js'
import { findStatedDayRange } from './day-range.js'
import { endScore, findMarkedEvents, isFollowUp, isLeadUp, saysRecovered, startScore } from './marked-events.js'
import { withoutOutliers } from './outlier-events.js'
import { laterOf, spannedEnd } from './spanned-end.js'
import { isLaterDay } from './end-day.js'
import { isBefore, isBeforeKey, minutesFrom, momentKey, momentOf, shiftMoment } from './moment-math.js'
import { fromIso, withDetails } from './window-inputs.js'

/** What the window is read from. */
export interface ImpactInput {
  timeline: TimelineEntry[]
  /** The later paragraphs under time headings, per entry, read with its text for words that mark impact; `null` when none. */
  details?: Map<TimelineEntry, string> | null
  passages: Passage[]
  /** A `Duration:`/`Start:`–`End:` field's text, `null` when the document has none. */
  fieldRange: string | null
  /** Start and end as ISO instants stated elsewhere (status-page front matter), `null` when not. */
  statedStart: string | null
  statedEnd: string | null
  /** Whether `statedEnd` is when a status page marked the incident resolved, which an earlier event saying service was back beats. */
  statedEndIsResolution?: boolean
  /** An impact duration stated outside the prose (front matter), `null` or absent when none. */
  statedDuration?: number | null
  context: RangeContext
  /** The incident's day as the text states it (front matter, title, a field), never read off the timeline; `null` when not stated. */
  incidentDate?: string | null
  /** The document's title, read for a stated duration only ("3h search outage"); a passage outweighs it. */
  title?: string | null
}

interface Known {
  moment: Moment
  source: ImpactSource
}

const RANK: Record<ImpactSource, number> = { stated: 3, marked: 2, timeline: 1 }
const EMPTY: ImpactWindow = { start: null, end: null, durationMinutes: null, source: null }

/** Timeline moments in time order (document order when some lack a day), each with its entry. */
function ordered(timeline: TimelineEntry[], zone: ParsedZone | null): Array<{ entry: TimelineEntry; moment: Moment }> {
  const out = timeline.flatMap((entry) => {
    const moment = momentOf(entry, zone)
    return moment ? [{ entry, moment }] : []
  })
  if (out.every((e) => e.moment.date))
    return withoutOutliers(out)
      .map((e, i) => ({ ...e, i, key: momentKey(e.moment) }))
      .sort((a, b) => (isBeforeKey(a.key, b.key) ? -1 : isBeforeKey(b.key, a.key) ? 1 : a.i - b.i))
  return out
}

/**
 * The events without lead-up before the impact and follow-up after it. Days before the stated incident date (a report
 * or disclosure days earlier) are lead-up too, unless an event there plainly says users were affected.
 */
function core<T extends { entry: TimelineEntry; moment: Moment }>(events: T[], incidentDate: string | null): T[] {
  let from = 0
  let to = events.length
  if (incidentDate && events.some((e) => e.moment.date === incidentDate)) {
    const first = events.findIndex((e) => e.moment.date !== null && e.moment.date >= incidentDate)
    if (first > 0 && events.slice(0, first).every((e) => startScore(e.entry.text) < 2)) from = first
  }
  while (to - from > 1 && isLeadUp(events[from]!.entry.text) && apart(events[from]!.moment, events[from + 1]!.moment)) from++
  while (to - from > 1 && (isFollowUp(events[to - 1]!.entry.text) || isLateAside(events[to - 2]!, events[to - 1]!))) to--
  return events.slice(from, to)
}

/**
 * A last event that is no part of the impact: a week or more after the one before (a fix shipped weeks later, the
 * provider's report two weeks on), unless it says the service recovered or went down.
 */
function isLateAside(before: { entry: TimelineEntry; moment: Moment }, last: { entry: TimelineEntry; moment: Moment }): boolean {
  if (!before.moment.date || !last.moment.date || endScore(last.entry.text) >= 2 || startScore(last.entry.text) >= 2) return false
  return Date.parse(last.moment.date) - Date.parse(before.moment.date) >= 7 * 86_400_000
}

/** `true` when two moments are on different days or hours apart. */
function apart(a: Moment, b: Moment): boolean {
  if (a.date && b.date && a.date !== b.date) return true
  const gap = minutesFrom(a, b)
  return gap !== null && gap >= 180
}

/** A day-only moment given the time of a timeline event on that same day. */
function refine(known: Known, event: Moment | undefined): Known {
  return event ? { moment: event, source: known.source } : known
}

function weaker(a: Known | null, b: Known | null): ImpactSource | null {
  const sources = [a?.source, b?.source].filter((s): s is ImpactSource => s !== undefined)
  if (sources.length === 0) return null
  return sources.reduce((x, y) => (RANK[y] < RANK[x] ? y : x))
}

/**
 * A lone stated start yields to an event that plainly marks the start ("outage begins") and to a marked start that
 * comes earlier (impact began before the moment the prose names, as when builds failed a day before the site went down).
 */
function preferStatedStart(stated: Moment, marked: Moment | null, score: number): boolean {
  return !marked || (score < 3 && !isBefore(marked, stated))
}

/** A lone stated end yields to an event that plainly marks the end earlier ("outage ends" before "incident closed"). */
function preferStatedEnd(stated: Moment, marked: Moment | null, score: number): boolean {
  return !marked || score < 3 || !isBefore(marked, stated)
}

/** The marked start when it plainly marks the impact (score 2 or more) less than a day before the stated one, else `null`. */
function earlierMarked(stated: Moment, marked: Moment | null, score: number): Known | null {
  if (!marked || score < 2 || !isBefore(marked, stated)) return null
  const gap = minutesFrom(marked, stated)
  return gap !== null && gap < 1440 ? { moment: marked, source: 'marked' } : null
}

/**
 * Whether a stated range opens at an event that says nothing of impact (a reboot begins) and a later event inside it
 * plainly says the outage began ("Outage begins"): the range then covers the lead-up, and the impact began at that event.
 */
function opensWithLeadUp(
  range: { start: Moment; end: Moment },
  events: Array<{ entry: TimelineEntry; moment: Moment }>,
  marked: Moment | null,
  score: number,
): boolean {
  if (!marked || score < 3 || !isBefore(range.start, marked) || isBefore(range.end, marked)) return false
  return events.some((e) => e.moment.time === range.start.time && e.moment.date === range.start.date && startScore(e.entry.text) === 0)
}

/** What the window stage tells its caller besides the window: where the start alone was read from, and what it refused. */
export interface ImpactNotes {
  start: ImpactSource | null
  /** A stated end before the stated start (a status page's `resolvedWhen` days before its `date`), left out. */
  endBeforeStart?: boolean
}

/**
 * Reads the impact window; every part is `null` where the text cannot tell. `sources`, when given, is told where the
 * start alone was read from (the window's own `source` is the weaker of its two ends) and what was refused.
 */
export function findImpactWindow(input: ImpactInput, sources?: ImpactNotes): ImpactWindow {
  const { context } = input
  const zone = context.zone
  let start: Known | null = null
  let end: Known | null = null
  let duration: number | null = null
  const field = input.fieldRange
    ? parseRange(input.fieldRange, { year: context.year, dayFirst: context.dayFirst ?? true, zone: null, date: context.date })
    : null
  const statedStart = fromIso(input.statedStart, zone) ?? (field?.start.time || field?.start.date ? momentOf(field.start, zone) : null)
  const statedEnd = fromIso(input.statedEnd, zone) ?? (field?.end.time || field?.end.date ? momentOf(field.end, zone) : null)
  const all = ordered(withDetails(input.timeline, input.details ?? null), zone)
  const events = core(all, input.incidentDate ?? null)
  const marks = findMarkedEvents(events.map((e) => e.entry))
  const markedStart = marks.start === null ? null : events[marks.start]!.moment
  const spanned = spannedEnd(events, marks.start ?? 0, zone)
  const markedEnd = laterOf(marks.end === null ? null : events[marks.end]!.moment, spanned)
  if (markedEnd && markedEnd === spanned) marks.endScore = Math.max(marks.endScore, 3)
  // A status page opens the incident when it posts; an event hours before that plainly says the service was down began it.
  if (statedStart) start = earlierMarked(statedStart, markedStart, marks.startScore) ?? { moment: statedStart, source: 'stated' }
  // A status page marks the incident resolved after its last check: an earlier event that plainly says service was back ended it.
  if (statedEnd)
    end =
      input.statedEndIsResolution &&
      input.statedEnd &&
      markedEnd &&
      marks.end !== null &&
      markedEnd === events[marks.end]!.moment &&
      saysRecovered(events[marks.end]!.entry.text) &&
      isBefore(markedEnd, statedEnd) &&
      (!start || !isBefore(markedEnd, start.moment))
        ? { moment: markedEnd, source: 'marked' }
        : { moment: statedEnd, source: 'stated' }
  if (start && end && isBefore(end.moment, start.moment)) {
    end = null
    if (sources) sources.endBeforeStart = true
  }
  // A status post resolved at the moment it opened (`resolvedWhen` equal to `date`) states no end.
  if (start && end && statedEnd && minutesFrom(start.moment, end.moment) === 0) end = null
  let covered: number | null = null
  if (!start || !end) {
    const range = findStatedRange(input.passages, context) ?? findStatedDayRange(input.passages, context)
    if (range && !start && !end) {
      start = opensWithLeadUp(range, all, markedStart, marks.startScore)
        ? { moment: markedStart!, source: 'marked' }
        : { moment: range.start, source: 'stated' }
      end = { moment: range.end, source: 'stated' }
      covered = range.covered ?? null
    } else if (range && start && !end && minutesFrom(start.moment, range.start) === 0) end = { moment: range.end, source: 'stated' }
  }
  // Two days without times are measured once the timeline has given them times, or a stated duration its length.
  if (start?.moment.time && end?.moment.time) {
    const told = (): number | null => input.statedDuration ?? statedMinutes(input.passages, input.fieldRange, input.title ?? null)
    const span = statedSpan({ start: start.moment, end: end.moment, endStated: end.source === 'stated', covered, told, zone })
    end = { moment: span.end, source: end.source }
    duration = span.minutes
  }
  if (!start || !end) {
    const stated = findStatedMoments(input.passages, context)
    const dayOnly = stated.start && !stated.start.moment.time && events.some((e) => e.moment.time)
    if (!start && stated.start && !dayOnly && preferStatedStart(stated.start.moment, markedStart, marks.startScore))
      start = { moment: stated.start.moment, source: 'stated' }
    // A day alone in prose dates the end only after the start's day, over an end marked earlier; an event that marks the
    // end on that day gives its time. A labelled day ("Resolved: 2024-01-12") is read as before.
    const endDay = stated.end && !stated.end.moment.time ? stated.end.moment.date : null
    const laterDay = endDay !== null && isLaterDay(endDay, start?.moment.date ?? markedStart?.date ?? context.date)
    if (!end && laterDay && markedEnd?.date === endDay) end = { moment: markedEnd, source: 'marked' }
    else if (
      !end &&
      stated.end &&
      (endDay === null || laterDay || stated.end.weight >= 4) &&
      (!start || !isBefore(stated.end.moment, start.moment)) &&
      (laterDay || preferStatedEnd(stated.end.moment, markedEnd, marks.endScore))
    )
      end = { moment: stated.end.moment, source: 'stated' }
  }
  if (!start && markedStart) start = { moment: markedStart, source: 'marked' }
  // The first event marks the end only after a start known otherwise (a status page's opening post): alone it is both ends.
  if (!end && markedEnd && (start ? !isBefore(markedEnd, start.moment) : marks.end !== 0)) end = { moment: markedEnd, source: 'marked' }
  if (!start) {
    const toDetect = statedTimeToDetect(input.passages)
    const before = toDetect === null ? null : startBeforeDetection(events, toDetect, zone)
    if (before && (!end || !isBefore(end.moment, before))) start = { moment: before, source: 'stated' }
  }
  if (start && !start.moment.time)
    start = refine(
      start,
      markedStart?.date === start.moment.date ? markedStart : events.find((e) => e.moment.date === start!.moment.date && e.moment.time)?.moment,
    )
  // A marked event written without its time (`??:??`) is the end as the author gives it, not the next timed event that day.
  if (end && !end.moment.time && end.source !== 'marked') end = refine(end, events.findLast((e) => e.moment.date === end!.moment.date && e.moment.time)?.moment)
  const statedDuration = duration === null ? (input.statedDuration ?? statedMinutes(input.passages, input.fieldRange, input.title ?? null)) : null
  if (statedDuration !== null) duration = statedDuration
  if (!start && events.length) start = { moment: events[0]!.moment, source: 'timeline' }
  if (!end && events.length > 1) {
    const last = events[events.length - 1]!
    if (!start || !isBefore(last.moment, start.moment)) end = { moment: last.moment, source: 'timeline' }
  }
  // One moment read as both ends (the sentence that says service came back also names the outage): the end it states,
  // or the start, is that moment, and a stated duration gives the other end.
  if (statedDuration !== null && start && end && minutesFrom(start.moment, end.moment) === 0) {
    if (RANK[end.source] >= RANK[start.source]) start = { moment: shiftMoment(end.moment, -statedDuration, zone), source: end.source }
    else end = { moment: shiftMoment(start.moment, statedDuration, zone), source: start.source }
  }
  // A timeline's last event is often follow-up work and its first often the change that led up to it: whichever end only
  // the timeline gives yields to a stated duration counted from the end that is stated or marked.
  if (statedDuration !== null && start && (!end || (end.source === 'timeline' && start.source !== 'timeline')))
    end = { moment: shiftMoment(start.moment, statedDuration, zone), source: start.source }
  else if (statedDuration !== null && end && !start) start = { moment: shiftMoment(end.moment, -statedDuration, zone), source: end.source }
  else if (statedDuration !== null && end && start?.source === 'timeline' && end.source !== 'timeline' && isLeadUp(events[0]?.entry.text ?? '')) {
    // The timeline opens with the change that led up to it: counted back from a known end, a rounded duration lands
    // near the event where the impact began, if one is there.
    const near = nearestEvent(shiftMoment(end.moment, -statedDuration, zone), all, statedDuration)
    if (near && isBefore(start.moment, near)) start = { moment: near, source: end.source }
  }
  if (duration === null && start && end) duration = minutesFrom(start.moment, end.moment)
  // One moment is no window (every mark on one event): the end is not known; two day-only ends on one day leave the length unknown.
  if (duration === 0 && statedDuration === null) {
    if (start?.moment.time && end?.moment.time) end = null
    duration = null
  }
  if (sources) sources.start = start?.source ?? null
  if (!start && !end && duration === null) return EMPTY
  return {
    start: start?.moment ?? null,
    end: end?.moment ?? null,
    durationMinutes: duration,
    source: weaker(start, end) ?? (duration !== null ? 'stated' : null),
  }
}
