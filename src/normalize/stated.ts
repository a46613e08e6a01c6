/**
 * What the text states even where the normalizer could not read it into the record (a day, a title, a time zone)
 * and timeline bullets the author left untimed on purpose, so that diagnostics never claim something untrue.
 */
// English only: the package's index loads all sixteen locales (about 260 files, 0.1 s of CPU in every process that normalizes).
import * as chrono from 'chrono-node/en'
import { KNOWN_KEYS } from './front-matter/front-matter.js'
import { isMachineLine } from './time/document-zone.js'

/** Enough of the text to find a stated date; a date stated only after this is not one a reader sees first. */
const DATE_SCAN_CHARS = 20_000
const ISO_DAY = /\b(?:19|20)\d\d-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])\b/
/** Day and month as numbers in either order with a year, any separator ("13/10/2023", "01–11–2021", "03, 14, 2024"). */
const NUMERIC_DAY = /\b(?:0?[1-9]|[12]\d|3[01]) ?[-–—/.,] ?(?:0?[1-9]|[12]\d|3[01]) ?[-–—/.,] ?(?:19|20)\d\d\b/
/** A parse that names the calendar (a month or a numeric date), not a relative time such as "for 40 minutes". */
const CALENDAR =
  /\d ?[-–—/.,] ?\d|\d(?:st|nd|rd|th)\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? ?\d|\d ?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i
const CJK_DAY = /\d{4}年\d{1,2}月\d{1,2}日/
/**
 * `CALENDAR` without its word boundaries: it matches wherever `CALENDAR` matches a part of the text, so a text it does
 * not match holds no parse `CALENDAR` would accept, and chrono (milliseconds a file) need not run.
 */
const CALENDAR_ANYWHERE =
  /\d ?[-–—/.,] ?\d|\d(?:st|nd|rd|th)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? ?\d|\d ?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i

/** True when the text names a calendar day with its year (outside code), in any common notation or in Japanese. */
export function statesDate(text: string): boolean {
  const head = text.slice(0, DATE_SCAN_CHARS).replace(/```[\s\S]*?```|`[^`\n]*`/g, ' ')
  if (ISO_DAY.test(head) || NUMERIC_DAY.test(head) || CJK_DAY.test(head)) return true
  if (!CALENDAR_ANYWHERE.test(head)) return false
  return chrono.parse(head).some((r) => {
    if (!CALENDAR.test(r.text) || !r.start.isCertain('day') || !r.start.isCertain('month')) return false
    return r.start.isCertain('year') || /\b(?:19|20)\d\d\b/.test(head.slice(r.index, r.index + r.text.length + 12))
  })
}

/** True when the text labels a title (`Title: ...`, `**Title:** ...`, an MDX `meta = { title: ... }`). */
export function statesTitle(text: string): boolean {
  return (
    /^[ \t]*(?:[-*][ \t]+)?(?:\*\*|__)?(?:title|titel|titre|タイトル|件名)(?:\*\*|__)?[ \t]*[:：](?:\*\*|__)?[ \t]*\S/im.test(text) ||
    /\bmeta\s*=\s*\{[^}]{0,400}\btitle\s*:/.test(text)
  )
}

/** Zone names and offsets as authors write them next to times ("UTC", "GMT+2", "PDT", "+05:30", "Europe/Berlin"). */
const ZONE =
  /\b(?:UTC|GMT|[ECMP][SD]T|CES?T|BST|IST|JST|KST|AES?T|AED?T|NZ[SD]T|WES?T|EES?T|MSK|SGT|HKT|(?:Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/[A-Z][A-Za-z_]+)(?:[+\-\u2212]\d{1,2}(?::?\d\d)?)?\b|\d\d:\d\d(?::\d\d)?[+\-\u2212]\d\d:?\d\d\b|\d\d:\d\d(?::\d\d)?Z\b/
const ZONE_WORDS = /\b(?:pacific|eastern|central|mountain) (?:standard |daylight )?time\b|\butc\b|日本時間|協定世界時/i

/** True when the text names a time zone anywhere outside code, log lines and HTTP headers. */
export function statesZone(text: string): boolean {
  const prose = text
    .replace(/```[\s\S]*?```/g, '')
    .split('\n')
    .filter((line) => !isMachineLine(line))
    .join('\n')
  return ZONE.test(prose) || ZONE_WORDS.test(prose)
}

/** Front-matter keys that name a moment of the incident (`detected_at`, `resolvedAt`, `incident_window`, `started`). */
const INCIDENT_KEY = /detect|resolv|mitigat|recover|start|began|begin|^end|_end|ended|incident|occur|window|impact|outage|(?:_at|At)$/

const READ_KEYS = new Set(KNOWN_KEYS.map((k) => k.toLowerCase()))

/**
 * The values of the front-matter lines whose keys name a moment of the incident (`detected_at: 2026-09-09T18:40-03:00`):
 * a day or zone stated there is stated, even when no reader took it into the record. `lines`: the block's line count.
 */
export function incidentMatterValues(text: string, lines: number): string {
  const values: string[] = []
  let from = 0
  for (let i = 0; i < Math.min(lines, 400) && from < text.length; i++) {
    const next = text.indexOf('\n', from)
    const line = text.slice(from, next < 0 ? text.length : next)
    from = next < 0 ? text.length : next + 1
    const m = /^[ \t]*["']?([A-Za-z_][\w-]{0,60})["']?[ \t]*[:=][ \t]*(.{1,400})$/.exec(line)
    // A key a reader takes (`detected:`, `resolved:`) has its own diagnostics, also when its value is no real date.
    if (m && INCIDENT_KEY.test(m[1]!) && !READ_KEYS.has(m[1]!.toLowerCase())) values.push(m[2]!)
  }
  return values.join('\n')
}

/** Words that place an untimed event on purpose: a phase or a relative time rather than a clock time. */
const PHASE =
  /^(?:post[- ]incident|pre[- ]incident|follow[- ]?up|after(?:wards?)?|later|next|the next|the following|following|then|meanwhile|subsequently|eventually|shortly|soon|within|over the|in the (?:following|next|days|weeks)|overnight|ongoing|during|before|prior|earlier|previously|since|until|by the|around the same time|some time|at some point|day \d|week \d|approx|~|\(|\[)/i
const DATE_WORD =
  /\b(?:\d{1,2}(?:st|nd|rd|th)?[ -](?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}|(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tomorrow)\b/i

/** A stamp the author marks as unknown ("Unknown Date:", "Time unknown –", "TBD:", "??:"). */
const UNKNOWN_STAMP =
  /^(?:(?:unknown|unclear|uncertain|undetermined|unspecified|approximate|exact)\s+(?:date|time|day|timing|date\/time|datetime|when)|(?:date|time|day|timing)\s+(?:unknown|unclear|uncertain|tbd|n\/a)|unknown|tbd|n\/a|\?{1,3})(?=[\s:：\u2013\u2014-]|$)/i

/**
 * True for a timeline bullet left untimed on purpose: empty, a label ending in a colon ("Actions taken:"),
 * a phase or relative time ("Post-incident", "Later that week"), one that gives a day instead of a time, or one
 * whose stamp says it is unknown ("Unknown Date: tracking began failing").
 */
export function deliberatelyUntimed(text: string): boolean {
  const t = text.replace(/[*_`]/g, '').trim()
  return t === '' || /[:：]$/.test(t) || PHASE.test(t) || DATE_WORD.test(t) || ISO_DAY.test(t) || UNKNOWN_STAMP.test(t)
}
