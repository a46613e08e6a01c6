/**
 * The tokens a written stamp is made of, each read at the start of a string: a date, a clock time, and the filler
 * around them (approximate markers, weekdays, "Update", joiners), so a stamp can put its parts in any order.
 */
import { addDays, monthDay } from './date-parts.js'
import { matchDateAt, matchTimeAt, type DateHints, type ParsedDate, type ParsedTime } from './datetime.js'

/** A token read at the start of a string and how many characters it took. */
export interface Token<T> {
  value: T
  length: number
}

/** Hints for stamp tokens: the date hints, whose publication day is what "yesterday" counts from. */
export type StampHints = DateHints

/** Japanese and Korean clock times (`午後3時`, `15時30分`, `10時半`, `오후 3시 30분`), never a count of hours (`3時間`, `3시간`). */
const JA_TIME = /^(?:(午前|午後|오전|오후)\s?)?(\d{1,2})\s?(?:時(?!間)|시(?!간))(?:\s?(\d{1,2})\s?[分분]|([半반]))?/
const JA_DATE = /^(?:(\d{4})\s?年\s?)?(\d{1,2})\s?月\s?(\d{1,2})\s?日(?:\s?[(（][日月火水木金土][)）])?/
/** `2233` before a separator or zone (`0915Z`: the `Z` is left for the zone reader); never `2015-10` (a year and month). */
const COMPACT = /^([01]\d|2[0-3])([0-5]\d)(?:h|hrs)?(?![-–—./]\d)(?=Z\b|\s{0,3}[-–—:|]|\s+[A-Z]{2,5}\b)/
/** Military time with its `hrs` suffix (`0330hrs`): a time wherever it stands, even before `(EAT)` or a comma. */
const MILITARY = /^([01]\d|2[0-3])([0-5]\d)\s?hrs?\b/i
const COMPACT_AFTER_DATE = /^([01]\d|2[0-3])([0-5]\d)(?:h|hrs)?(?=Z\b|\s|$|[,|])/
const DOT_TIME = /^([01]?\d|2[0-3])\.([0-5]\d)(?![\d.])(?=\s{0,3}[-–—:|,]|\s\p{L}|\s?Uhr\b)/u
const SHORT_DATE = /^(\d{1,2})\/(\d{1,2})(?=,?\s{1,3}(?:at\s)?\d{1,2}[:.h]\d{2})/
const PLACEHOLDER = /^\d{4}-(?:MM|XX|\?\?|\d{2})-(?:DD|XX|\?\?)(?![\w?])|^\d{4}-(?:MM|XX|\?\?)(?![\w?])/i
const RELATIVE = /^(?:(yesterday|gestern|hier)|(today|tonight|heute|aujourd'hui)|(the day before yesterday|vorgestern|avant-hier))\b/i
/** Words that may open a stamp or sit between its parts, kept only when a date or time follows them. */
const FILLER =
  /^(?:[~≈@]\s{0,2}|(?:(?:shortly |just |right )?(?:after|before)|at|around|approx\.?|approximately|about|circa|ca\.|c\.|roughly|by|since|from|between|zwischen|entre(?: las| los)?|von|desde(?: las)?|de(?: las)?|gegen|um|ab|vers|à|a las|kl\.|update[ds]?|updated at|aktualisierung|mise à jour|edit(?:ed)?)(?::\s{0,3}|\s{1,3})|(?:mon|tue|tues|wed|thu|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?,?\s{1,3}|(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche),?\s{1,3})/i
/** The openers after which "and" ("y", "und") joins a range's start and end. */
const BETWEEN = /^(?:between|zwischen|entre)\b/i
/** The openers of a range ("from", "von", "de", "between"), after which a bare hour may be its start ("von 10 bis 11 Uhr"). */
const OPENS = /^(?:from|von|de|desde|between|zwischen|entre)\b/i
/** Marks after a time: approximate ("ish"), German "Uhr", an hours suffix ("14:30h"), Japanese "頃". */
const TIME_SUFFIX = /^(?:-?ish\b|\s?Uhr\b|\s?hrs?\b|\s?頃|\s?ごろ)/i
const APPROXIMATE = /^(?:[~≈]|around|approx|approximately|about|circa|ca\.|c\.|roughly|gegen|vers|-?ish|頃|ごろ)/i
/** What may join a stamp's parts: commas, slashes, a dash, ISO's `T`, "at"/"on"/"@"/"um"/"à". */
const JOINER = /^(?:\s{0,3}(?:[,/|]|[-–—](?!\d)|T(?=\d)|\s(?:at|on|@|um|à|a las|kl\.))\s{0,3}|\s{1,3})/i

/** Replaces look-alike characters with ASCII, keeping every index (full-width digits and colon, dashes between digits, odd spaces). */
export function asciiDigits(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/：/g, ':')
    .replace(/(?<=\d)[–—\u2010-\u2012\u2212](?=\d)/g, '-')
    .replace(/[\u00a0\u2000-\u200a\u202f\u3000]/g, ' ')
}

/** A clock time at the start of `s`: colon, dot, `h`, am/pm, compact (`2233` where a separator or zone follows), Japanese. */
export function readTimeToken(s: string, afterDate: boolean): Token<ParsedTime> | null {
  const ja = JA_TIME.exec(s)
  if (ja) {
    let hour = Number(ja[2])
    const minute = ja[4] ? 30 : Number(ja[3] ?? 0)
    const pm = ja[1] === '午後' || ja[1] === '오후'
    if (pm && hour < 12) hour += 12
    if (ja[1] && !pm && hour === 12) hour = 0
    if (hour > 23 || minute > 59) return null
    return { value: { hour, minute, second: null, text: ja[0], meridiem: ja[1] ? (pm ? 'pm' : 'am') : null }, length: ja[0].length }
  }
  const m = matchTimeAt(s, 0)
  if (m) return { value: m.time, length: m.end }
  const compact = COMPACT.exec(s) ?? MILITARY.exec(s) ?? (afterDate ? COMPACT_AFTER_DATE.exec(s) : null) ?? DOT_TIME.exec(s)
  if (!compact) return null
  return { value: { hour: Number(compact[1]), minute: Number(compact[2]), second: null, text: compact[0], meridiem: null }, length: compact[0].length }
}

/** `10/21` before a time: month first unless the document is day-first; the year comes from the hints. */
function shortDate(m: RegExpExecArray, hints: DateHints): ParsedDate | null {
  return monthDay(Number(m[1]), Number(m[2]), hints.year ?? null, hints.dayFirst, m[0])
}

/** A date at the start of `s` (ISO, numeric, month names, Japanese, `10/21` before a time, "yesterday"); `placeholder` for `2023-MM-DD`. */
export function readDateToken(s: string, hints: StampHints): Token<ParsedDate | 'placeholder'> | null {
  const placeholder = PLACEHOLDER.exec(s)
  if (placeholder) return { value: 'placeholder', length: placeholder[0].length }
  const date = /^[\dA-Za-z]/.test(s) ? matchDateAt(s.slice(0, 60), hints) : null
  if (date) return { value: date, length: date.text.length }
  const ja = JA_DATE.exec(s)
  if (ja) {
    const month = Number(ja[2])
    const day = Number(ja[3])
    if (month < 1 || month > 12 || day < 1 || day > 31) return null
    const year = ja[1] ? Number(ja[1]) : (hints.year ?? null)
    const value: ParsedDate = { year, month, day, ambiguous: false, text: ja[0] }
    if (!ja[1] && year !== null) value.yearless = true
    return { value, length: ja[0].length }
  }
  const short = SHORT_DATE.exec(s)
  const shortValue = short ? shortDate(short, hints) : null
  if (short && shortValue) return { value: shortValue, length: short[0].length }
  const relative = hints.today && /^\d{4}-\d{2}-\d{2}$/.test(hints.today) ? RELATIVE.exec(s) : null
  const day = relative ? addDays(hints.today!, relative[1] ? -1 : relative[3] ? -2 : 0) : null
  if (!relative || !day) return null
  return {
    value: { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)), ambiguous: false, text: relative[0] },
    length: relative[0].length,
  }
}

/** Filler that may precede a stamp's part (`~`, "around", "Monday,", "Update", "between"); whether it marks an approximate time, opens a between-range, or opens any range. */
export function readFiller(s: string): Token<{ approximate: boolean; between: boolean; opens: boolean }> | null {
  const m = FILLER.exec(s)
  return m ? { value: { approximate: APPROXIMATE.test(m[0]), between: BETWEEN.test(m[0]), opens: OPENS.test(m[0]) }, length: m[0].length } : null
}

/** A mark written straight after a time ("ish", "Uhr", "h", "頃"). */
export function readTimeSuffix(s: string): Token<{ approximate: boolean }> | null {
  const m = TIME_SUFFIX.exec(s)
  return m ? { value: { approximate: APPROXIMATE.test(m[0].trim()) }, length: m[0].length } : null
}

/** What joins two parts of a stamp (`, `, ` / `, ` at `, `T`, spaces); its length, 0 when the parts touch. */
export function joinerLength(s: string): number {
  return JOINER.exec(s)?.[0].length ?? 0
}
