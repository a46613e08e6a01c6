/** Day arithmetic and numeric month/day reading shared by the date readers and the timeline, so they agree. */
import type { ParsedDate } from './datetime.js'

/** Adds days to a `YYYY-MM-DD` date (0 days re-normalises it, so `2024-02-30` reads as `2024-03-01`); `null` when unreadable. */
export function addDays(date: string, days: number): string | null {
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + days)
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10)
}

/**
 * A numeric `a/b` month and day (`10/21`, `21.10`): a number above 12 is the day, else month first unless the
 * document is day-first; ambiguous when both could be either and the document does not say. `null` when not a day.
 */
export function monthDay(a: number, b: number, year: number | null, dayFirst: boolean | null | undefined, text: string): ParsedDate | null {
  const first = a > 12 ? true : b > 12 ? false : (dayFirst ?? false)
  const [day, month] = first ? [a, b] : [b, a]
  if (month < 1 || month > 12 || day < 1 || day > 31) return null
  const date: ParsedDate = { year, month, day, ambiguous: a <= 12 && b <= 12 && a !== b && dayFirst == null, text }
  // The year, when known, is the document's: the text gave only a month and a day.
  if (year !== null) date.yearless = true
  return date
}

/** `true` for a `YYYY-MM-DD` string naming a day that exists (not `1990-00-00`, not `2024-02-30`). */
export function isCalendarDay(text: string): boolean {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : Number.NaN
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(text)
}
