/**
 * "Yesterday" and "last night" at the opening of a summary count from the day the report was written: the
 * publication day, or a plain `Date:` field or title date that a report so opened states as its own day.
 */
import { addDays } from './date-parts.js'
import { findDates, formatDate, type DateHints } from './datetime.js'

/** Characters of the summary's opening searched for a relative day. */
export const OPENING = 400
/** "Yesterday" and "last night" in the languages read; `\b` does not see CJK letters, so those stand alone. */
const YESTERDAY = /\b(?:yesterday|last night|gestern|ayer|anoche|hier soir|la nuit dernière)\b|昨日|昨夜|어제|지난밤/i

/** Where the summary's opening says "yesterday" (or "last night"), -1 when it does not. */
export function yesterdayIndex(opening: string): number {
  return YESTERDAY.exec(opening)?.index ?? -1
}

/**
 * The incident's day when the summary's opening says "yesterday": `day` is then the day the report was written, so
 * the incident is the date the opening names (in `day`'s year, or the year before when that would fall after it),
 * else the day before. Null when the opening does not say "yesterday".
 */
export function dayBeforeReport(prose: string, day: string | null, hints: DateHints): string | null {
  const head = prose.slice(0, OPENING)
  if (!day || yesterdayIndex(head) < 0) return null
  const [named] = findDates(head, hints)
  if (!named) return addDays(day, -1)
  const year = named.year ?? Number(day.slice(0, 4))
  const date = formatDate({ year, month: named.month, day: named.day })
  return date > day && named.year === null ? formatDate({ year: year - 1, month: named.month, day: named.day }) : date
}
