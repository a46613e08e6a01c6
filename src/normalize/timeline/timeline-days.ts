/** Day arithmetic and clock reading shared by the timeline's resolution pass. */
import { addDays } from '../time/date-parts.js'
import type { ParsedTime } from '../time/datetime.js'

/** A 12-hour clock written without am/pm: no am/pm anywhere, no hour above 12, no `0`-padded hour. */
export function isBareTwelveHour(times: ParsedTime[]): boolean {
  return times.length > 1 && times.every((t) => t.meridiem === null && t.hour >= 1 && t.hour <= 12 && !/^0/.test(t.text))
}

/** The date itself when it is a real `YYYY-MM-DD` day (context may carry `1990-00-00`), else null. */
export function realDate(date: string | null): string | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null
  return addDays(date, 0) === date ? date : null
}
