/**
 * The stamp that opens a timeline entry: an optional date, a time (or an explicit unknown such as `--:--`),
 * an optional zone, and the separator before the event text (`:`, ` - `, `:::::`, `|`).
 */
import { findDates, matchTimeAt, type DateHints, type ParsedDate, type ParsedTime } from '../time/datetime.js'
import { parseZone, type ParsedZone } from '../time/zones.js'

/** What a line's opening stamp says; `rest` is the event text after it. */
export interface Stamp {
  date: ParsedDate | null
  /** A date written as a placeholder (`2023-MM-DD`). */
  dateUnknown: boolean
  time: ParsedTime | null
  /** A time written as unknown (`--:--`, `[???]`). */
  timeUnknown: boolean
  /** Text that looks like a time but is not one (`25:00`). */
  invalidTime: string | null
  zone: ParsedZone | null
  /** An abbreviation in the zone's place that names no zone (`XYZT`). */
  unknownZone: string | null
  rest: string
}

const LEAD = /^(?:[\s\u00a0\u2000-\u200b\u3000*_`>•·▪►◦‣⁃~[(→⇒»➤➔✓✔✗✘]|[-+](?=\s)|:[a-z0-9_+-]{1,40}:|\p{Extended_Pictographic}|\uFE0F)+/u
const CLOSE = /^(?:[\])*_`]|\[\^[^\]\s]{1,30}\])+/
const LEAD_WORD = /^(?:(?:at|around|approx\.?|approximately|about|circa|by|between|from|since|~)\s{1,3}|(?:mon|tue|tues|wed|thu|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?,?\s{1,3})(?=\d|midnight|noon)/i
const DOT_TIME = /^([01]?\d|2[0-3])\.([0-5]\d)(?![\d.])(?=\s{0,3}[-–—:|,]|\s\p{L})/u
const SHORT_DATE = /^(\d{1,2})\/(\d{1,2})(?=,?\s{1,3}\d{1,2}[:.]\d{2})/
const DATE_PLACEHOLDER = /^\d{4}-(?:MM|XX|\?\?|\d{2})-(?:DD|XX|\?\?)(?![\w?])|^\d{4}-(?:MM|XX|\?\?)(?![\w?])/i
const AFTER_DATE = /^(?:,?\s{1,3}(?:at\s)?|T(?=\d))/
const TIME_UNKNOWN = /^(?:-{1,2}:-{1,2}|\?{1,2}:\?{1,2}|\?{2,4}|[xX]{2}:[xX]{2}|hh:mm|TB[DC])(?![\w?])/i
const COMPACT = /^([01]\d|2[0-3])([0-5]\d)(?:h|hrs)?(?=\s*[-–—:|]|\s+[A-Z]{2,5}\b)/
const INVALID_TIME = /^\d{1,2}:\d{2}(?::\d{2})?(?!\d)/
const SEPARATOR = /^\s*(?:[-–—=]+>?|:+|\||,)\s*/
const ABBREVIATION = /^(?:\(.{1,40}\)|[A-Z]{2,5}|[+\-−]\d{2}:?\d{2}|(?:UTC|GMT)\s?[+\-−]\s?\d{1,2}(?::?\d{2})?|[A-Z][a-z]+\/[A-Za-z_]+)$/
const UNKNOWN_ZONE = /^[A-Z]{2,4}T$/
const HEAD_LIMIT = 200

const RANGE_END = /^\s{0,3}(?:[-–—]|to|until|and)\s{0,3}(?=\d)/i
/** A UTC offset written straight after the time (`09:12:00-05:00`, `T09:12-0500`): a zone, never a range's end. */
const ATTACHED_OFFSET = /^[+\-−](?:0\d|1[0-4]):?[0-5]\d(?![\d:])/

function readZone(text: string): { zone: ParsedZone | null; unknown: string | null; length: number } | null {
  if (/^Z\b/.test(text)) return { zone: { written: 'Z', iana: null, fixedOffsetMinutes: 0 }, unknown: null, length: 1 }
  const paren = /^\s*\(([^()]{1,40})\)/.exec(text)
  if (paren) {
    const zone = parseZone(paren[1]!)
    return zone ? { zone, unknown: null, length: paren[0].length } : null
  }
  const words = /^\s*(\S+)(?:\s(\S+))?(?:\s(\S+))?(?:\s(\S+))?/.exec(text)
  if (!words) return null
  const tokens = words.slice(1).filter((w): w is string => w !== undefined)
  for (let n = tokens.length; n >= 1; n--) {
    const raw = tokens.slice(0, n).join(' ')
    const candidate = raw.replace(/[:,;.\-–]+$/, '')
    if (!candidate) continue
    const consumed = text.indexOf(raw) + candidate.length
    const after = text.slice(consumed)
    const strong = ABBREVIATION.test(candidate)
    if (!strong && !/^\s*(?:[-–—:|]|$)/.test(after)) continue
    const zone = parseZone(candidate)
    if (zone) return { zone, unknown: null, length: consumed }
    if (n === 1 && UNKNOWN_ZONE.test(candidate) && /^\s*[-–—:|]/.test(after)) return { zone: null, unknown: candidate, length: consumed }
  }
  return null
}

/** `10/21` before a time: month first unless the document is day-first; the year comes from the hints. */
function shortDate(m: RegExpExecArray, hints: DateHints): ParsedDate | null {
  const a = Number(m[1])
  const b = Number(m[2])
  const dayFirst = a > 12 ? true : b > 12 ? false : (hints.dayFirst ?? false)
  const [day, month] = dayFirst ? [a, b] : [b, a]
  if (month < 1 || month > 12 || day < 1 || day > 31) return null
  const ambiguous = a <= 12 && b <= 12 && a !== b && (hints.dayFirst === null || hints.dayFirst === undefined)
  return { year: hints.year ?? null, month, day, ambiguous, text: m[0] }
}

/** Reads the stamp at the start of a line; null when the line does not open with a date or time. */
export function readStamp(line: string, hints: DateHints): Stamp | null {
  const lead = LEAD.exec(line)
  let s = (lead ? line.slice(lead[0].length) : line).slice(0, 100_000)
  const word = LEAD_WORD.exec(s)
  if (word) s = s.slice(word[0].length)
  const head = (): string => s.slice(0, HEAD_LIMIT)
  const stamp: Stamp = { date: null, dateUnknown: false, time: null, timeUnknown: false, invalidTime: null, zone: null, unknownZone: null, rest: '' }
  const placeholder = DATE_PLACEHOLDER.exec(head())
  const date = placeholder ? undefined : findDates(head().slice(0, 60), hints)[0]
  if (placeholder) {
    stamp.dateUnknown = true
    s = s.slice(placeholder[0].length)
  } else if (date && date.index === 0) {
    stamp.date = date
    s = s.slice(date.text.length)
  } else {
    const short = SHORT_DATE.exec(head())
    stamp.date = short ? shortDate(short, hints) : null
    if (stamp.date) s = s.slice(short![0].length)
  }
  if (stamp.date || stamp.dateUnknown) {
    s = s.replace(CLOSE, '')
    const gap = AFTER_DATE.exec(s)
    if (gap) s = s.slice(gap[0].length)
  }
  const time = matchTimeAt(head(), 0)
  const compact = time ? null : (COMPACT.exec(head()) ?? DOT_TIME.exec(head()))
  const unknown = time || compact ? null : TIME_UNKNOWN.exec(head())
  const invalid = time || compact || unknown ? null : INVALID_TIME.exec(head())
  const iso = stamp.date !== null && /T$/.test(line.slice(0, line.length - s.length))
  if (time) {
    stamp.time = time.time
    s = s.slice(time.end)
  } else if (compact) {
    stamp.time = { hour: Number(compact[1]), minute: Number(compact[2]), second: null, text: compact[0], meridiem: null }
    s = s.slice(compact[0].length)
  } else if (unknown) {
    stamp.timeUnknown = true
    s = s.slice(unknown[0].length)
  } else if (invalid) {
    stamp.invalidTime = invalid[0]
    s = s.slice(invalid[0].length)
  }
  if (!stamp.date && !stamp.dateUnknown && !stamp.time && !stamp.timeUnknown && !stamp.invalidTime) return null
  s = s.replace(CLOSE, '')
  const attached = stamp.time && (iso || stamp.time.second !== null) ? ATTACHED_OFFSET.exec(s) : null
  const offsetZone = attached ? parseZone(attached[0]) : null
  if (attached && offsetZone) {
    stamp.zone = offsetZone
    s = s.slice(attached[0].length)
  }
  const range = stamp.time && !offsetZone ? RANGE_END.exec(s) : null
  const end = range ? matchTimeAt(s.slice(range[0].length, HEAD_LIMIT), 0) : null
  if (range && end) s = s.slice(range[0].length + end.end).replace(CLOSE, '')
  const zone = !offsetZone && (stamp.time || stamp.timeUnknown || stamp.date) ? readZone(head()) : null
  if (zone) {
    stamp.zone = zone.zone
    stamp.unknownZone = zone.unknown
    s = s.slice(zone.length).replace(CLOSE, '')
  }
  const sep = SEPARATOR.exec(s)
  if (sep) s = s.slice(sep[0].length)
  stamp.rest = s.replace(/^[\s*_]+/, '').replace(/\s+/g, ' ').trim()
  return stamp
}
