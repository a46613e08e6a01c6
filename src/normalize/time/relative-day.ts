/**
 * A day written relative to the day just told ("The next day at 01:40", "the evening before", "le lendemain", "am
 * nächsten Tag"): how many days it moves, so a time after it is not dated on the day before it.
 */
import { addDays } from './date-parts.js'
import type { ParsedDate } from './datetime.js'

const NEXT =
  /\b(?:the\s+)?(?:next|following)\s+(?:day|morning|afternoon|evening|night)\b|\bthe\s+day\s+after\b|\b(?:am\s+)?(?:nächsten|folgenden)\s+(?:Tag|Morgen|Abend)\b|\ble\s+lendemain\b|\b(?:al|el)\s+día\s+siguiente\b/i
const PREVIOUS =
  /\bthe\s+(?:previous|prior)\s+(?:day|morning|afternoon|evening|night)\b|\bthe\s+(?:day|morning|afternoon|evening|night)\s+before\b(?!\s+(?:the|our|we|it)\b)/i

/** Days the words before a time move it from the day told before them: 1 for "the next day", -1 for "the evening before", else 0. */
export function relativeDays(before: string): number {
  if (!/\b(?:next|following|after|before|previous|prior|nächsten|folgenden|lendemain|siguiente)\b/i.test(before)) return 0
  return NEXT.test(before) ? 1 : PREVIOUS.test(before) ? -1 : 0
}

/**
 * Days the words of the sentence before `at` move its time (see `relativeDays`), read after `after` (the stamp before)
 * and after any date written there, which the time then belongs to.
 */
export function daysMovedAt(line: string, after: number, at: number, dates: Array<{ index: number; text: string }>): number {
  const from = Math.max(0, after, at - 80)
  const start = Math.max(from, line.slice(from, at).search(/[.!?]\s[^.!?]*$/) + from + 1, ...dates.map((d) => (d.index < at ? d.index + d.text.length : 0)))
  return relativeDays(line.slice(start, at))
}

/** A date with a year moved by whole days; the same date when it has no year or the move is 0. */
export function shiftDay(date: ParsedDate, days: number): ParsedDate {
  if (days === 0 || date.year === null) return date
  const moved = addDays(`${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`, days)
  if (!moved) return date
  return { ...date, year: Number(moved.slice(0, 4)), month: Number(moved.slice(5, 7)), day: Number(moved.slice(8, 10)) }
}

/** A relative day opening a timeline stamp ("The next day, 09:00", "Following morning 08:15", "Le lendemain, 9h"). */
const OPENING =
  /^(?:(?:the\s+)?(?:next|following)\s+(?:day|morning|afternoon|evening|night)|(?:am\s+)?(?:nächsten|folgenden)\s+(?:Tag|Morgen|Abend)|le\s+lendemain|(?:al\s+|el\s+)?día\s+siguiente)\b/i

/** The relative day at the start of `s` (always the next one) and its length, or null. */
export function readRelativeDay(s: string): { days: number; length: number } | null {
  const m = OPENING.exec(s)
  return m ? { days: 1, length: m[0].length } : null
}
