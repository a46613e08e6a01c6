/**
 * Days written without a year (`### Dec 31` then `### Jan 1`, `- Dec 30: …` then `- Jan 2: …`) read in document order:
 * each takes the year of the day before it, and a jump back of more than half a year is the next year (the year
 * before, in a log written newest first), so a timeline that crosses New Year keeps going forward.
 */
import { formatDate, type ParsedDate } from '../time/datetime.js'

/** Days between two days before a yearless day counts as the next (or previous) year's. */
const HALF_YEAR = 183
const DAY_MS = 86_400_000

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS
}

/** Reads the dates of one timeline in order; `around` is the incident's day, which a first yearless day may not lie half a year after. */
export function yearRoller(around: string | null, newestFirst: boolean): (date: ParsedDate) => string | null {
  let last: string | null = null
  return (date) => {
    if (date.year === null) return null
    let year = date.yearless && last ? Number(last.slice(0, 4)) : date.year
    let out = formatDate({ year, month: date.month, day: date.day })
    if (date.yearless) {
      const from = last ?? around
      const gap = from ? dayNumber(out) - dayNumber(from) : 0
      // Before any day is read, only a day far after the incident's moves (to the year before); never one before it.
      if (gap > HALF_YEAR && (newestFirst || !last)) year--
      else if (gap < -HALF_YEAR && last && !newestFirst) year++
      out = formatDate({ year, month: date.month, day: date.day })
    }
    last = out
    return out
  }
}
