/**
 * The event text left after a stamp, with no trace of the stamp: no leading weekday, date, "ish" or separator run
 * (`:::::`), no trailing Markdown hard-break backslash or dangling dash.
 */
import { readDateToken } from './datetime-tokens.js'

const LEAD_SEPARATOR = /^(?:[\s*_]|[-–—=:：|,;~>]+(?=\s|$)|[-–—=:：|>]{2,})+/
const LEAD_ISH = /^-?ish\b[\s,:;.-]*/i
/** A second time in another zone left after the separator (`(16:00 CEST) restarted`). */
const LEAD_ALT_TIME = /^[([]\s{0,2}\d{1,2}[:.h]\d{2}(?::\d{2})?\s{0,2}(?:[ap]\.?m\.?)?\s{0,2}[A-Za-z]{0,5}(?:\s?[+\-−]\s?\d{1,2}(?::?\d{2})?)?\s{0,2}[)\]]\s*(?:[-–—:|]\s*)?/i
const LEAD_WEEKDAY = /^(?:mon|tue|tues|wed|thu|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?(?=\s*[-–—:,|(])[\s,]*/i
const TRAILING = /(?:\s*\\+|\s+[-–—]+|\s*[:|]+)+$/
const TAIL = 200

/** Cleans the text after a stamp; collapses whitespace. */
export function cleanEventText(text: string): string {
  let out = text.slice(0, 100_000).replace(/\s+/g, ' ').trim()
  for (let i = 0; i < 4; i++) {
    const before = out
    out = out.replace(LEAD_SEPARATOR, '').replace(LEAD_ISH, '').replace(LEAD_ALT_TIME, '').replace(LEAD_WEEKDAY, '')
    const date = readDateToken(out.slice(0, 60), {})
    if (date && /^\s*[-–—:|,]/.test(out.slice(date.length))) out = out.slice(date.length)
    if (out === before) break
  }
  // Only the tail is searched for trailing marks: a `$`-anchored run tried from every position is quadratic.
  const cut = Math.max(0, out.length - TAIL)
  return (out.slice(0, cut) + out.slice(cut).replace(TRAILING, '')).trim()
}
