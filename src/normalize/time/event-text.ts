/**
 * The event text left after a stamp, with no trace of the stamp: no leading weekday, date, "ish" or separator run
 * (`:::::`), no trailing Markdown hard-break backslash or dangling dash, no citation marker (`[8]`).
 */
import { readDateToken } from './datetime-tokens.js'

const LEAD_SEPARATOR = /^(?:[\s*_]|[-–—=:：|,;~>]+(?=\s|$)|[-–—=:：|>]{2,})+/
const LEAD_ISH = /^-?ish\b[\s,:;.-]*/i
/** A second time in another zone left after the separator (`(16:00 CEST) restarted`). */
const LEAD_ALT_TIME =
  /^[([]\s{0,2}\d{1,2}[:.h]\d{2}(?::\d{2})?\s{0,2}(?:[ap]\.?m\.?)?\s{0,2}[A-Za-z]{0,5}(?:\s?[+\-−]\s?\d{1,2}(?::?\d{2})?)?\s{0,2}[)\]]\s*(?:[-–—:|]\s*)?/i
const LEAD_WEEKDAY = /^(?:mon|tue|tues|wed|thu|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?(?=\s*[-–—:,|(])[\s,]*/i
const DASHES = '-–—'
/** A citation marker glued to a word or a sentence's end (`deployed[8].`, `vault.[9]`): a reference, not text. */
const CITATION = /(?<=[\p{L}.,;:)])\[\d{1,3}\](?=[\s.,;:)]|$)/gu

/**
 * Strips trailing marks from the end, one run at a time: backslashes, colons or pipes, and dashes after a space
 * (a dash glued to a word is part of it). A loop rather than a `$`-anchored regex with nested repeats, which took
 * seconds on a line ending in a run of colons.
 */
function stripTrailingMarks(text: string): string {
  let end = text.length
  for (;;) {
    let i = end
    while (i > 0 && /\s/.test(text[i - 1]!)) i--
    const last = text[i - 1]
    if (last === '\\' || last === ':' || last === '|') {
      while (i > 0 && text[i - 1] === last) i--
      end = i
      continue
    }
    if (last !== undefined && DASHES.includes(last)) {
      let j = i
      while (j > 0 && DASHES.includes(text[j - 1]!)) j--
      if (j > 0 && /\s/.test(text[j - 1]!)) {
        end = j
        continue
      }
    }
    return text.slice(0, end)
  }
}

/** Cleans the text after a stamp; collapses whitespace. */
export function cleanEventText(text: string): string {
  let out = text.slice(0, 100_000).replace(/\s+/g, ' ').trim()
  if (out.includes('[')) out = out.replace(CITATION, '')
  for (let i = 0; i < 4; i++) {
    const before = out
    out = out.replace(LEAD_SEPARATOR, '').replace(LEAD_ISH, '').replace(LEAD_ALT_TIME, '').replace(LEAD_WEEKDAY, '')
    const date = readDateToken(out.slice(0, 60), {})
    if (date && /^\s*[-–—:|,]/.test(out.slice(date.length))) out = out.slice(date.length)
    if (out === before) break
  }
  return stripTrailingMarks(out).trim()
}
