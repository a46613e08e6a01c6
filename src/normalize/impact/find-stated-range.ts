/**
 * A start-end range stated in prose ("between 09:10 and 09:40 UTC", "from 14:05 to 16:30", "2–3pm",
 * "from 23:27 on March 5 to 03:34 the next day"), read into two moments; the strongest wins, where strength is
 * where the sentence sits (impact or summary prose beats the rest) and whether it speaks of impact.
 */
import type { Moment } from '../../types.js'
import { findDates, findTimes, formatDate, formatTime, type ParsedTime } from '../time/datetime.js'
import { rangeHours, rangeOpener, readSpreadJoin } from '../time/range-join.js'
import { findZone, toIso, type ParsedZone } from '../time/zones.js'
import { shiftMoment } from './moment-math.js'
import { hourUnder, shareMeridiem } from '../time/shared-meridiem.js'
import { AFFECTED_WORDS, IMPACT_WORDS } from './impact-words.js'
import { periodsSpan, saysAgain, type PeriodCandidate } from './incident-periods.js'

/** A piece of prose and how much a range found in it counts (impact section 3, summary 2, elsewhere 1). */
export interface Passage {
  text: string
  weight: number
  /** The day a heading or line above names ("## March 3, 2024"), which dates the passage's bare times; absent when none. */
  day?: string
}

/** The context a passage's times are read in: its own day, from the heading above it, before the incident's. */
export function passageContext(passage: Passage, context: RangeContext): RangeContext {
  return passage.day ? { ...context, date: passage.day } : context
}

/** What a range is read against: the incident's day, year, day order and zone. */
export interface RangeContext {
  date: string | null
  year: number | null
  dayFirst: boolean | null
  zone: ParsedZone | null
}

/** A stated range and its strength. */
export interface StatedRange {
  start: Moment
  end: Moment
  weight: number
  /** How many impact periods it spans when the text states more than one (see `periodsSpan`); absent for one. */
  periods?: number
  /** The minutes those periods cover together, with `periods`. */
  covered?: number
}

/** Words that make a range something other than the impact (a maintenance slot, a deploy window, office hours). */
export const OTHER_WINDOW = /\b(?:maintenance|scheduled|office hours|business hours|every day|daily|each day|cron|backup window)\b/i
/** What makes a number after a time a quantity, not the time of an event (`2:30 hours`, `1:15 hrs`, `99 %`). */
export const QUANTITY = /^\s*(?:h(?:ou)?rs?\b|hours?\b|min(?:ute)?s?\b|%)/i
/** Words just before a number that make it an amount of time, not the time of an event ("lasted 2h30", "took 1:45"). */
export const DURATION_CUE =
  /\b(?:lasted|lasting|lasts|took|taking|takes|for|within|every)\s+(?:(?:about|approximately|approx\.?|roughly|around|nearly|almost|over|under|just|~)\s*)?$/i
/** "2–3pm": a bare hour before a range dash, which takes the meridiem of the hour after it when `shareMeridiem` says so. */
const SHARED_MERIDIEM = /(?<![\d/.:-])(\d{1,2})(:\d{2})?(\s*[-–]\s*(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\b)/gi

/** The `SHARED_MERIDIEM` match with the start's am/pm written out where the end's is meant for both ("2pm-3pm"), else as it was. */
function sharedHour(
  whole: string,
  hour: string,
  minutes: string | undefined,
  rest: string,
  endHour: string,
  endMinutes: string | undefined,
  ap: string,
): string {
  const meridiem = ap.toLowerCase() === 'a' ? 'am' : 'pm'
  const end = hourUnder(Number(endHour) % 12, meridiem)
  const start = { hour: Number(hour), minute: Number(minutes?.slice(1) ?? 0), second: null, text: hour, meridiem: null }
  const read = shareMeridiem(start, { hour: end, minute: Number(endMinutes ?? 0), second: null, text: '', meridiem })
  return read === start ? whole : `${hour}${minutes ?? ''}${ap}m${rest}`
}

/**
 * Where a passage splits into sentences: white space after ".", "!" or "?" (but not after a meridiem's "p.m." or an
 * abbreviated month's "Sept.", dots that end no sentence), or a line break.
 */
const SENTENCE_END = /(?<=[.!?])(?<![ap]\.m\.)(?<!\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.)\s+|\n+/i

/** Each passage text's sentences, as four readers of one document's passages split the same texts; cleared when large. */
const sentencesRead = new Map<string, readonly string[]>()
let sentencesReadSize = 0

/** The sentences of a passage that hold a digit (bounded input). */
export function sentences(text: string): readonly string[] {
  let found = sentencesRead.get(text)
  if (found) return found
  found = text
    .slice(0, 50_000)
    .split(SENTENCE_END)
    .filter((s) => /\d/.test(s))
  if (sentencesRead.size >= 256 || sentencesReadSize > 2_000_000) {
    sentencesRead.clear()
    sentencesReadSize = 0
  }
  sentencesRead.set(text, found)
  sentencesReadSize += text.length
  return found
}

/** Date, time and zone of one side of a range (or of a lone stated moment) read from the text around its time. */
export function side(raw: string, time: ParsedTime, context: RangeContext): { date: string | null; time: string; zone: ParsedZone | null } {
  const text = raw.replace(/(\d)[–—](?=\d)/g, '$1-')
  const date = findDates(text, { year: context.year, dayFirst: context.dayFirst, around: context.date }).find((d) => d.year !== null || context.year !== null)
  const rest = (date ? text.replace(date.text, ' ') : text).replace(time.text, ' ')
  const zone = findZone(rest.replace(/\b[AaPp]\.?[Mm]\b\.?/g, ' '))
  return { date: date ? formatDate({ year: date.year ?? context.year!, month: date.month, day: date.day }) : null, time: formatTime(time), zone }
}

/** A moment from a local date and time in a zone. */
export function moment(date: string | null, time: string, zone: ParsedZone | null): Moment {
  return { at: date ? (toIso(date, time, zone)?.at ?? null) : null, date, time }
}

/** The clock times of a sentence in order, with the hours written without minutes that open or close a range ("de 10h à 11h30"). */
function sentenceTimes(text: string): Array<ParsedTime & { index: number }> {
  const times = findTimes(text)
  const hours = rangeHours(text).filter((h) => !times.some((t) => h.index < t.index + t.text.length && t.index < h.index + h.text.length))
  return hours.length ? [...times, ...hours].sort((a, b) => a.index - b.index) : times
}

/** Every range in one sentence, as start and end moments; two times are joined as the timeline's range reader joins them. */
function sentenceRanges(sentence: string, context: RangeContext): SentenceRange[] {
  const text = sentence.replace(SHARED_MERIDIEM, sharedHour)
  const times = sentenceTimes(text)
  const out: SentenceRange[] = []
  for (let i = 0; i + 1 < times.length; i++) {
    const a = times[i]!
    const b = times[i + 1]!
    const before = text.slice(Math.max(0, a.index - 60), a.index)
    const opener = rangeOpener(before)
    const gap = readSpreadJoin(text.slice(a.index + a.text.length, b.index), opener)
    if (!gap) continue
    const prefixStart = i > 0 ? times[i - 1]!.index + times[i - 1]!.text.length : 0
    const left = side(text.slice(prefixStart, a.index) + ' ' + a.text + ' ' + gap.lead, shareMeridiem(a, b), context)
    const after = times[i + 2]?.index ?? text.length
    const right = side(gap.trail + ' ' + text.slice(b.index, Math.min(after, b.index + b.text.length + 30)), b, context)
    const zone = left.zone ?? right.zone ?? context.zone
    const startDate = left.date ?? right.date ?? side(text, a, context).date ?? context.date
    let end = moment(right.date ?? startDate, right.time, zone)
    // An end earlier on the clock than the start, on the same day, is the next day's: "from 11pm to 2am PT on April 8".
    if ((!right.date || right.date === startDate) && right.time < left.time) end = shiftMoment(moment(startDate, right.time, zone), 1440, zone)
    out.push({ start: moment(startDate, left.time, zone), end, opener: opener !== null })
    i++
  }
  return out
}

/** A range one sentence states: its two moments, and whether a word opened it ("from", "between"). */
export interface SentenceRange {
  start: Moment
  end: Moment
  opener: boolean
}

/**
 * The strongest range `rangesIn` reads in the passages' sentences, `null` when none states one: a sentence that names
 * impact, a passage that speaks of it, and an opening word each weigh in; maintenance and office-hours windows never do.
 */
export function strongestRange(
  passages: Passage[],
  outer: RangeContext,
  rangesIn: (sentence: string, context: RangeContext) => SentenceRange[],
): StatedRange | null {
  let best: PeriodCandidate | null = null
  const candidates: PeriodCandidate[] = []
  for (const [index, passage] of passages.entries()) {
    const context = passageContext(passage, outer)
    for (const sentence of sentences(passage.text)) {
      if (OTHER_WINDOW.test(sentence)) continue
      const impact = IMPACT_WORDS.test(sentence) || AFFECTED_WORDS.test(sentence)
      if (!impact && passage.weight < 2) continue
      const ranges = rangesIn(sentence, context)
      const again = ranges.length > 0 && saysAgain(sentence)
      for (const range of ranges) {
        const weight = passage.weight + (impact ? 1 : 0) + (range.opener ? 1 : 0)
        const found = { start: range.start, end: range.end, weight, passage: index, again }
        if (candidates.length < 64) candidates.push(found)
        if (!best || weight > best.weight) best = found
      }
    }
  }
  if (!best) return null
  const span = periodsSpan(best, candidates)
  return span ? { ...span, weight: best.weight } : { start: best.start, end: best.end, weight: best.weight }
}

/** The strongest stated range of clock times in the passages, `null` when none states one. */
export const findStatedRange = (passages: Passage[], outer: RangeContext): StatedRange | null => strongestRange(passages, outer, sentenceRanges)
