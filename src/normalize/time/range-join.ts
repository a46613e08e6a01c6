/**
 * The tokens a written time range is made of besides its two times, in the languages postmortems are written in:
 * the word that opens it ("from", "between", "von", "entre las", "de"), the word or mark that joins start and end
 * ("to", "until", "bis", "à", "a las", "y", "-", "〜", "부터"), and the mark after the end ("Uhr", "까지", "まで"), so a
 * range is read part by part wherever it stands (a timeline line, a table cell, a heading).
 */

import type { ParsedTime } from './datetime.js'
import { readTimeToken, type Token } from './datetime-tokens.js'

/** A range token at the start of a string, how many characters it took, and whether it is a conjunction ("and", "y"). */
export interface RangeJoin {
  length: number
  conjunction: boolean
  /** Written as a word ("to", "à", "bis"), not a mark (`-`, `〜`). */
  word: boolean
}

/** Words that join a range's start and end; "and"-like ones make a range only after "between" ("entre", "zwischen"). */
export const RANGE_WORDS = ['to', 'until', 'till', 'through', 'thru', 'bis', 'à', 'au', 'a', 'hasta', "jusqu'à", 'jusqu’à']
export const RANGE_CONJUNCTIONS = ['and', 'y', 'und', 'et']

/** A mark between start and end (`-`, `–`, `~`, `〜`, `->`, `→`), or a particle after the start (`부터`, `から`). */
const MARK_JOIN = /^\s{0,3}(?:[-–—~〜～]{1,2}>?|→|부터|から)\s{0,3}/
/** A word between start and end, with the article Spanish and French put before the end's hour ("a las", "y las"). */
const WORD_JOIN = new RegExp(`^\\s{1,3}(?:(${RANGE_WORDS.join('|')})|(${RANGE_CONJUNCTIONS.join('|')}))(?:\\s(?:las|la|les))?\\s{1,3}`, 'i')
/** What a range's end may carry: German "Uhr", an hours `h`, Korean "까지" and Japanese "まで" ("until"). */
const END_SUFFIX = /^(?:\s?Uhr\b|\s?h\b|\s?까지|\s?まで)/i
/** An hour without minutes as French and German write it in a range (`10h`, `10 Uhr`), read only as part of a range. */
const HOUR_ONLY = /^([01]?\d|2[0-3])(?:h(?![\p{L}\d])|\s?Uhr\b)/iu

/** The join between a range's start and end at the start of `s`; null when none stands there. */
export function readRangeJoin(s: string): RangeJoin | null {
  const word = WORD_JOIN.exec(s)
  if (word) return { length: word[0].length, conjunction: word[2] !== undefined, word: true }
  const mark = MARK_JOIN.exec(s)
  return mark ? { length: mark[0].length, conjunction: false, word: false } : null
}

/** An hour written without minutes (`10h`, `10 Uhr`) at the start of `s`, as a time. */
function readHourOnly(s: string): Token<ParsedTime> | null {
  const m = HOUR_ONLY.exec(s)
  return m ? { value: { hour: Number(m[1]), minute: 0, second: null, text: m[0], meridiem: null }, length: m[0].length } : null
}

/**
 * The join and end of a range at the start of `s`, after its start time: "and" only after "between" (`between`), an
 * hour without minutes (`11h`) only after a word or after a start written so (`hourOnlyStart`, "10h-11h").
 */
export function readRangeEnd(s: string, between: boolean, hourOnlyStart: boolean): Token<ParsedTime> | null {
  const join = readRangeJoin(s)
  if (!join || (join.conjunction && !between)) return null
  const after = s.slice(join.length)
  const end = readTimeToken(after, false) ?? (join.word || hourOnlyStart ? readHourOnly(after) : null)
  if (!end) return null
  const suffix = END_SUFFIX.exec(after.slice(end.length))?.[0].length ?? 0
  return { value: end.value, length: join.length + end.length + suffix }
}

/** A start hour written without minutes (`10h`, `10 Uhr`), read only where a range's join and end follow it. */
export function hourBeforeRange(s: string, between: boolean): Token<ParsedTime> | null {
  const start = readHourOnly(s)
  return start && readRangeEnd(s.slice(start.length), between, true) ? start : null
}
