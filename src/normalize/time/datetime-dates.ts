/**
 * Calendar dates inside prose: ISO, numeric with dots or slashes (day/month order from hints or evidence),
 * Japanese ("2021年11月25日"), French, German, Spanish, Portuguese and Italian month names ("27 août 2022",
 * "12. März 2024", "12 de marzo de 2024"), and English month names in either order ("March 1st, 2023",
 * "3rd of June 2023", "Monday, May the 4th, 2020", "3. August"), a range of days as its first day ("7-13th Nov"), and
 * day, month name and year joined by slashes or hyphens ("22/Mar/2024", "Mar-22-2024", "2025-Feb-07"), and military "15Sep94".
 */
import type { DateHints, ParsedDate } from './datetime.js'
import { numericParts, orderOfKnownDay } from './numeric-dates.js'
import { monthNumber } from './month-words.js'
import { allMatches } from '../all-matches.js'
import { weekdayMonth } from './weekday-day.js'

const MONTH = String.raw`(?<mon>[Jj]an(?:uary)?|JAN(?:UARY)?|[Ff]eb(?:ruary)?|FEB(?:RUARY)?|[Mm]ar(?:ch)?|MAR(?:CH)?|[Aa]pr(?:il)?|APR(?:IL)?|May|MAY|[Jj]une?|JUNE?|[Jj]uly?|JULY?|[Aa]ug(?:ust)?|AUG(?:UST)?|[Ss]ep(?:t(?:ember)?)?|SEP(?:T(?:EMBER)?)?|[Oo]ct(?:ober)?|OCT(?:OBER)?|[Nn]ov(?:ember)?|NOV(?:EMBER)?|[Dd]ec(?:ember)?|DEC(?:EMBER)?)\b\.?`
const ORD = String.raw`(?:st|nd|rd|th)?`
/** Three-letter month abbreviations, capitalised or in capitals (never lower case, so a hexadecimal `12feb23` is no date). */
const COMPACT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].flatMap((m) => [m, m.toUpperCase()]).join('|')
// A year after a month and day, unless it reads as a clock time: a number before 1900 that is a valid
// HHMM ('Feb 8 0117'), or any valid HHMM a zone or an hour mark follows ('Feb 7 1506 UTC', '1936h').
const HHMM = String.raw`(?:[01]\d|2[0-3])[0-5]\d`
const YEAR = String.raw`(?!(?:0\d|1[0-8])\d\d(?!\d)|${HHMM}(?:\s?(?:h|hrs?)\b|\s{1,3}(?:UTC|GMT|Z|[A-Z]{1,3}T)\b))(?<y>\d{4})(?!\d)`
const WEEKDAY = String.raw`(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?`
/** French and German month names that differ from the English ones ("27 août 2022", "12. März 2024"). */
const FOREIGN_MONTHS = new Map<string, number>([
  ['janvier', 1],
  ['janv', 1],
  ['février', 2],
  ['fevrier', 2],
  ['févr', 2],
  ['mars', 3],
  ['avril', 4],
  ['avr', 4],
  ['mai', 5],
  ['juin', 6],
  ['juillet', 7],
  ['juil', 7],
  ['août', 8],
  ['aout', 8],
  ['septembre', 9],
  ['octobre', 10],
  ['novembre', 11],
  ['décembre', 12],
  ['decembre', 12],
  ['déc', 12],
  ['januar', 1],
  ['jänner', 1],
  ['februar', 2],
  ['märz', 3],
  ['maerz', 3],
  ['juni', 6],
  ['juli', 7],
  ['oktober', 10],
  ['okt', 10],
  ['dezember', 12],
  ['dez', 12],
  // Spanish, Portuguese and Italian ("12 de marzo de 2024", "3 de março de 2024", "5 maggio 2024").
  ['enero', 1],
  ['janeiro', 1],
  ['gennaio', 1],
  ['febrero', 2],
  ['fevereiro', 2],
  ['febbraio', 2],
  ['marzo', 3],
  ['março', 3],
  ['abril', 4],
  ['aprile', 4],
  ['mayo', 5],
  ['maio', 5],
  ['maggio', 5],
  ['junio', 6],
  ['junho', 6],
  ['giugno', 6],
  ['julio', 7],
  ['julho', 7],
  ['luglio', 7],
  ['agosto', 8],
  ['septiembre', 9],
  ['setiembre', 9],
  ['setembro', 9],
  ['settembre', 9],
  ['octubre', 10],
  ['outubro', 10],
  ['ottobre', 10],
  ['noviembre', 11],
  ['novembro', 11],
  ['diciembre', 12],
  ['dezembro', 12],
  ['dicembre', 12],
])
const FOREIGN = [...FOREIGN_MONTHS.keys()]
  .sort((a, b) => b.length - a.length)
  .map((name) => `[${name[0]}${name[0]!.toUpperCase()}]${name.slice(1)}`)
  .join('|')

/** The month (1 to 12) a French, German, Spanish, Portuguese or Italian month name gives; 0 when it names none. */
export function foreignMonth(word: string): number {
  return FOREIGN_MONTHS.get(word.toLowerCase()) ?? 0
}

const DATE_SOURCES: Array<[kind: string, source: string]> = [
  ['iso', String.raw`(?<![\d.])(?<y>\d{4})[-/](?<m>\d{1,2})[-/](?<d>\d{1,2})(?!\d)`],
  ['iso', String.raw`(?<!\d)(?<y>\d{4})\s?年\s?(?<m>\d{1,2})\s?月\s?(?<d>\d{1,2})\s?日`],
  ['num', String.raw`(?<![A-Za-z\d.:/-])(?<a>\d{1,2})(?<sep>[./-])(?<b>\d{1,2})\k<sep>(?<y>\d{4}|\d{2})(?![\d]|[.:/-]\d)`],
  // Numbers joined by commas are a date only as a field's value or a line's start, with a year of this era
  // ("Start: 03, 14, 2024"), so a list of numbers in prose ("nodes 3, 11, 2048") is never one.
  ['num', String.raw`(?=\d{1,2},)(?<=^\s{0,3}|[:(\[|]\s{0,2})(?<a>\d{1,2})(?<sep>,)\s?(?<b>\d{1,2}),\s?(?<y>(?:19|20)\d{2})(?![\d]|[.,:/-]\d)`],
  // A weekday and an ordinal day with no month ("Monday 3rd", "Wed the 5th"): the month comes from the document's day.
  ['wd', String.raw`\b(?<wd>Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:day|s|sday|nesday|rs|rsday|urday)?\.?,?\s{1,3}(?:the\s)?(?<d>\d{1,2})(?:st|nd|rd|th)\b`],
  ['md', String.raw`\b${WEEKDAY}${MONTH}\s{1,3}(?:the\s)?(?<d>\d{1,2})${ORD}\b(?:,?\s{1,3}${YEAR})?`],
  ['dm', String.raw`\b${WEEKDAY}(?<d>\d{1,2})${ORD}\.?\s{1,3}(?:of\s)?${MONTH}(?:,?\s{1,3}${YEAR})?`],
  // A range of days in one month reads as its first day ("7-13th Nov", "Nov 7–13, 2023").
  ['dm', String.raw`\b(?<d>\d{1,2})${ORD}\s?[-–—]\s?\d{1,2}${ORD}\.?\s{1,3}(?:of\s)?${MONTH}(?:,?\s{1,3}${YEAR})?`],
  ['md', String.raw`\b${MONTH}\s{1,3}(?<d>\d{1,2})${ORD}\s?[-–—]\s?\d{1,2}${ORD}\b(?:,?\s{1,3}${YEAR})?`],
  // Day, month name and year joined by slashes or hyphens, as logs and date pickers write them ("22/Mar/2024", "22-Mar-24", "Mar/22/2024").
  ['dm', String.raw`(?<![\p{L}\d])(?<d>\d{1,2})(?<sep>[/-])${MONTH}\k<sep>(?<y>\d{4}|\d{2})(?![\d]|[.:/-]\d)`],
  ['md', String.raw`\b${MONTH}(?<sep>[/-])(?<d>\d{1,2})\k<sep>(?<y>\d{4}|\d{2})(?![\d]|[.:/-]\d)`],
  // A year, month name and day joined by hyphens or slashes ("2025-Feb-07", "2025/feb/7").
  ['md', String.raw`(?<![\p{L}\d.])(?<y>\d{4})(?<sep>[/-])${MONTH}\k<sep>(?<d>\d{1,2})(?![\d]|[.:/-]\d)`],
  // Day, capitalised month abbreviation and year written together, as military date-time groups write them ("15Sep94", "07FEB2025").
  ['dm', String.raw`(?<![\p{L}\d])(?<d>\d{1,2})(?<mon>${COMPACT_MONTHS})(?<y>\d{4}|\d{2})(?![\p{L}\d])`],
  // Lower-case "may" is a verb unless a year follows it ("12th of may 2022", "may 12, 2022").
  ['dm', String.raw`\b${WEEKDAY}(?<d>\d{1,2})${ORD}\.?\s{1,3}(?:of\s)?(?<mon>may)\s{1,3}${YEAR}`],
  ['md', String.raw`\b(?<mon>may)\s{1,3}(?:the\s)?(?<d>\d{1,2})${ORD},?\s{1,3}${YEAR}`],
  ['dmx', String.raw`(?<![\p{L}\d])(?<d>\d{1,2})(?:er|º|°)?\.?\s{1,3}(?:de\s{1,3})?(?<mon>${FOREIGN})\.?(?![\p{L}])(?:,?\s{1,3}(?:de\s{1,3})?${YEAR})?`],
]
const DATE_RES = DATE_SOURCES.map(([kind, source]) => [kind, new RegExp(source, 'gu')] as const)
const DATE_STICKY = DATE_SOURCES.map(([kind, source]) => [kind, new RegExp(source, 'yu')] as const)
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function validDay(year: number | null, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  if (month === 2 && year !== null && day === 29) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return day <= (DAYS_IN_MONTH[month - 1] ?? 0)
}

function fullYear(y: string | undefined, hints: DateHints | undefined): number | null {
  if (y === undefined) return hints?.year ?? null
  const n = Number(y)
  return y.length === 2 ? (n < 70 ? 2000 + n : 1900 + n) : n
}

function build(kind: string, g: Record<string, string | undefined>, text: string, hints?: DateHints): ParsedDate | null {
  const year = fullYear(g['y'], hints)
  let month: number
  let day: number
  let ambiguous = false
  if (kind === 'iso') {
    month = Number(g['m'])
    day = Number(g['d'])
  } else if (kind === 'num') {
    const a = Number(g['a'])
    const b = Number(g['b'])
    let dayFirst = a > 12 ? true : b > 12 ? false : null
    if (dayFirst === null && a !== b) {
      const hint = hints?.dayFirst
      const unhinted = hint === null || hint === undefined
      dayFirst = unhinted ? g['sep'] !== '/' : hint === true
      // Dotted numeric dates (3.4.2020) are day-first wherever they are written; only `/` and `-` are really ambiguous.
      ambiguous = unhinted && g['sep'] !== '.'
    }
    ;[day, month] = dayFirst === false ? [b, a] : [a, b]
  } else if (kind === 'wd') {
    const found = weekdayMonth(g['wd'] ?? '', Number(g['d']), hints?.around)
    if (!found) return null
    return { year: found.year, month: found.month, day: Number(g['d']), ambiguous: false, text }
  } else if (kind === 'dmx') {
    month = FOREIGN_MONTHS.get((g['mon'] ?? '').toLowerCase()) ?? 0
    day = Number(g['d'])
  } else {
    month = monthNumber(g['mon'] ?? '')
    day = Number(g['d'])
  }
  if (!validDay(year, month, day) || (year !== null && (year < 1900 || year > 2200))) return null
  return g['y'] === undefined && year !== null ? { year, month, day, ambiguous, text, yearless: true } : { year, month, day, ambiguous, text }
}

/** One match of a date shape before its day/month order is read: hints decide that, so one scan of a text serves every reading. */
export interface DateMatch {
  kind: string
  groups: Record<string, string | undefined>
  text: string
  index: number
  end: number
}

/** Every date shape holds an ASCII digit (a day, a year or both): a text without one is not scanned shape by shape. */
const DIGIT = /\d/
/** What a date shape read at a string's start opens with: a digit, or a weekday or month name (any case, a superset of the shapes'). */
const DATE_OPENING = /^(?:\d|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i

/** Hyphen look-alikes (U+2010 hyphen, U+2011 non-breaking hyphen, U+2012 figure dash, U+2212 minus) between digits. */
const HYPHEN_LIKE = /(?<=\d)[\u2010-\u2012\u2212](?=\d)/g

/**
 * The text with hyphen look-alikes between digits read as ASCII hyphens, one character for one so every index holds:
 * word processors and generated text write "2025‑05‑20" with non-breaking hyphens.
 */
export function foldHyphens(text: string): string {
  return /[\u2010-\u2012\u2212]/.test(text) ? text.replace(HYPHEN_LIKE, '-') : text
}

/** Every match of every date shape in the text (its first 100,000 characters), shape by shape; matched text as written. */
export function scanDates(text: string): DateMatch[] {
  const sample = text.length > 100_000 ? text.slice(0, 100_000) : text
  const matches: DateMatch[] = []
  if (!DIGIT.test(sample)) return matches
  const scan = foldHyphens(sample)
  for (const [kind, re] of DATE_RES) {
    for (const m of allMatches(re, scan)) {
      const end = m.index + m[0].length
      if (m.groups) matches.push({ kind, groups: m.groups, text: sample.slice(m.index, end).trim(), index: m.index, end })
    }
  }
  return matches
}

/** Every date written inside prose, in order of position, overlapping matches dropped. */
export function findDates(text: string, hints?: DateHints): Array<ParsedDate & { index: number }> {
  return datesOf(scanDates(text), hints)
}

/** The dates `findDates` reads from a text's scan (see `scanDates`) under the hints. */
export function datesOf(matches: DateMatch[], hints?: DateHints): Array<ParsedDate & { index: number }> {
  // `build` gives a new date each call: its index is added to it in place, not by copying it twice.
  const found: Array<{ date: ParsedDate & { index: number }; end: number }> = []
  for (const m of matches) {
    const date = build(m.kind, m.groups, m.text, hints) as (ParsedDate & { index: number }) | null
    if (!date) continue
    date.index = m.index
    found.push({ date, end: m.end })
  }
  found.sort((x, y) => x.date.index - y.date.index || y.end - x.end)
  const out: Array<ParsedDate & { index: number }> = []
  let reached = -1
  for (const { date, end } of found) {
    if (date.index < reached) continue
    out.push(date)
    reached = end
  }
  return out
}

/** The longest date written at the very start of `text` (cheaper than `findDates` when only the start matters). */
export function matchDateAt(text: string, hints?: DateHints): ParsedDate | null {
  let best: ParsedDate | null = null
  if (!DATE_OPENING.test(text)) return best
  const scan = foldHyphens(text)
  for (const [kind, re] of DATE_STICKY) {
    re.lastIndex = 0
    const m = re.exec(scan)
    const written = m ? text.slice(0, m[0].length) : ''
    const date = m?.groups ? build(kind, m.groups, written.trim(), hints) : null
    if (date && (!best || written.length > best.text.length)) best = { ...date, text: written }
  }
  return best
}

/** Reads a string that is wholly a date (a leading weekday and surrounding markup allowed). */
export function parseDate(text: string, hints?: DateHints): ParsedDate | null {
  if (text.length > 120) return null
  const s = text
    .trim()
    .replace(/^[*_`([]+|[*_`)\].,:;]+$/g, '')
    .trim()
  const [first] = findDates(s, hints)
  const body = s.replace(/[.,;:]+$/, '')
  return first && first.index === 0 && first.text.replace(/[.,;:]+$/, '') === body ? strip(first) : null
}

function strip(d: ParsedDate & { index?: number }): ParsedDate {
  const out: ParsedDate = { year: d.year, month: d.month, day: d.day, ambiguous: d.ambiguous, text: d.text }
  if (d.yearless) out.yearless = true
  return out
}

/**
 * Whether the document's numeric dates are day-first: decided by any unambiguous numeric date (`20/06/2023`),
 * else by a month-name date naming the same day (`03.08.2023` next to `3rd of August`), else by a day known for
 * certain (`knownDays`, ISO: a dated file name) that one reading names; null when nothing decides.
 */
export function inferDayFirst(text: string | DateMatch[], knownDays: readonly string[] = []): boolean | null {
  const dates = datesOf(typeof text === 'string' ? scanDates(text) : text, { dayFirst: null })
  const named = dates.filter((d) => /[a-z]/i.test(d.text))
  const numeric = dates.flatMap((d) => numericParts(d.text) ?? [])
  for (const { a, b } of numeric) {
    if (a > 12 && b <= 12) return true
    if (b > 12 && a <= 12) return false
  }
  for (const { a, b } of numeric) {
    if (a === b) continue
    if (named.some((n) => n.day === a && n.month === b)) return true
    if (named.some((n) => n.day === b && n.month === a)) return false
  }
  return knownDays.length ? orderOfKnownDay(numeric, knownDays) : null
}
