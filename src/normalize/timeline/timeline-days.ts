/** Day arithmetic and clock reading shared by the timeline's resolution pass. */
import { addDays } from '../time/date-parts.js'
import type { ParsedTime } from '../time/datetime.js'

/** A 12-hour clock written without am/pm: no am/pm anywhere, no hour above 12, no `0`-padded hour. */
export function isBareTwelveHour(times: ParsedTime[]): boolean {
  return times.length > 1 && times.every((t) => t.meridiem === null && t.hour >= 1 && t.hour <= 12 && !/^0/.test(t.text))
}

/** Whether a time is a 12-hour hour written without am/pm (`1:05`, not `01:05` or `13:05`). */
function bareHour(t: ParsedTime): boolean {
  return t.meridiem === null && t.hour >= 1 && t.hour <= 12 && !/^\s*0/.test(t.text)
}

/** A timeline written in am/pm where some times lack it: at least two times carry am/pm and they are most of the times that could. */
export function isMixedMeridiem(times: ParsedTime[]): boolean {
  const marked = times.filter((t) => t.meridiem !== null).length
  return marked >= 2 && marked >= times.filter(bareHour).length
}

/**
 * The minutes past midnight of a time written without am/pm in an am/pm timeline: of its morning and afternoon
 * readings, the first at or after the previous entry's (`9:40 pm`, `10:15` is 22:15); the morning one when both are
 * earlier (past midnight, a new day); as written when it is no bare 12-hour time or nothing came before.
 */
export function inferMeridiem(t: ParsedTime, previous: number | null): number {
  const written = t.hour * 60 + t.minute
  if (previous === null || !bareHour(t)) return written
  const am = (t.hour % 12) * 60 + t.minute
  const after = [am, am + 720].filter((m) => m >= previous)
  return after.length ? Math.min(...after) : am
}

/** The date itself when it is a real `YYYY-MM-DD` day (context may carry `1990-00-00`), else null. */
export function realDate(date: string | null): string | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null
  return addDays(date, 0) === date ? date : null
}
