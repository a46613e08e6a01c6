/**
 * The day an end is stated on when it is not the start's: relative to the start ("the next day", "the following
 * morning", "on the 14th"), or written alone without a time ("the issue was resolved on January 13"), which a reader
 * takes as the end's day only when it falls after the start's and within two weeks of it.
 */
import { addDays } from '../time/date-parts.js'

/** "the next day", "the following morning", "the day after": the day after the base day. */
const NEXT_DAY = /\b(?:the\s+)?(?:next|following)\s+(?:day|morning|afternoon|evening|night)\b|\bthe\s+day\s+after\b/i
/** "on the 14th", "by the 3rd": a day of the month written alone, with no month name after it. */
const ORDINAL_DAY = /\b(?:on|by|until|till)\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[A-Za-z]{3})/i
/** Words that say the impact ended, strong enough to date the end by a day alone. */
export const DAY_END = /\b(?:resolv(?!er)\w*|restor\w*|recover\w*|ended|back\s+(?:online|up|to\s+normal)|fixed)\b/i

/** Days a day-only end may lie after the start's day. */
const MAX_DAYS = 14

/** The day a clause names relative to `base` (`YYYY-MM-DD`), `null` when it names none this way. */
export function relativeDay(clause: string, base: string | null): string | null {
  if (!base) return null
  if (NEXT_DAY.test(clause)) return addDays(base, 1)
  const ordinal = ORDINAL_DAY.exec(clause)
  if (!ordinal) return null
  const day = Number(ordinal[1])
  const baseDay = Number(base.slice(8, 10))
  if (day < 1 || day > 31) return null
  if (day === baseDay) return base
  // A day of the month before the base's is in the next month ("started on the 30th … recovered on the 2nd").
  const month = day > baseDay ? base.slice(0, 7) : (addDays(`${base.slice(0, 7)}-01`, 32)?.slice(0, 7) ?? null)
  const date = month ? `${month}-${String(day).padStart(2, '0')}` : null
  return date && addDays(date, 0) === date ? date : null
}

/** `true` when a day-only end falls after the start's day and within `MAX_DAYS` of it: it then dates the end. */
export function isLaterDay(end: string, startDay: string | null): boolean {
  if (!startDay || end <= startDay) return false
  const limit = addDays(startDay, MAX_DAYS)
  return limit !== null && end <= limit
}
