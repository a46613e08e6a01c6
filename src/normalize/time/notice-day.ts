/**
 * Whether a date the summary gives is the day the team learned of the incident (an alert, a report, a detection
 * label), which yields to an earlier impact start, rather than the day it began.
 */

/** Words that say the team learned of the incident (a notice, a report, an alert), not that it began. */
const NOTICE =
  /\b(?:notified|alerted|informed|reported|learned|learnt|discovered|discovery|noticed|detected|detection|identified|became\s+aware|received\s+(?:a|an|the)\s+(?:report|alert|notice))\b/i

/**
 * Whether the sentence holding the date at `index` (bounded either side) says the team learned of the incident then
 * ("On May 3 we were notified", "We were alerted on May 3"), or the label before it on its line does (`Detected:
 * 2023-03-05`, `Date discovered: …`).
 */
export function isNotice(text: string, index: number): boolean {
  const rest = text.slice(index, index + 200)
  const end = rest.search(/[.!?](?:\s|$)/)
  const before = text.slice(Math.max(0, index - 150), index)
  const start = Math.max(before.lastIndexOf('\n'), before.search(/[.!?]\s+[^.!?]*$/))
  return NOTICE.test(end < 0 ? rest : rest.slice(0, end)) || NOTICE.test(start < 0 ? before : before.slice(start + 1))
}
