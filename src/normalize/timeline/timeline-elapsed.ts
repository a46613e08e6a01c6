/**
 * Timelines written relative to the incident's start ("T+0", "T+12m", "T+1h05", "T+01:30", "T-30m"): each entry's
 * offset, and the clock time it gives once the start is known (a `T+0 (14:00 UTC)` entry, or a stated start).
 */
import { addDays } from '../time/date-parts.js'
import { formatDate, type DateHints, type ParsedDate, type ParsedTime } from '../time/datetime.js'
import { cleanEventText } from '../time/event-text.js'
import { emptyStamp, readStamp, type Stamp } from './timeline-stamp.js'

/** An offset at a line's start, after bullets, brackets or bold: `T+12m`, `T + 1h05`, `T+01:30`, `T-30`, `[T+2h]`. */
const ELAPSED =
  /^[\s*_`[(•-]{0,6}T\s?([+\-−])\s?(\d{1,3})(?:(?::|h\s?)(\d{1,2})(?:\s?m(?:in)?)?|\s?(d|days?|h|hrs?|hours?|m|mins?|minutes?)(?![\p{L}\d]))?[\])*_`]{0,3}/iu
/**
 * An offset from the row above written without `T` (`+10 minutes`, `+1h`, `+1h 30m`, `+90 min`): its unit is required,
 * so a count (`+3 customers`) is no offset. Such rows count from the last row that gives its clock (the anchor row).
 */
const PLUS =
  /^[\s*_`[(•]{0,6}\+\s?(\d{1,3})\s?(?:(?:h|hrs?|hours?)(?:\s?(\d{1,2})\s?(?:m|mins?|minutes?))?|(d|days?|m|mins?|minutes?))(?![\p{L}\d])[\])*_`]{0,3}/iu
const PLUS_CHANCE = /^[\s*_`[(•]{0,6}\+\s?\d/
/** The separator between the offset and the event text. */
const SEPARATOR = /^\s*(?:[:=|–—-]+|\s)\s*/
/** What a line needs before the offset expression is tried. */
const CHANCE = /^[\s*_`[(•-]{0,6}T\s?[+\-−]\s?\d/
/** Minutes in a day. */
const DAY = 1440

/** A line's opening offset from the start ("T+1h05: replication caught up") as a stamp with `elapsed` minutes and no time yet. */
export function readElapsed(line: string, hints: DateHints): Stamp | null {
  if (PLUS_CHANCE.test(line)) return readPlus(line)
  if (!CHANCE.test(line)) return null
  const m = ELAPSED.exec(line)
  if (!m) return null
  const amount = Number(m[2])
  const unit = (m[4] ?? '').toLowerCase()
  const minutes = m[3] !== undefined ? amount * 60 + Number(m[3]) : unit.startsWith('d') ? amount * DAY : unit.startsWith('h') ? amount * 60 : amount
  const after = line.slice(m[0].length)
  // A clock time written beside the offset ("T+0 (14:00 UTC): ...") dates it; the rest is the event text.
  const clock = readStamp(after.replace(/^\s*[:=]?\s*/, ''), hints)
  const stamp: Stamp = clock?.time ? clock : emptyStamp(cleanEventText(after.replace(SEPARATOR, '')))
  stamp.elapsed = m[1] === '+' ? minutes : -minutes
  return stamp
}

/** A `+10 minutes` offset from the anchor row as a stamp with `elapsed` minutes, `anchored`, and no time yet. */
function readPlus(line: string): Stamp | null {
  const m = PLUS.exec(line)
  if (!m) return null
  const amount = Number(m[1])
  const unit = (m[3] ?? 'h').toLowerCase()
  const minutes = unit.startsWith('d') ? amount * DAY : unit.startsWith('h') ? amount * 60 + Number(m[2] ?? 0) : amount
  const stamp = emptyStamp(cleanEventText(line.slice(m[0].length).replace(SEPARATOR, '')))
  stamp.elapsed = minutes
  stamp.anchored = true
  return stamp
}

/** The start an offset counts from: a local day (or null when unknown) and minutes past its midnight. */
export interface ElapsedBase {
  date: string | null
  minutes: number
}

/**
 * The start of a relative timeline: an entry that gives both its offset and its clock time, else the stated start
 * (an ISO instant whose local day and time are read as written); null when neither is known.
 */
export function elapsedBase(stamps: Stamp[], date: string | null, statedStart: string | null): ElapsedBase | null {
  for (const s of stamps) {
    if (s.elapsed == null || !s.time) continue
    const written = s.date?.year != null ? formatDate({ ...s.date, year: s.date.year }) : date
    return { date: written, minutes: s.time.hour * 60 + s.time.minute - s.elapsed }
  }
  const m = statedStart ? /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(statedStart) : null
  return m ? { date: m[1]!, minutes: Number(m[2]) * 60 + Number(m[3]) } : null
}

/** An offset-only stamp placed on the clock: its time and date from the start; null without a start. */
export function placeElapsed(stamp: Stamp, base: ElapsedBase | null): Stamp | null {
  if (stamp.elapsed == null || stamp.time) return stamp
  if (!base) return null
  const total = base.minutes + stamp.elapsed
  const days = Math.floor(total / DAY)
  const minutes = total - days * DAY
  const time: ParsedTime = { hour: Math.floor(minutes / 60), minute: minutes % 60, second: null, text: '', meridiem: null }
  const day = base.date ? addDays(base.date, days) : null
  const date: ParsedDate | null = day
    ? { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)), ambiguous: false, text: day }
    : null
  return { ...stamp, time, date: date ?? stamp.date }
}
