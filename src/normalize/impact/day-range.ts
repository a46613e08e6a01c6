/**
 * A range of days stated without clock times ("the outage lasted from March 3 to March 5, 2024", "between
 * 2024-03-03 and 2024-03-05", "3–5 March 2024", "March 3-5, 2024"), read into two date-only moments, so a window
 * that prose gives only by its days has both ends.
 */
import { findDates, findTimes, formatDate, type ParsedDate } from '../time/datetime.js'
import { rangeOpener, readSpreadJoin } from '../time/range-join.js'
import { strongestRange, type Passage, type RangeContext, type SentenceRange, type StatedRange } from './find-stated-range.js'

/** The longest a range of days may run and still be one incident's window. */
const MAX_DAYS = 62
/** Words between two dates that may stand beside the join: a weekday before the end ("to Wednesday, March 5"). */
const MAX_GAP = 30
/** A span of days inside one written date ("3–5 March", "March 3-5", "7-13th Nov"): the first and the last day. */
const DAY_SPAN = /(\d{1,2})(?:st|nd|rd|th)?\.?\s?[-–—]\s?(\d{1,2})(?:st|nd|rd|th)?(?!\d)/

/** `YYYY-MM-DD` of a date, its year from the context when the text gives none; `null` when no year is known. */
function dayOf(date: ParsedDate, year: number | null): string | null {
  const y = date.year ?? year
  return y === null ? null : formatDate({ year: y, month: date.month, day: date.day })
}

/** Whole days from one `YYYY-MM-DD` to another. */
function daysBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 86_400_000
}

/** The first and last day of the ranges of days one sentence states, or `null`. */
function sentenceDays(sentence: string, context: RangeContext): { start: string; end: string; opener: boolean } | null {
  const dates = findDates(sentence, { year: context.year, dayFirst: context.dayFirst, around: context.date })
  for (let i = 0; i < dates.length; i++) {
    const a = dates[i]!
    const span = /[a-z]/i.test(a.text) ? DAY_SPAN.exec(a.text) : null
    const b = dates[i + 1]
    let start: string | null = null
    let end: string | null = null
    let opener = false
    if (span && Number(span[1]) === a.day && Number(span[2]) > a.day) {
      start = dayOf(a, context.year)
      end = dayOf({ ...a, day: Number(span[2]) }, context.year)
    } else if (b) {
      const gap = sentence.slice(a.index + a.text.length, b.index)
      const opened = rangeOpener(sentence.slice(Math.max(0, a.index - 60), a.index))
      const join = gap.length <= MAX_GAP ? readSpreadJoin(gap, opened) : null
      // "from March 3 to March 5, 2024": the end's year is the start's too.
      const year = b.year ?? a.year ?? context.year
      if (join && join.lead.trim() === '') {
        start = dayOf(a, year)
        end = dayOf(b, year)
        opener = opened !== null
      }
    }
    if (start && end && daysBetween(start, end) > 0 && daysBetween(start, end) <= MAX_DAYS) return { start, end, opener }
  }
  return null
}

/** A range of days one sentence states with no clock time in it, as date-only moments. */
function dayRanges(sentence: string, context: RangeContext): SentenceRange[] {
  const days = findTimes(sentence).length > 0 ? null : sentenceDays(sentence, context)
  const moment = (date: string) => ({ at: null, date, time: null })
  return days ? [{ start: moment(days.start), end: moment(days.end), opener: days.opener }] : []
}

/** The strongest range of days stated in passages whose sentences name no clock time; `null` when none states one. */
export const findStatedDayRange = (passages: Passage[], outer: RangeContext): StatedRange | null => strongestRange(passages, outer, dayRanges)
