/**
 * The incident's timeline: entries read from whatever shape the section has (lists, tables, plain lines, indented
 * blocks, raw HTML), each given a date (day markers, rollover past midnight), a 24-hour time and an ISO instant.
 *
 * Date of an entry: its own; else the day set by a day heading, bare date line or preface (an entry's own date
 * then overrides only that entry), else the last entry's own date, else the heading's date, else the incident
 * date; a time more than an hour before the previous one moves to the next day. Zone of an entry: its own, else
 * the section's (preface, table header), the heading's, the last entry's, the document's, the configured default.
 */
import type { RootContent } from 'mdast'
import type { VFile } from 'vfile'
import { RULE } from '../../constants.js'
import { report } from '../diagnostics.js'
import type { Moment, TimelineEntry } from '../../types.js'
import { addDays } from '../time/date-parts.js'
import { findDates, formatDate, formatTime, type DateHints, type ParsedDate, type ParsedTime } from '../time/datetime.js'
import { inferMeridiem, isBareTwelveHour, isMixedMeridiem, realDate } from './timeline-days.js'
import { elapsedBase, placeElapsed, type ElapsedBase } from './timeline-elapsed.js'
import { yearRoller } from './year-roll.js'
import { prosePieces } from './timeline-prose.js'
import { collectPieces, type Piece } from './timeline-walk.js'
import { findZone, offsetOn, parseZone, toIso, zoneShift, type ParsedZone } from '../time/zones.js'
import { deliberatelyUntimed } from '../stated.js'

/** What the record already knows when the timeline is read. */
export interface TimelineContext {
  /** The section heading as written (`Timeline (CEST)`). */
  heading: string
  /** The incident's date (`YYYY-MM-DD`), the default day of entries that name none. */
  date: string | null
  /** Year for dates written without one (`March 18`). */
  year: number | null
  /** Zone named elsewhere in the document, as written (`UTC` from a Duration line). */
  zone: string | null
  /** Configured IANA zone for documents that name none. */
  defaultTimezone: string | null
  /** Whether numeric dates are day-first; null = unknown. */
  dayFirst?: boolean | null
  /** Publication day (`YYYY-MM-DD`), what "yesterday" in a stamp counts from. */
  published?: string | null
  /** The stated start (ISO instant), what a relative timeline's `T+12m` counts from when no entry gives its clock. */
  start?: string | null
}

/** The entries, and the zone they are written in (as written) with its offset at the incident. */
export interface TimelineResult {
  entries: TimelineEntry[]
  /** A status log written newest first: its earliest event is its last entry. */
  newestFirst?: boolean
  timezone: string | null
  utcOffset: string | null
  /** The later paragraphs under a time heading, per entry: not its text, but read for words that mark impact. */
  details?: Map<TimelineEntry, string>
}

/** A time up to this many minutes before the previous one is an ordering slip; further back is the next day. */
const SLIP_MINUTES = 60
/** Prose that looks back from the story's thread ("Earlier, at 09:30 …", "… had been deployed at 09:30"): no new day. */
const LOOK_BACK = /\b(?:earlier|previously|had (?:been|already))\b/i

/** A status log written newest first: its dated entries mostly go back in time, or, when none names its day, its clock times do (no order warnings then). */
function isNewestFirst(pieces: Piece[], mixedMeridiem: boolean): boolean {
  const dated = pieces.flatMap((p) =>
    p.kind === 'entry' && p.stamp.date?.year != null
      ? [`${formatDate({ ...p.stamp.date, year: p.stamp.date.year })}T${p.stamp.time ? formatTime(p.stamp.time) : ''}`]
      : [],
  )
  // Clock times alone, a time without am/pm in an am/pm log read as the one after the time before it.
  let previous: number | null = null
  const clocks = pieces.flatMap((p) => {
    if (p.kind !== 'entry' || p.stamp.date || !p.stamp.time) return []
    previous = mixedMeridiem ? inferMeridiem(p.stamp.time, previous) : p.stamp.time.hour * 60 + p.stamp.time.minute
    return [formatTime({ hour: Math.floor(previous / 60), minute: previous % 60 })]
  })
  const keys = dated.length >= 2 ? dated : clocks
  let down = 0
  let up = 0
  for (let i = 1; i < keys.length; i++) {
    if (keys[i]! < keys[i - 1]!) down++
    else if (keys[i]! > keys[i - 1]!) up++
  }
  // Clock times alone go back at most once the other way (past midnight, read backwards): prose that looks back does more.
  return down >= 2 && down > up && (dated.length >= 2 || up <= 1)
}

/** Reads the timeline section's nodes (heading excluded) into entries; `fences`: plain-text fences hold entries too. */
export function extractTimeline(nodes: RootContent[], ctx: TimelineContext, file: VFile, fences = false): TimelineResult {
  try {
    return resolve((hints) => collectPieces(nodes, hints, ctx.heading, fences), ctx, file, false)
  } catch {
    return { entries: [], timezone: null, utcOffset: null }
  }
}

/** Reads the clock times of a document's paragraphs into entries marked `from: 'prose'` (no order warnings). */
export function extractProseTimeline(nodes: RootContent[], ctx: TimelineContext, file: VFile, lists = false): TimelineResult {
  try {
    return resolve((hints) => prosePieces(nodes, hints, lists), ctx, file, true)
  } catch {
    return { entries: [], timezone: null, utcOffset: null }
  }
}

/** The end of a range stamp (`10:05 to 10:40`) as a moment: on its own written day, else an end before the start is on the next day. */
function rangeEnd(date: string | null, start: ParsedTime, end: ParsedTime, zone: ParsedZone | null, written: ParsedDate | null): Moment {
  const time = formatTime(end)
  const endDate =
    written?.year != null
      ? formatDate({ ...written, year: written.year })
      : date && end.hour * 60 + end.minute < start.hour * 60 + start.minute
        ? (addDays(date, 1) ?? date)
        : date
  return { at: endDate ? (toIso(endDate, time, zone)?.at ?? null) : null, date: endDate, time }
}

/** A zone written as a notation on the stamps (`Z`, `+00:00`, `-0500`), not by name. */
const ZONE_NOTATION = /^(?:Z|[+\-−]\d)/

/**
 * The record's zone as written: the name the timeline's heading or a zone line states ("Timeline (UTC)") over the same
 * offset written as a notation on the stamps (`…T22:23:47Z`); otherwise the first entry's zone.
 */
function namedZone(first: ParsedZone | null, stated: ParsedZone | null): ParsedZone | null {
  if (!first || !stated || !ZONE_NOTATION.test(first.written)) return first
  return stated.fixedOffsetMinutes !== null && stated.fixedOffsetMinutes === first.fixedOffsetMinutes ? stated : first
}

function resolve(collect: (hints: DateHints) => Piece[], given: TimelineContext, file: VFile, prose: boolean): TimelineResult {
  const ctx = { ...given, date: realDate(given.date) }
  const year = ctx.year ?? (ctx.date ? Number(ctx.date.slice(0, 4)) : null)
  const pieces = collect({ year, dayFirst: ctx.dayFirst ?? null, today: ctx.published ?? null, around: ctx.date ?? ctx.published ?? null })
  const headingZone = findZone(ctx.heading)
  const fallbackZone = parseZone(ctx.zone ?? '') ?? parseZone(ctx.defaultTimezone ?? '')
  const times = pieces.flatMap((p) => (p.kind === 'entry' && p.stamp.time ? [p.stamp.time] : []))
  const twelveHour = isBareTwelveHour(times)
  const mixedMeridiem = isMixedMeridiem(times)
  const entries: TimelineEntry[] = []
  const details = new Map<TimelineEntry, string>()
  const statusLog = isNewestFirst(pieces, mixedMeridiem)
  const dayOf = yearRoller(ctx.date, statusLog)
  const headingDate = findDates(ctx.heading, { year }).find((d) => d.year !== null)
  let dayDate: string | null = headingDate ? dayOf(headingDate) : null
  let carryDate: string | null = null
  let dayShift = 0
  // Whether a day line or day heading inside the section has set the day (not the heading's date or the incident's).
  let marked = false
  let prevMinutes: number | null = null
  let sectionZone: ParsedZone | null = null
  let entryZone: ParsedZone | null = null
  let firstZone: ParsedZone | null = null
  let prevStamp: string | null = null
  const newestFirst = prose || statusLog
  let warnedAmbiguous = false
  let warnedZone = false
  const stamps = pieces.flatMap((p) => (p.kind === 'entry' && p.stamp.elapsed != null ? [p.stamp] : []))
  const base = stamps.length ? elapsedBase(stamps, ctx.date, ctx.start ?? null) : null
  let anchor: ElapsedBase | null = null

  for (const piece of pieces) {
    if (piece.kind === 'day') {
      dayDate = dayOf(piece.date) ?? dayDate
      marked = true
      dayShift = 0
      prevMinutes = null
      continue
    }
    if (piece.kind === 'zone') {
      sectionZone = piece.zone
      continue
    }
    if (piece.kind === 'month') {
      if (!prose) entries.push({ at: null, date: null, time: null, month: piece.month, text: piece.text, line: piece.line })
      continue
    }
    if (piece.kind === 'untimed') {
      // Under a day line or day heading of the section (`2019-02-18:` over bullets, some timed), an untimed bullet is an event of that day.
      if (marked && dayDate && !prose) entries.push({ at: null, date: dayDate, time: null, text: piece.text, line: piece.line })
      else if (!deliberatelyUntimed(piece.text))
        report(file, 'info', `Timeline entry has no time; write it as \`- 14:05 ${piece.text.slice(0, 40)}\``, piece, RULE.timelineNoTime)
      continue
    }
    // An entry written relative to the start (`T+12m`) takes its clock time from it, or is left out without one; one
    // written from the row above (`+10 minutes`) counts from the last entry that gave its clock, as does `T+` with no start.
    const stamp = placeElapsed(piece.stamp, piece.stamp.anchored ? (anchor ?? base) : (base ?? anchor))
    if (!stamp) continue
    let minutes = stamp.time ? stamp.time.hour * 60 + stamp.time.minute : null
    // A status log written newest first goes back in time by its order: an earlier hour is no afternoon.
    // In an am/pm timeline, a time written without it is the reading that keeps the events in order.
    if (mixedMeridiem && !statusLog && !prose && stamp.time && stamp.elapsed == null) minutes = inferMeridiem(stamp.time, prevMinutes)
    if (twelveHour && !statusLog && minutes !== null && prevMinutes !== null && minutes < 720 && prevMinutes >= 720 && minutes + 720 >= prevMinutes)
      minutes += 720
    const written = stamp.date ? dayOf(stamp.date) : null
    // An entry in its own zone is compared with the others on the timeline's clock (12:30 CEST then 11:00 UTC is no new day).
    const reference = sectionZone ?? headingZone ?? fallbackZone
    const shift = stamp.zone && reference ? zoneShift(written ?? dayDate ?? carryDate ?? ctx.date, stamp.zone, reference) : 0
    const clock = minutes !== null ? minutes - shift : null
    let date: string | null
    if (stamp.date || stamp.dateUnknown) {
      date = written
      if (written && !dayDate) carryDate = written
      if (!dayDate || written === dayDate) {
        dayShift = 0
        prevMinutes = clock
      }
    } else {
      const back = clock !== null && prevMinutes !== null ? prevMinutes - clock : 0
      const lookBack = prose && back > 0 && LOOK_BACK.test(piece.text)
      // A status log written newest first goes back in time from entry to entry: that is its order, not a new day.
      if (stamp.days) dayShift += stamp.days
      else if (statusLog && back > 0) {
        // nothing: the entry is earlier the same day
      } else if (back > SLIP_MINUTES && !lookBack) dayShift++
      else if (back > 0 && !prose)
        report(
          file,
          'warning',
          `Timeline entry at ${stamp.time?.text ?? ''} is earlier than the one before; list events in time order`,
          piece,
          RULE.timelineOrder,
        )
      const base = dayDate ?? carryDate ?? ctx.date
      date = base ? (dayShift === 0 ? base : (addDays(base, dayShift) ?? base)) : null
      // A look back leaves the story's clock where it was: the next event is compared with the one before it.
      if (clock !== null && !lookBack) prevMinutes = clock
    }
    if (stamp.date?.ambiguous && !warnedAmbiguous) {
      warnedAmbiguous = true
      report(file, 'warning', `Date \`${stamp.date.text}\` can be read day-first or month-first; write it as YYYY-MM-DD`, piece, RULE.dateAmbiguous)
    }
    if (stamp.invalidTime) report(file, 'warning', `Cannot parse time \`${stamp.invalidTime}\` in timeline entry; expected HH:MM`, piece, RULE.timeInvalid)
    if (stamp.unknownZone)
      report(
        file,
        'warning',
        `Unknown time zone \`${stamp.unknownZone}\`; write UTC, an offset such as GMT+1, or an IANA name such as Europe/Berlin`,
        piece,
        RULE.zoneUnknown,
      )
    // A zone one entry writes (or implies by a second time in UTC) holds for the entries after it that name none.
    if (stamp.zone || stamp.impliedZone) entryZone = stamp.zone ?? stamp.impliedZone ?? null
    const zone = stamp.zone ?? sectionZone ?? headingZone ?? entryZone ?? fallbackZone
    const time = minutes !== null ? formatTime({ hour: Math.floor(minutes / 60), minute: minutes % 60 }) : null
    const seconds = stamp.time?.second != null ? `:${String(stamp.time.second).padStart(2, '0')}` : ''
    const at = date && time ? (toIso(date, time + seconds, zone)?.at ?? null) : null
    if (time && zone && !firstZone) firstZone = zone
    if (time && !zone && !warnedZone) {
      warnedZone = true
      report(file, 'info', 'Timeline times have no time zone; name it in the heading, e.g. `## Timeline (UTC)`', piece, RULE.zoneMissing)
    }
    const key = stamp.date && date && time ? `${date}T${time}` : null
    if (key && prevStamp && key < prevStamp && !newestFirst) {
      report(file, 'warning', `Timeline entry at ${date} ${time} is earlier than the one before; list events in time order`, piece, RULE.timelineOrder)
    }
    if (date && time) prevStamp = `${date}T${time}`
    const entry: TimelineEntry = prose
      ? { at, date, time, text: piece.text, line: piece.line, from: 'prose' }
      : { at, date, time, text: piece.text, line: piece.line }
    const end = stamp.time && stamp.end ? rangeEnd(date, stamp.time, stamp.end, zone, stamp.endDate ?? null) : null
    if (end) entry.end = end
    if (minutes !== null && piece.stamp.elapsed == null) anchor = { date, minutes }
    if (piece.detail) details.set(entry, piece.detail)
    entries.push(entry)
  }
  const zone = namedZone(firstZone, sectionZone ?? headingZone ?? parseZone(ctx.zone ?? '')) ?? sectionZone ?? headingZone ?? entryZone ?? fallbackZone
  const firstAt = entries.find((e) => e.at)?.at
  const firstDate = entries.find((e) => e.date)?.date ?? ctx.date
  return {
    entries,
    newestFirst: statusLog,
    timezone: zone?.written ?? null,
    utcOffset: firstAt ? firstAt.slice(-6) : offsetOn(firstDate, zone),
    ...(details.size ? { details } : {}),
  }
}
