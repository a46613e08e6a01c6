/**
 * A one-line summary for lists and feeds: front-matter `description`/`summary`, else the first sentences of the
 * Summary section, else of the prose before the first section, else of the Impact section, else the first prose
 * anywhere outside the timeline and action items. Meta lines (fields, time-zone notes, "this is an example", status
 * labels, badges) and sentences about the document ("Here is the postmortem.") are never summary; a summary written as bullets, as a `Summary:` field or as prose indented into a
 * code block counts. A status page's log written newest first gives its first update when nothing above does.
 */
import type { RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Block } from '../structure/blocks.js'
import { oneLine, plainText, shorten } from '../structure/plain-text.js'
import { isNestedSummary, primarySummary, type SectionSpan } from '../sections/sections.js'
import { STATUS_LABEL } from '../timeline/timeline-headings.js'
import { withoutMeta } from './meta-sentences.js'
import { beforeLeadIn, sentencesOf } from './sentences.js'
import { stripEmojiEdges } from './title-text.js'

const MAX = 240

/** Labels whose value is the summary itself (`**Impact:** Checkout was down ...`). */
const SUMMARY_LABEL = /^(?:(?:issue|incident|executive) )?(?:summary|description|overview|impact|what(?: happened)?|tl;?dr)$/i

/** Labels of a list item that is the summary itself wherever the list stands (`- **Summary:** …`); not impact. */
const LISTED_SUMMARY_LABEL = /^(?:(?:issue|incident|executive|short) )?(?:summary|overview|description|tl;?dr|what happened)$/i

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

/** Headings that announce the summary itself (not background or a description that may come late). */
const EXPLICIT = /summary|overview|tl;?dr|abstract|synopsis|zusammenfassung|r[ée]sum[ée]|概要|要約/i

function isBoilerplate(text: string): boolean {
  return BOILERPLATE.some((re) => re.test(text.trim())) || isStampLine(text)
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
function clean(text: string): string {
  return stripEmojiEdges(oneLine(text.replace(/<\/?[A-Za-z][^<>]{0,400}>/g, ' ')).replace(/^(?:[-–—•*>|]\s*)+/, '')).trim()
}

/**
 * A field line (`Duration: ...`, `Service: ...`) whose label does not name a summary, so it is data; a sentence
 * that only has a colon after a lead phrase ("Two incidents this week: an API outage …") is prose.
 */
function isDataField(line: string): boolean {
  const m = /^\s*[*_]{0,2}([\p{L}][\p{L} /&'()-]{0,40}?)[*_]{0,2}\s*:[*_]{0,2}\s+\S/u.exec(line)
  const words = (m?.[1] ?? '').trim().split(/\s+/).length
  if (!m || SUMMARY_LABEL.test((m[1] ?? '').trim()) || words > 5) return false
  return words < 3 || !/[.!?]["”')]?\s*$/.test(line) || line.slice(m[0].length).split(/\s+/).length < 8
}

/** The value of a summary field line, or the line itself. */
function fieldValue(line: string): string {
  const m = /^\s*[*_]{0,2}([\p{L}][\p{L} ;]{0,30}?)[*_]{0,2}\s*:[*_]{0,2}\s+(\S.*)$/u.exec(line)
  return m && SUMMARY_LABEL.test((m[1] ?? '').trim()) ? (m[2] ?? line) : line
}

function isProse(text: string): boolean {
  if (!text || isBoilerplate(text)) return false
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0
  if (cjk >= 15) return /[。．！？]/.test(text) || cjk >= 30
  const words = text.split(/\s+/).length
  return /\p{Ll}/u.test(text) && (words >= 12 || (words >= 5 && /[.!?。]["”')]?$/.test(text.trim())))
}

function firstSentences(text: string, language: string | null): string {
  let out = ''
  for (const sentence of sentencesOf(oneLine(text), language)) {
    if (out && (out.length >= 100 || out.length + sentence.length + 1 > MAX)) break
    out = out ? `${out}${/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u.test(out) ? '' : ' '}${sentence}` : sentence
  }
  return shorten(out, MAX)
}

/** Prose a block may hold: paragraph lines without data fields, indented prose, a long sentence set as a heading. */
function textsOf(block: Block): string[] {
  if (block.kind === 'field') return SUMMARY_LABEL.test(block.label.trim()) ? [clean(block.value)] : []
  if (block.kind === 'heading') return block.origin === 'markdown' && block.text.split(/\s+/).length >= 12 ? [block.text] : []
  const node = block.node
  if (node.type === 'paragraph') {
    const all = plainText([node]).split('\n')
    // A template's question over its answer ("What was the root cause?" then the answer): the answer is the text.
    const answered = all.filter((l, i) => !(i < all.length - 1 && /\?\s*$/.test(l) && all[i + 1]!.trim() !== ''))
    const lines = answered.map((l) => fieldValue(l).replace(STATUS_LABEL, '')).filter((l) => !isDataField(l) && !isBoilerplate(clean(l)))
    return lines.length ? [clean(lines.join(' '))] : []
  }
  if (node.type === 'code' && !node.lang && !/[{};=<>$]|^\s*[#/]/m.test(node.value))
    return [
      clean(
        node.value
          .split('\n')
          .map((l) => l.trim())
          .join(' '),
      ),
    ]
  if (node.type === 'list') return bulletText(node)
  if (node.type === 'table') return tableText(node)
  return []
}

/** A summary written as a two-column table (`| Summary | Code refactor ... |`): the value beside a summary label. */
function tableText(table: Extract<RootContent, { type: 'table' }>): string[] {
  for (const row of table.children.slice(0, 12)) {
    const [label, value] = row.children
    if (label && value && SUMMARY_LABEL.test(toString(label).replace(/[*_:]/g, '').trim())) return [clean(toString(value))]
  }
  return []
}

/** A summary written as bullets: the first items that read as prose, or a `Summary:` item's value. */
function bulletText(list: Extract<RootContent, { type: 'list' }>): string[] {
  const items = list.children.map((item) => clean(fieldValue(oneLine(toString(item.children[0] ?? item)))))
  const labelled = list.children
    .map((item) => toString(item.children[0] ?? item))
    .find((t) => /^\s*[\p{L} ]{3,30}:\s+\S/u.test(t) && SUMMARY_LABEL.test(t.split(':')[0]!.trim()))
  if (labelled) return [clean(fieldValue(labelled))]
  const heading = list.children.find(
    (item) =>
      /^\s*([\p{L} ]{3,30}):\s*$/u.test(toString(item.children[0] ?? item)) &&
      SUMMARY_LABEL.test(
        toString(item.children[0] ?? item)
          .replace(/:\s*$/, '')
          .trim(),
      ),
  )
  const nested = heading?.children.find((c): c is Extract<RootContent, { type: 'list' }> => c.type === 'list')
  if (nested) {
    const values = nested.children.map((item) => clean(oneLine(toString(item.children[0] ?? item))).replace(/^[\p{L} ]{1,30}:\s+(?=(?:\S+\s+){4})/u, ''))
    const sentences = values.filter((t) => t.split(/\s+/).length >= 5 && /\p{Ll}/u.test(t) && !isDataField(t))
    if (sentences.length)
      return [
        sentences
          .slice(0, 2)
          .map((t) => (/[.!?]$/.test(t) ? t : `${t}.`))
          .join(' '),
      ]
  }
  const prose = items.filter((t) => !isDataField(t) && t.split(/\s+/).length >= 4)
  return prose.length
    ? [
        prose
          .slice(0, 3)
          .map((t) => (/[.!?]$/.test(t) ? t : `${t}.`))
          .join(' '),
      ]
    : []
}

/** The value of a list item labelled as the summary (`- **Summary:** …`) in any list, nested lists included. */
function listedSummary(blocks: Block[], sift: Sift): string | null {
  for (const block of blocks) {
    if (block.kind !== 'content' || block.node.type !== 'list') continue
    for (const item of block.node.children.slice(0, 40)) {
      const line = oneLine(toString(item.children[0] ?? item))
      const m = /^\s*([\p{L} ;]{3,30}):\s+(\S.*)$/u.exec(line)
      const value = m && LISTED_SUMMARY_LABEL.test(m[1]!.trim()) ? sift(clean(m[2]!)) : ''
      if (isStatement(value)) return value
    }
  }
  return null
}

/** Short text that still says something (a sentence of three words or more), for inside a Summary or Impact section. */
function isStatement(text: string): boolean {
  return !isBoilerplate(text) && /\p{Ll}/u.test(text) && text.split(/\s+/).length >= 3
}

/** The first prose in blocks `from`..`to`; inside a section (`lists`) bullets count and a short statement will do. */
function proseOf(blocks: Block[], from: number, to: number, skip: (i: number) => boolean, title: string | null, lists: boolean, sift: Sift): string | null {
  let fallback: string | null = null
  for (let i = from; i < to; i++) {
    const block = blocks[i]!
    if (skip(i) || (!lists && block.kind === 'content' && block.node.type === 'list')) continue
    for (let text of textsOf(block)) {
      if (title && text.startsWith(title)) text = text.slice(title.length).trim()
      text = sift(text)
      const kept = beforeLeadIn(text)
      if (isProse(kept)) return kept
      if (!fallback && (kept !== text ? isProse(text) : lists && isStatement(text))) fallback = text
    }
  }
  return fallback
}

/**
 * Text of an Impact section without its labelled-field lines (`**Duration:** ...`, `Severity: ...`, which the blocks
 * stage splits out as field blocks): a field's own value, or the body's content blocks only.
 */
/** Words that join the names in a list of components ("API and Webhooks", "Web & Mobile"). */
const LIST_JOINERS = /^(?:and|or|of|the|&|und|et|y|e)$/

/** Whether a text only names components (every word a capitalized name or a joiner) and so says nothing of what happened. */
function isComponentList(text: string): boolean {
  return !text.split(/[\s,;:()[\].]+/).some((word) => /^\p{Ll}/u.test(word) && !LIST_JOINERS.test(word))
}

function impactText(span: SectionSpan, blocks: Block[], sift: Sift): string {
  if (span.heading.kind === 'field') return plainText(span.nodes)
  return proseOf(blocks, span.index + 1, span.end, () => false, null, true, sift) ?? ''
}

/** A status page's updates written newest first: their texts in the order written, and the first update's. */
export interface StatusLog {
  updates: string[]
  first: string
}

/** What a candidate text keeps: without its sentences about the document, or as it is. */
type Sift = (text: string) => string

/** What the summary is picked from: the front matter, the sections and blocks, the title and the timeline. */
export interface SummaryInput {
  data: Record<string, unknown>
  spans: SectionSpan[]
  blocks: Block[]
  title: string | null
  /** BCP 47, null for English: decides where sentences end. */
  language?: string | null
  /** A status page's updates, when the timeline is one written newest first. */
  statusLog?: StatusLog | null
  /** The timeline's events in time order, for a document whose only prose is in them. */
  events?: ReadonlyArray<{ text: string }>
}

/**
 * Picks the summary by the rules above. When every candidate speaks only about the document ("The following is the
 * report of the outage."), that is kept rather than no summary at all.
 */
export function findSummary(input: SummaryInput): string {
  const language = input.language ?? null
  return (
    pickSummary(input, language, (text) => withoutMeta(text, language)) ||
    pickSummary(input, language, (text) => text) ||
    eventSummary(input.events ?? [], language)
  )
}

/** Words an event needs to say what happened on its own ("Primary database became unreachable …", not "Alert fires"). */
const EVENT_SUMMARY_WORDS = 6

/** When the only prose is inside the timeline: the first event written as a sentence of its own (a full stop ends it). */
function eventSummary(events: ReadonlyArray<{ text: string }>, language: string | null): string {
  for (const event of events.slice(0, 50)) {
    const text = clean(event.text)
    const sentence = /^\p{L}/u.test(text) && /[.!?]$/.test(text) && text.split(/\s+/).length >= EVENT_SUMMARY_WORDS
    if (sentence && isStatement(text)) return firstSentences(text, language)
  }
  return ''
}

function pickSummary(input: SummaryInput, language: string | null, sift: Sift): string {
  const { data, spans, blocks, title } = input
  const statusLog = input.statusLog ?? null
  for (const key of ['description', 'summary', 'excerpt']) {
    const value = data[key]
    const text = typeof value === 'string' ? sift(oneLine(value)) : ''
    if (text) return shorten(text, MAX)
  }
  const none = (): boolean => false
  // An explicit Summary heading wins over a "What happened", Background or Description section, wherever each stands.
  const summary = spans.find((s) => s.match?.key === 'summary' && s.heading.kind === 'heading' && EXPLICIT.test(s.heading.text)) ?? primarySummary(spans)
  const ownEnd = summary ? blocks.findIndex((b, i) => i > summary.index && b.kind === 'heading') : -1
  const fromSummary = summary ? proseOf(blocks, summary.index + 1, ownEnd < 0 ? summary.end : Math.min(ownEnd, summary.end), none, title, true, sift) : null
  const firstSection = spans[0]?.index ?? blocks.length
  const preamble = (): string | null => proseOf(blocks, 0, firstSection, none, title, false, sift)
  // A summary nested in another part of the report (the bug's, under "Bounty report") comes after the report's own lead.
  const nested = summary ? isNestedSummary(summary, spans) : false
  if (fromSummary && !nested && (summary === spans[0] || EXPLICIT.test(summary!.heading.kind === 'heading' ? summary!.heading.text : '')))
    return firstSentences(fromSummary, language)
  const field = spans.find((s) => s.match?.key === 'summary' && s.heading.kind === 'field')
  const fieldText = field?.heading.kind === 'field' ? sift(clean(field.heading.value)) : ''
  if (isProse(fieldText)) return firstSentences(fieldText, language)
  const listed = listedSummary(blocks, sift)
  if (listed) return firstSentences(listed, language)
  const before = preamble()
  if (before) return firstSentences(firstUpdateOver(before, statusLog, sift) ?? before, language)
  if (fromSummary) return firstSentences(fromSummary, language)
  // An impact field that only lists components ("This incident affected: API and Webhooks.") says nothing of what happened.
  for (const span of spans) {
    const impact = span.match?.key === 'impact' ? impactText(span, blocks, sift) : ''
    if (!isComponentList(impact)) return firstSentences(clean(impact), language)
  }
  const skipped = spans.filter((s) => s.match?.key === 'timeline' || s.match?.key === 'actionItems')
  const any = proseOf(blocks, 0, blocks.length, (i) => skipped.some((s) => i > s.index && i < s.end), title, false, sift)
  return any ? firstSentences(firstUpdateOver(any, statusLog, sift) ?? any, language) : ''
}

/**
 * In a status log written newest first, the first prose is the latest update; the first update says what went wrong:
 * that one when `prose` is one of the updates (an update's text may open with its status label, "Resolved - …").
 */
function firstUpdateOver(prose: string, statusLog: StatusLog | null, sift: Sift): string | null {
  if (!statusLog) return null
  const isUpdate = (text: string): boolean => {
    const start = sift(clean(text.replace(STATUS_LABEL, ''))).slice(0, 60)
    return start !== '' && prose.startsWith(start)
  }
  const update = statusLog.updates.some(isUpdate) ? sift(clean(statusLog.first.replace(STATUS_LABEL, ''))) : ''
  return isStatement(update) ? update : null
}
