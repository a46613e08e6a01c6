/**
 * Times and dates as authors write them ("9:00 AM", "10:45a", "10h47", "0300hrs", "*09:03*", "1250", "Midnight", "03.08.2023", "March 1st, 2023",
 * "3. August", "午後3時", "15時30分") read into plain numbers, with day/month ambiguity reported rather than guessed silently.
 */
export { findDates, matchDateAt, parseDate, inferDayFirst } from './datetime-dates.js'
import { allMatches } from '../all-matches.js'
import { MONTH_WORD } from './month-words.js'
import { parseZone } from './zones.js'

/** A clock time, 24-hour. `meridiem` says whether the author wrote am/pm (a bare `1:52` may still mean 13:52). */
export interface ParsedTime {
  hour: number
  minute: number
  second: number | null
  text: string
  meridiem: 'am' | 'pm' | null
}

/** A calendar date; `year` is null when neither the text nor the hints give one. */
export interface ParsedDate {
  year: number | null
  month: number
  day: number
  /** True when the text could be read day-first or month-first and no hint decided. */
  ambiguous: boolean
  text: string
  /** True when the year came from the hints, not the text (`Dec 31`): a list of such days may cross into the next year. */
  yearless?: boolean
}

/** Context for reading dates: the year to assume, whether numeric dates are day-first (null = unknown), the publication day. */
export interface DateHints {
  year?: number | null
  dayFirst?: boolean | null
  /** The publication day (`YYYY-MM-DD`) that "yesterday" and "today" count from. */
  today?: string | null
  /** A day the document gives (`YYYY-MM-DD`, the incident's), whose month a weekday and day alone ("Monday 3rd") fall in or next to. */
  around?: string | null
}

/** am/pm long (`3pm`, `8:00 a.m.`, `11:22-am`) or, straight after a colon time, short (`10:45a`). */
const AMPM = String.raw`(?:(?:\s|-(?=[ap]m\b))?(?<ap>[ap])\.?\s?m\b\.?|(?<=\d:\d\d)(?<ap2>[ap])(?![a-z\d]))`
/** Clock times in every shape the text may use (seconds may carry a fraction, `10:00:00.123`, `10:00:00,123`); four bare digits (`1915`) only before UTC/GMT or as the first of such a range (`1900 and 2100 UTC`). */
const TIME_SOURCE =
  String.raw`(?<![\d:.])(?:(?<h1>\d{1,2}):(?<m1>\d{2})(?::(?<s1>\d{2})(?:\.\d{1,9}|,\d{3})?)?(?!\d|:\d)|(?<h2>\d{1,2})\.(?<m2>\d{2})(?=\s?[ap]\.?\s?m\b)|(?<h3>\d{1,2})(?=\s?[ap]\.?\s?m\b)|(?<h4>\d{1,2})h(?<m4>[0-5]\d)(?!\d|\s?min|m\b)|(?<h5>[01]\d|2[0-3])(?<m5>[0-5]\d)\s?(?:hrs|h)\b|(?<h7>[01]\d|2[0-3])(?<m7>[0-5]\d)(?=\s?(?:UTC|GMT)\b|(?:\s(?:and|to|until|till)\s|\s?[-–]\s?)(?:[01]\d|2[0-3])[0-5]\d\s?(?:UTC|GMT)\b)|\b(?<word>midnight|noon|midday)\b|(?<jp>午前|午後)?\s?(?<h6>\d{1,2})\s?時(?!間)(?:\s?(?<m6>\d{1,2})\s?分|(?<half>半))?)` +
  `${AMPM}?`
const TIME_STICKY = new RegExp(TIME_SOURCE, 'iy')
/** Every time shape holds an ASCII digit but the words `midnight`, `noon` and `midday`: a text with none is not scanned. */
const TIME_CHANCE = /\d|midnight|noon|midday/i
const TIME_GLOBAL = new RegExp(TIME_SOURCE, 'gi')
const COMPACT_RE = /^([01]\d|2[0-3])([0-5]\d)\s?(?:h|hrs|Z)?$/i
const WRAPPER_RE = /^[\s*_`[(]+|[\s*_`\])]+$|:+$/g

function strip(text: string): string {
  let out = text.trim()
  for (let i = 0; i < 4; i++) out = out.replace(WRAPPER_RE, '').trim()
  return out
}

function buildTime(groups: Record<string, string | undefined>, text: string): ParsedTime | null {
  const word = groups['word']?.toLowerCase()
  if (word) return { hour: word === 'midnight' ? 0 : 12, minute: 0, second: null, text, meridiem: null }
  const ap = groups['ap'] ?? groups['ap2'] ?? (groups['jp'] ? (groups['jp'] === '午前' ? 'a' : 'p') : undefined)
  const meridiem = ap ? (ap.toLowerCase() === 'a' ? 'am' : 'pm') : null
  let hour = Number(groups['h1'] ?? groups['h2'] ?? groups['h3'] ?? groups['h4'] ?? groups['h5'] ?? groups['h6'] ?? groups['h7'])
  const minute = groups['half'] ? 30 : Number(groups['m1'] ?? groups['m2'] ?? groups['m4'] ?? groups['m5'] ?? groups['m6'] ?? groups['m7'] ?? 0)
  const second = groups['s1'] !== undefined ? Number(groups['s1']) : null
  if (minute > 59 || (second !== null && second > 59) || hour > 23) return null
  if (meridiem) {
    if (hour === 0 && meridiem === 'pm') return null
    if (hour > 12) {
      if (meridiem === 'am') return null
    } else if (hour === 12) hour = meridiem === 'am' ? 0 : 12
    else if (meridiem === 'pm') hour += 12
  }
  return { hour, minute, second, text, meridiem }
}

/** Reads a time at `index` of `text`; returns it with the index just after it, or null. */
export function matchTimeAt(text: string, index: number): { time: ParsedTime; end: number } | null {
  TIME_STICKY.lastIndex = index
  const m = TIME_STICKY.exec(text)
  if (!m || !m.groups) return null
  const time = buildTime(m.groups, m[0])
  return time ? { time, end: index + m[0].length } : null
}

/** Reads a string that is wholly a time ("09:03", "9:00 AM", "2pm", "14:46:05", "1250", "[08:47]", "noon"). */
export function parseTime(text: string): ParsedTime | null {
  if (text.length > 60) return null
  const s = strip(text)
  const compact = COMPACT_RE.exec(s)
  if (compact) return { hour: Number(compact[1]), minute: Number(compact[2]), second: null, text: text.trim(), meridiem: null }
  const m = matchTimeAt(s, 0)
  return m && m.end === s.length ? { ...m.time, text: text.trim() } : null
}

/** What comes right before an offset's hours (`UTC−`, `GMT +`): a time read there is part of the zone. */
const OFFSET_BEFORE = /(?:UTC|GMT|UT)\s?[+\-−]\s?$/i

/**
 * A range of two four-digit military times after "from" or "between" ("from 0233 to 0239 on 15Sep94", "between 1410
 * and 1425 hrs"): times when a zone, `hrs` or "on" and a day follows, or when either is written with its leading zero
 * (a count such as "from 1200 to 1500 requests", "1200 to 1500 RPS" or "… on the primary" is neither).
 */
const COMPACT_RANGE =
  /(?<=\b(?:from|between)\s)([01]\d|2[0-3])([0-5]\d)(\s(?:and|to|until|till)\s|\s?[-–]\s?)([01]\d|2[0-3])([0-5]\d)(?![\d:])(?:(\s?(?:hrs?|h)\b|\s([A-Z]{2,5})\b|\son\s)|(?=[.,;)]|\s*$))/g
/** What follows "on" after a range of times: a day ("on 15Sep94", "on Monday", "on March 3", "on the 5th"), not a place. */
const DAY_AFTER_ON = new RegExp(String.raw`^(?:\d|(?:${MONTH_WORD}|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|the\s+\d)`, 'i')

/** The two times of each `COMPACT_RANGE` in the text that reads as times, with their indexes, and the spans they cover. */
function compactRangeTimes(text: string): { times: Array<ParsedTime & { index: number }>; spans: Array<[number, number]> } {
  const times: Array<ParsedTime & { index: number }> = []
  const spans: Array<[number, number]> = []
  for (const m of allMatches(COMPACT_RANGE, text)) {
    const [all, h1, m1, join, h2, m2, tail, zone] = m
    if (!tail && !h1!.startsWith('0') && !h2!.startsWith('0')) continue
    // A word in capitals after it is a zone only when it names one ("UTC", not "RPS" or "MB"); "on" needs a day after it.
    if (zone !== undefined && !parseZone(zone)) continue
    if (/^\son\s$/.test(tail ?? '') && !DAY_AFTER_ON.test(text.slice(m.index + all.length, m.index + all.length + 12))) continue
    const time = (h: string, min: string, index: number) => ({ hour: Number(h), minute: Number(min), second: null, text: h + min, meridiem: null, index })
    times.push(time(h1!, m1!, m.index), time(h2!, m2!, m.index + 4 + join!.length))
    spans.push([m.index, m.index + all.length])
  }
  return { times, spans }
}

/** Every time written inside prose, in order, with its index. */
export function findTimes(text: string): Array<ParsedTime & { index: number }> {
  const out: Array<ParsedTime & { index: number }> = []
  if (!TIME_CHANCE.test(text)) return out
  const compact = /\d{4}/.test(text) ? compactRangeTimes(text.slice(0, 100_000)) : null
  if (compact?.times.length) {
    // The ranges read, blanked, so that the rest of the text is read once more without them.
    let blanked = ''
    let from = 0
    for (const [start, end] of compact.spans) {
      blanked += text.slice(from, start) + ' '.repeat(end - start)
      from = end
    }
    const found = findTimes(blanked + text.slice(from))
    return [...found, ...compact.times].sort((a, b) => a.index - b.index)
  }
  for (const m of allMatches(TIME_GLOBAL, text.slice(0, 100_000))) {
    // The `05:00` of `UTC−05:00` is the zone's offset, not a time.
    if (OFFSET_BEFORE.test(text.slice(Math.max(0, m.index - 8), m.index))) continue
    // `buildTime` gives a new time each call: its index is added in place.
    const time = m.groups ? (buildTime(m.groups, m[0]) as (ParsedTime & { index: number }) | null) : null
    if (!time) continue
    time.index = m.index
    out.push(time)
  }
  return out
}

/** `HH:MM` of a parsed time. */
export function formatTime(t: { hour: number; minute: number }): string {
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`
}

/** `YYYY-MM-DD` of a complete date. */
export function formatDate(d: { year: number; month: number; day: number }): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`
}
