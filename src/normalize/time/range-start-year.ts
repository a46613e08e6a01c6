import type { ParsedDate } from './datetime.js'
import { readRangeJoin } from './range-join.js'

/**
 * The year a date written without one takes when it opens a range whose end names it ("from March 3 to March 5,
 * 2024"): the end's year, or the year before when the start's month and day come later (December 30 to January 2).
 */
export function rangeStartYear(text: string, start: ParsedDate & { index: number }, end: (ParsedDate & { index: number }) | undefined): number | null {
  if (start.year !== null || !end || end.year === null) return null
  const gap = text.slice(start.index + start.text.length, end.index)
  const join = gap.length <= 20 ? readRangeJoin(gap) : null
  if (!join || join.length !== gap.length) return null
  return start.month * 100 + start.day > end.month * 100 + end.day ? end.year - 1 : end.year
}
