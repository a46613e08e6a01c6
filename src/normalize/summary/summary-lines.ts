/**
 * Line-level tests for the summary: which labels name it, which lines speak of the document rather than the incident
 * (boilerplate, bare stamps, data fields), and which text reads as prose.
 */
import { oneLine } from '../structure/plain-text.js'
import { isChromeLine } from './status-page-chrome.js'
import { stripEmojiEdges } from './title-text.js'

/** Labels whose value is the summary itself (`**Impact:** Checkout was down ...`, a status post's `ISSUE: This morning …`). */
export const SUMMARY_LABEL = /^(?:(?:(?:issue|incident|executive) )?(?:summary|description|overview|impact|what(?: happened)?|tl;?dr)|issue|problem)$/i

/** Labels of a list item that is the summary itself wherever the list stands (`- **Summary:** …`); not impact. */
export const LISTED_SUMMARY_LABEL = /^(?:(?:issue|incident|executive|short) )?(?:summary|overview|description|tl;?dr|what happened)$/i

/** Lines about the document rather than the incident. */
const BOILERPLATE = [
  /^(?:all |the )?(?:times?|timestamps?|dates?(?: and times?)?|hours)\b[^.]{0,40}\b(?:are|is|in|given|listed|shown|expressed)\b[^.]{0,40}\b(?:utc|gmt|time|zone|[A-Z]{2,5}T?)\b[^.]{0,40}\.?\s*$/i,
  /\bthis (?:is|was) (?:an? |just an? )?(?:example|template|sample|draft|fictional|imaginary|hypothetical)\b/i,
  /\b(?:imaginary|fictional|fictitious|hypothetical|made[- ]up) (?:situation|scenario|incident|outage|company|story)\b/i,
  /^(?:status|state|draft|work in progress|wip|resolved|investigating|identified|monitoring|published|final|updated?)\s*[:.!]?\s*\S{0,30}$/i,
  /^(?:our|the) mission\b|^(?:disclaimer|note|nb|edit|update|updated|last updated|tl;dr)\s*:\s*$/i,
  /^[([].*[)\]]\.?$/,
  // Notes about the updates themselves ("More details to follow; the newest updates are at the top").
  /^(?:(?:more|further) (?:info(?:rmation)?|details|updates?)\b[^.]{0,30}\b(?:follow|to come)|weitere (?:infos?|informationen) folgen|plus d'informations? (?:suivront|à venir))/i,
  /\b(?:newest|latest|most recent|neuesten?|aktuellsten?)\b[^.]{0,40}\b(?:at the top|on top|first|oben|zuerst)\b/i,
]

export function isBoilerplate(text: string): boolean {
  return BOILERPLATE.some((re) => re.test(text.trim())) || isStampLine(text) || isChromeLine(text)
}

/** The words a line that only says when may hold beside its digits ("Posted 2 days ago. Jan 12, 2024 - 18:03 UTC"). */
const STAMP_WORDS =
  /\b(?:posted|updated|on|at|\d+\s+[a-z]+\s+ago|utc|gmt|[ap]\.?m\.?|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?|(?:mon|tue(?:s)?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?)(?![\p{L}])/giu
/** A zone abbreviation beside a stamp ("CET", "PDT"), capitals only, so "Start" or "Lost" stay words. */
const ZONE_WORD = /\b[A-Z]{1,4}T\b/g

/** A line that is only a date and a clock time (a status update's "Posted …" line), which says nothing of the incident. */
export function isStampLine(text: string): boolean {
  return text.length <= 80 && /\d:\d\d/.test(text) && /^[\s\d:/.,()+\-–—]*$/.test(text.replace(STAMP_WORDS, ' ').replace(ZONE_WORD, ' '))
}

/** Text of a line with inline HTML, markup leftovers and decoration at the start dropped. */
export function clean(text: string): string {
  return stripEmojiEdges(oneLine(text.replace(/<\/?[A-Za-z][^<>]{0,400}>/g, ' ')).replace(/^(?:[-–—•*>|]\s*)+/, '')).trim()
}

/**
 * A field line (`Duration: ...`, `Service: ...`) whose label does not name a summary, so it is data; a sentence
 * that only has a colon after a lead phrase ("Two incidents this week: an API outage …") is prose.
 */
export function isDataField(line: string): boolean {
  const m = /^\s*[*_]{0,2}([\p{L}][\p{L} /&'()-]{0,40}?)[*_]{0,2}\s*:[*_]{0,2}\s+\S/u.exec(line)
  const words = (m?.[1] ?? '').trim().split(/\s+/).length
  if (!m || SUMMARY_LABEL.test((m[1] ?? '').trim()) || words > 5) return false
  return words < 3 || !/[.!?]["”')]?\s*$/.test(line) || line.slice(m[0].length).split(/\s+/).length < 8
}

/** The value of a summary field line, or the line itself. */
export function fieldValue(line: string): string {
  const m = /^\s*[*_]{0,2}([\p{L}][\p{L} ;]{0,30}?)[*_]{0,2}\s*:[*_]{0,2}\s+(\S.*)$/u.exec(line)
  return m && SUMMARY_LABEL.test((m[1] ?? '').trim()) ? (m[2] ?? line) : line
}

export function isProse(text: string): boolean {
  if (!text || isBoilerplate(text)) return false
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0
  if (cjk >= 15) return /[。．！？]/.test(text) || cjk >= 30
  const words = text.split(/\s+/).length
  return /\p{Ll}/u.test(text) && (words >= 12 || (words >= 5 && /[.!?。]["”')]?$/.test(text.trim())))
}

/** Short text that still says something (a sentence of three words or more), for inside a Summary or Impact section. */
export function isStatement(text: string): boolean {
  return !isBoilerplate(text) && /\p{Ll}/u.test(text) && text.split(/\s+/).length >= 3
}
