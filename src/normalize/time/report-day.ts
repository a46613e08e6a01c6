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

/** Words right before a date that make it the day the report was written or published ("Report date:", "Postmortem published"). */
const WRITTEN_BEFORE =
  /(?:\b(?:post-?\s?mortem|report|rca|document|write-?up|retrospective|analysis)\s+(?:date|written|published|posted|created|prepared|authored|drafted|finali[sz]ed|updated|revised)(?:\s+(?:on|at))?|\bdate\s+of\s+(?:the\s+|this\s+)?(?:post-?\s?mortem|report|rca|write-?up|writing|publication|retrospective|analysis)|^\W{0,4}(?:written|published|posted|prepared|authored|drafted|last\s+updated|updated|revised)(?:\s+(?:on|at))?)[\s*_:|,-]{0,6}(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s{1,3})?$/i
/** Words right after a date that say the same ("2024-07-22 (postmortem written)"). */
const WRITTEN_AFTER =
  /^[\s*_]{0,3}[(,-]\s{0,2}(?:post-?\s?mortem|report|rca|write-?up)\s+(?:written|date|published|created|drafted)|^[\s*_]{0,3}\(\s{0,2}(?:written|published|report\s+date)\b/i

/**
 * `true` when the date at `index` (`length` characters) in `text` is the day the report was written, published or last
 * updated, as the words on its line right before or after it say: that day does not date the incident.
 */
export function isWritingDay(text: string, index: number, length: number): boolean {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1
  const before = text.slice(Math.max(lineStart, index - 60), index)
  return WRITTEN_BEFORE.test(before) || WRITTEN_AFTER.test(text.slice(index + length, index + length + 40))
}

/** The first day in `text` (its opening 5,000 characters) that the words around it give as the report's own, `null` when none does. */
export function writingDay(text: string, hints: DateHints): string | null {
  const head = text.slice(0, 5000)
  for (const d of findDates(head, hints)) {
    if (d.year !== null && !d.ambiguous && isWritingDay(head, d.index, d.text.length)) return formatDate({ year: d.year, month: d.month, day: d.day })
  }
  return null
}
