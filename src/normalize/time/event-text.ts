/**
 * The event text left after a stamp, with no trace of the stamp: no leading weekday, date, "ish", elapsed-time marker
 * (`(T+9)`, `(15 min)`) or separator run (`:::::`), no trailing Markdown hard-break backslash or dangling dash, no
 * citation marker (`[8]`), no emoji or `:shortcode:` decoration at either end.
 */
import { readDateToken } from './datetime-tokens.js'
import { collapseSpaces } from '../collapse-spaces.js'

const LEAD_SEPARATOR = /^(?:[\s*_]|[-–—=:：|,;~>]+(?=\s|$)|[-–—=:：|>]{2,})+/
const LEAD_ISH = /^-?ish\b[\s,:;.-]*/i
/** A second time in another zone left after the separator (`(16:00 CEST) restarted`). */
const LEAD_ALT_TIME =
  /^[([]\s{0,2}\d{1,2}[:.h]\d{2}(?::\d{2})?\s{0,2}(?:[ap]\.?m\.?)?\s{0,2}[A-Za-z]{0,5}(?:\s?[+\-−]\s?\d{1,2}(?::?\d{2})?)?\s{0,2}[)\]]\s*(?:[-–—:|]\s*)?/i
const LEAD_WEEKDAY = /^(?:mon|tue|tues|wed|thu|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?(?=\s*[-–—:,|(])[\s,]*/i
/**
 * An elapsed-time marker after the stamp: a parenthesized offset from the start or a duration (`(T+9)`, `[T+00:15]`,
 * `(+15 min)`, `(15 min)`), or a bare `T+9`; it measures the event, it is not its text.
 */
const UNIT = String.raw`(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?)`
const OFFSET = String.raw`T\s?[+\-−]\s?\d{1,4}(?::\d{2})?`
const LEAD_ELAPSED = new RegExp(
  String.raw`^(?:[([]\s{0,2}(?:${OFFSET}\s?${UNIT}?|[+~≈]?\s?\d{1,4}(?:[.,]\d{1,2})?\s?${UNIT}(?:\s(?:later|after|in))?)\s{0,2}[)\]]` +
    String.raw`|${OFFSET}${UNIT}?(?=[\s:,;|–—-]|$))\s*`,
  'i',
)
/** Emoji and `:shortcode:` marks at either end of an event (🔥, ✅, `:fire:`): decoration, not words; ©, ® and ™ stay. */
const EMOJI = String.raw`(?:(?![©®™])\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D}|\u{20E3})`
const LEAD_EMOJI = new RegExp(String.raw`^(?:${EMOJI}+|:[a-z0-9_+-]{1,40}:)\s*`, 'u')
const TRAIL_EMOJI = new RegExp(String.raw`(?:\s(?:${EMOJI}+|:[a-z0-9_+-]{1,40}:))+$|${EMOJI}+$`, 'u')
/** The last character may end an emoji or a shortcode: only then is the end-anchored search run, on the last characters. */
const MAY_END_EMOJI = /(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u{FE0F}|\u{20E3}|:)$/u
/** Characters at the end searched for decoration: a few emoji or shortcodes, never a whole text. */
const TAIL = 64
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
  let out = collapseSpaces(text.slice(0, 100_000)).trim()
  if (out.includes('[')) out = out.replace(CITATION, '')
  for (let i = 0; i < 4; i++) {
    const before = out
    out = out.replace(LEAD_SEPARATOR, '').replace(LEAD_ISH, '').replace(LEAD_ALT_TIME, '').replace(LEAD_WEEKDAY, '')
    out = out.replace(LEAD_ELAPSED, '').replace(LEAD_EMOJI, '')
    const date = readDateToken(out.slice(0, 60), {})
    if (date && /^\s*[-–—:|,]/.test(out.slice(date.length))) out = out.slice(date.length)
    if (out === before) break
  }
  if (MAY_END_EMOJI.test(out)) {
    const from = Math.max(0, out.length - TAIL)
    out = out.slice(0, from) + out.slice(from).replace(TRAIL_EMOJI, '')
  }
  return stripTrailingMarks(out).trim()
}
