/** Day arithmetic and clock reading shared by the timeline's resolution pass. */
import type { ParsedTime } from '../time/datetime.js'

/** Adds days to a `YYYY-MM-DD` date (`always` re-normalises even for 0 days); an unreadable date is returned as is. */
export function addDays(date: string, days: number, always = false): string {
  if (days === 0 && !always) return date
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + days)
  return Number.isNaN(ms) ? date : new Date(ms).toISOString().slice(0, 10)
}

/** A 12-hour clock written without am/pm: no am/pm anywhere, no hour above 12, no `0`-padded hour. */
export function isBareTwelveHour(times: ParsedTime[]): boolean {
  return times.length > 1 && times.every((t) => t.meridiem === null && t.hour >= 1 && t.hour <= 12 && !/^0/.test(t.text))
}

/** The date itself when it is a real `YYYY-MM-DD` day (context may carry `1990-00-00`), else null. */
export function realDate(date: string | null): string | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null
  return addDays(date, 0, true) === date ? date : null
}

