/**
 * A one-line summary for lists and feeds: front-matter `description`/`summary`, else the first sentences of the
 * Summary section, else of the prose before the first section, else of the Impact section, else the first prose
 * anywhere outside the timeline and action items. Meta lines (fields, time-zone notes, "this is an example", status
 * labels, badges) and sentences about the document ("Here is the postmortem.") are never summary; a summary written as bullets, as a `Summary:` field or as prose indented into a
 * code block counts. A status page's log written newest first gives its first update when nothing above does.
 */
import { toString } from 'mdast-util-to-string'
import type { Block } from '../structure/blocks.js'
import { oneLine, plainText, shorten } from '../structure/plain-text.js'
import { isNestedSummary, primarySummary, type SectionSpan } from '../sections/sections.js'
import { isContextHeading } from '../sections/section-words.js'
import { STATUS_LABEL } from '../timeline/timeline-headings.js'
import { withoutMeta } from './meta-sentences.js'
import { beforeLeadIn, sentencesOf } from './sentences.js'
import { textsOf } from './summary-blocks.js'
import { clean, isDataField, isProse, isStatement, LISTED_SUMMARY_LABEL } from './summary-lines.js'

const MAX = 240

/** Headings that announce the summary itself (not background or a description that may come late). */
const EXPLICIT = /summary|overview|tl;?dr|abstract|synopsis|zusammenfassung|r[ée]sum[ée]|概要|要約/i

/** The first sentences of `text` up to about 100 characters; questions (a template's prompts) are skipped when a statement follows. */
function firstSentences(text: string, language: string | null): string {
  let out = ''
  const all: string[] = []
  for (const sentence of sentencesOf(oneLine(text), language)) if (all.push(sentence) >= 12) break
  const statements = all.filter((sentence) => !/[?？]\s*$/.test(sentence))
  for (const sentence of statements.length > 0 ? statements : all) {
    if (out && (out.length >= 100 || out.length + sentence.length + 1 > MAX)) break
    out = out ? `${out}${/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u.test(out) ? '' : ' '}${sentence}` : sentence
  }
  return shorten(out, MAX)
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

/** The first prose in blocks `from`..`to`; inside a section (`lists`) bullets count and a short statement will do. */
function proseOf(blocks: Block[], from: number, to: number, skip: (i: number) => boolean, title: string | null, lists: boolean, sift: Sift): string | null {
  let fallback: string | null = null
  for (let i = from; i < to; i++) {
    const block = blocks[i]!
    if (skip(i) || (!lists && block.kind === 'content' && block.node.type === 'list')) continue
    for (let text of textsOf(block)) {
      // The title's own line (a long H1, perhaps between emoji) is no summary of it: only what follows the title counts.
      const bare = title ? clean(text) : ''
      if (title && bare.startsWith(title)) text = bare.slice(title.length).trim()
      text = sift(text)
      const kept = beforeLeadIn(text)
      if (isProse(kept)) return kept
      if (!fallback && (kept !== text ? isProse(text) : lists && isStatement(text))) fallback = text
    }
  }
  return fallback
}

/** Words that join the names in a list of components ("API and Webhooks", "Web & Mobile"). */
const LIST_JOINERS = /^(?:and|or|of|the|&|und|et|y|e)$/

/** Whether a text only names components (every word a capitalized name or a joiner) and so says nothing of what happened. */
function isComponentList(text: string): boolean {
  return !text.split(/[\s,;:()[\].]+/).some((word) => /^\p{Ll}/u.test(word) && !LIST_JOINERS.test(word))
}

/**
 * Text of an Impact section without its labelled-field lines (`**Duration:** ...`, `Severity: ...`, which the blocks
 * stage splits out as field blocks): a field's own value, or the body's content blocks only.
 */
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

/** Labels of a CJK status log's line that says what happened (내용, 内容, 概要, 現象, 症状, 描述, 개요, 현상). */
const CJK_CONTENT_LABEL = /^(?:내용|개요|현상|증상|설명|内容|概要|現象|现象|症状|症狀|説明|说明|描述|詳細|详情)\s*[:：]\s*/u
/** A CJK line that is a field of another kind (지속: 1시간, 原因：…): data, not what happened. */
const CJK_FIELD = /^[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{1,8}\s*[:：]/u
/** Letters of the CJK scripts and Korean, counted to tell a sentence from a stub. */
const CJK_LETTER = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu
/** CJK letters an event needs to say what happened on its own. */
const EVENT_SUMMARY_CJK = 8

/**
 * When the only prose is inside the timeline: the first event written as a sentence of its own (a full stop ends
 * it), or, in a Korean, Japanese or Chinese status log, the first update that says what happened (its 내용/内容
 * field's value, or an unlabelled sentence ending in 。).
 */
function eventSummary(events: ReadonlyArray<{ text: string }>, language: string | null): string {
  for (const event of events.slice(0, 50)) {
    const text = clean(event.text)
    const sentence = /^\p{L}/u.test(text) && /[.!?]$/.test(text) && text.split(/\s+/).length >= EVENT_SUMMARY_WORDS
    if (sentence && isStatement(text)) return firstSentences(text, language)
    const content = text.replace(CJK_CONTENT_LABEL, '')
    const said = content !== text || (!CJK_FIELD.test(text) && /[。！？]$/u.test(text))
    if (said && (content.match(CJK_LETTER)?.length ?? 0) >= EVENT_SUMMARY_CJK) return firstSentences(content, language)
  }
  return ''
}

function pickSummary(input: SummaryInput, language: string | null, sift: Sift): string {
  const { data, spans, blocks, title } = input
  const statusLog = input.statusLog ?? null
  for (const key of ['description', 'summary', 'excerpt']) {
    const value = data[key]
    // An excerpt is often the post's opening copied whole: its field lines (`Issue status: <strong>Closed</strong>`) are data.
    const lines =
      typeof value === 'string'
        ? value
            .split(/\n|\\n/)
            .map((line) => clean(line))
            .filter((line) => line && !isDataField(line))
        : []
    const text = sift(oneLine(lines.join(' ')))
    if (text) return shorten(text, MAX)
  }
  const none = (): boolean => false
  const ownProse = (span: SectionSpan): string | null => {
    const ownEnd = blocks.findIndex((b, i) => i > span.index && b.kind === 'heading')
    return proseOf(blocks, span.index + 1, ownEnd < 0 ? span.end : Math.min(ownEnd, span.end), none, title, true, sift)
  }
  // An explicit Summary heading wins over a "What happened", Background or Description section, wherever each stands;
  // one left empty (a template's prompt only) gives way to the next section read as the summary.
  const explicit = spans.find((s) => s.match?.key === 'summary' && s.heading.kind === 'heading' && EXPLICIT.test(s.heading.text))
  const next = (): SectionSpan | undefined =>
    spans.find((s) => s !== explicit && s.match?.key === 'summary' && s.heading.kind === 'heading' && !isContextHeading(s.heading.text) && ownProse(s))
  const summary = explicit && !ownProse(explicit) ? (next() ?? explicit) : (explicit ?? primarySummary(spans))
  const fromSummary = summary ? ownProse(summary) : null
  const firstSection = spans[0]?.index ?? blocks.length
  const preamble = (): string | null => proseOf(blocks, 0, firstSection, none, title, false, sift)
  // A summary nested in another part of the report (the bug's, under "Bounty report") comes after the report's own lead.
  const nested = summary ? isNestedSummary(summary, spans) : false
  // A background section ("Background: how queues work") is no summary of the incident when prose before it tells it.
  const setting = summary?.heading.kind === 'heading' && isContextHeading(summary.heading.text) && !!preamble()
  if (fromSummary && !nested && !setting && (summary === spans[0] || EXPLICIT.test(summary!.heading.kind === 'heading' ? summary!.heading.text : '')))
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
