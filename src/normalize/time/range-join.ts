/**
 * The tokens a written time range is made of besides its two times, in the languages postmortems are written in:
 * the word that opens it ("from", "between", "von", "entre las", "de"), the word or mark that joins start and end
 * ("to", "until", "bis", "à", "a las", "y", "-", "〜", "부터"), and the mark after the end ("Uhr", "까지", "まで"), so a
 * range is read part by part wherever it stands (a timeline line, a table cell, a heading).
 */

import type { ParsedTime } from './datetime.js'
import { readTimeToken, type Token } from './datetime-tokens.js'
import { allMatches } from '../all-matches.js'

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

/** Words that end a range wherever in the sentence its start stands ("at 10:05 we lost the database until 10:40"). */
const UNTIL_WORDS = new Set(['until', 'till', 'through', 'thru', 'bis', 'hasta', "jusqu'à", 'jusqu’à'])
/** Marks between start and end (`-`, `–`, `~`, `〜`, `->`, `→`), and the particles after the start (`부터`, `から`). */
const MARKS = String.raw`[-–—~〜～]{1,2}>?|→`
const PARTICLES = '부터|から'
/** A mark or particle between start and end. */
const MARK_JOIN = new RegExp(String.raw`^\s{0,3}(?:${MARKS}|${PARTICLES})\s{0,3}`)
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

/** A bare hour (`10` of "von 10 bis 11 Uhr"), a range's start only as `bareHourStart` allows. */
const BARE_HOUR = /^([01]?\d|2[0-3])(?=\s{1,3}\p{L})/u

/**
 * A bare hour opening a range whose end carries the hour word for both ("von 10 bis 11 Uhr", "de 10 à 11h", after an
 * opening word): the join is a word and the end is written with "Uhr" or `h`.
 */
function bareHourStart(s: string, between: boolean): Token<ParsedTime> | null {
  const m = BARE_HOUR.exec(s)
  const rest = m ? s.slice(m[0].length) : ''
  const end = m && readRangeJoin(rest)?.word ? readRangeEnd(rest, between, true) : null
  if (!m || !end || !/(?:\bUhr|\dh)$/i.test(rest.slice(0, end.length).trimEnd())) return null
  return { value: { hour: Number(m[1]), minute: 0, second: null, text: m[0], meridiem: null }, length: m[0].length }
}

/**
 * A start hour written without minutes (`10h`, `10 Uhr`), read only where a range's join and end follow it; after an
 * opening word (`opened`: "von", "de", "from", "between"), a bare hour too when the end names the hour (see `bareHourStart`).
 */
export function hourBeforeRange(s: string, between: boolean, opened = false): Token<ParsedTime> | null {
  const start = readHourOnly(s)
  if (start) return readRangeEnd(s.slice(start.length), between, true) ? start : null
  return opened ? bareHourStart(s, between) : null
}

/** How a range's start was opened in its sentence: "from" ("von", "de", "desde", "du"), "between" ("entre", "zwischen"), or not. */
export type RangeOpener = 'from' | 'between' | null

/** What joins two clock times of one sentence as a range: the words before the join, the join, and the words after it. */
export interface SpreadJoin {
  lead: string
  join: string
  trail: string
}

const WORD_ALTERNATIVES = [...RANGE_WORDS, ...RANGE_CONJUNCTIONS]
  .sort((a, b) => b.length - a.length)
  .map((w) => (/^[a-z]/.test(w) && !RANGE_CONJUNCTIONS.includes(w) ? `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}` : w))
  .join('|')
/**
 * A join inside the words between two times: a mark not inside a number or a word (`kube-proxy`), a particle, or a word (case-sensitive past its
 * first letter, so a zone written in capitals, "4:05 PM ET and …", is no French "et") with the article Spanish and French
 * put before the end's hour.
 */
const GAP_JOIN = new RegExp(
  String.raw`(?<![\d\p{L}])(?:${MARKS})|(?:${MARKS})(?![\d\p{L}])|${PARTICLES}|(?<![\p{L}'’])(?:${WORD_ALTERNATIVES})(?:\s(?:las|la|les))?(?![\p{L}])`,
  'gu',
)
/** What a sentence may not hold between a range's start and end: a sentence end or a line break. */
const BREAK = /[.;!?\n]/
/** Characters of words allowed before the join: a zone or a few words ("10:05 UTC on March 3 to …"); more before "until". */
const MAX_LEAD = 40
const MAX_UNTIL_LEAD = 80
const MAX_TRAIL = 40

/**
 * The join of a range in the words between two clock times of one sentence (`gap`), the one nearest the end time:
 * "and" ("y", "und", "et") only after "between"; a word such as "until" or "bis" even a clause after the start
 * ("at 10:05 UTC we lost the primary database until 10:40"); "to" and the marks only a few words after it; `null` when
 * the words do not join the two times.
 */
export function readSpreadJoin(gap: string, opener: RangeOpener): SpreadJoin | null {
  if (gap.length > MAX_UNTIL_LEAD + MAX_TRAIL + 20 || BREAK.test(gap)) return null
  let found: RegExpExecArray | null = null
  for (const m of allMatches(GAP_JOIN, gap)) if (gap.length - m.index - m[0].length <= MAX_TRAIL) found = m
  if (!found) return null
  const join = found[0]
  const word = join.split(/\s/)[0]!.toLowerCase()
  if (RANGE_CONJUNCTIONS.includes(word) && opener !== 'between') return null
  const lead = gap.slice(0, found.index)
  const trail = gap.slice(found.index + join.length)
  if (lead.trim().length > (UNTIL_WORDS.has(word) || opener !== null ? MAX_UNTIL_LEAD : MAX_LEAD)) return null
  // A one-letter join ("a", "y") stands straight before the end's hour ("a las 10:40", "y las 10:40"), never a clause before it.
  if (word.length === 1 && /^[ay]$/.test(word) && trail.trim() !== '') return null
  return { lead, join, trail }
}

const OPENS_FROM = /(?:^|[^\p{L}])(?:from|von|de|desde|du)(?:\s(?:las|la|les))?\s{1,3}(?:(?:about|approximately|around|roughly|~)\s{0,3})?$/iu
const OPENS_BETWEEN = /(?:^|[^\p{L}])(?:between|zwischen|entre)(?:\s(?:las|los))?\s{1,3}(?:(?:about|approximately|around|roughly|~)\s{0,3})?$/iu
const OPENER_WITH_DATE = /\b(between|from|von|zwischen|entre|du)\b[^.;!?]{0,30}$/i

/** How the words before a range's start open it ("from ~", "between", "entre las"; "from March 3 at" with a date between). */
export function rangeOpener(before: string): RangeOpener {
  const text = before.slice(-60)
  if (OPENS_BETWEEN.test(text)) return 'between'
  if (OPENS_FROM.test(text)) return 'from'
  const dated = OPENER_WITH_DATE.exec(text)
  if (!dated) return null
  return /^(?:between|zwischen|entre)$/i.test(dated[1]!) ? 'between' : 'from'
}

/** Where an hour written without minutes may stand in prose (`10h`, `10 Uhr`), not inside a word, number or time. */
const HOUR_ONLY_IN_TEXT = /(?<![\p{L}\p{N}:.])(?:[01]?\d|2[0-3])(?:h(?![\p{L}\d])|\s?Uhr\b)/giu
/** An opening word right before a bare hour ("von 10 bis 11 Uhr", "de 10 à 11h"): what may make the hour a range's start. */
const OPENED_BARE_HOUR = /(?<![\p{L}])(?:von|de|from|zwischen|entre|between)\s{1,3}(?=(?:[01]?\d|2[0-3])(?:\.[0-5]\d)?\s)/giu
/** A clock time written with a dot and no am/pm (`0.45` of "between 0.45 and 9.00 AM"), a time only as `dottedStart` allows. */
const DOTTED_TIME = /^([01]?\d|2[0-3])\.([0-5]\d)(?=\s)/
/** A range's end written unmistakably as a clock time: a colon, am/pm, "Uhr" or an hours `h`. */
const CLOCK_END = /\d:\d|\d\s?[ap]\.?\s?m\b|Uhr|\dh\b/i

/** A dotted start of a range whose end is written as a clock time ("between 0.45 and 9.00 AM"), so `0.45 and 0.50 seconds` stays numbers. */
function dottedStart(s: string, between: boolean): Token<ParsedTime> | null {
  const m = DOTTED_TIME.exec(s)
  const end = m ? readRangeEnd(s.slice(m[0].length), between, false) : null
  if (!m || !end || !CLOCK_END.test(end.value.text)) return null
  return { value: { hour: Number(m[1]), minute: Number(m[2]), second: null, text: m[0], meridiem: null }, length: m[0].length }
}
/** A range's join word right before an hour ("à 11h", "bis 11 Uhr"). */
const WORD_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])(?:${WORD_ALTERNATIVES})(?:\s(?:las|la|les))?\s{1,3}$`, 'u')

/**
 * Hours written without minutes that open or close a range in prose ("de 10h à 11h30", "von 10:05 bis 11 Uhr"), and
 * dotted starts before a clock-time end ("between 0.45 and 9.00 AM"), with where they stand; an hour alone ("a 10h
 * shift") is no time.
 */
export function rangeHours(text: string): Array<ParsedTime & { index: number }> {
  const out: Array<ParsedTime & { index: number }> = []
  let looked = 0
  for (const m of text.slice(0, 10_000).matchAll(OPENED_BARE_HOUR)) {
    if (++looked > 50) break
    const between = /^(?:between|zwischen|entre)/i.test(m[0])
    const rest = text.slice(m.index + m[0].length)
    const start = bareHourStart(rest, between) ?? dottedStart(rest, between)
    if (start) out.push({ ...start.value, index: m.index + m[0].length })
  }
  for (const m of text.slice(0, 10_000).matchAll(HOUR_ONLY_IN_TEXT)) {
    if (++looked > 50) break
    const at = text.slice(m.index)
    const hour = readHourOnly(at)
    if (!hour) continue
    const opens = readRangeEnd(at.slice(hour.length), true, true) !== null
    if (opens || WORD_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index))) out.push({ ...hour.value, index: m.index })
  }
  return out
}
