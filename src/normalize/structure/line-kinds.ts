/**
 * One source line read as a pseudo-heading (`**Timeline:**`, `Root Causes`, `Issue Summary:`), a labelled field
 * (`**Impact**: ...`, `Duration: ...`) or plain text: the way plain-text and pasted postmortems mark their structure.
 */
import { findDates } from '../time/datetime.js'
import { matchSection, type SectionMatch } from '../sections/section-synonyms.js'
import { STATUS_LABELS } from '../sections/section-words.js'
import { foreignFieldName } from './foreign-field-labels.js'
import { fieldKindOf } from './fields.js'
import { italicHeading } from './italic-heading.js'
import { isQuestion } from './question-lines.js'
import { stripEmojiEdges } from '../summary/title-text.js'

/** Labels that carry a value of the incident rather than a section of prose. */
export const FIELD_NAMES = new Set([
  'date',
  'duration',
  'start',
  'end',
  'start time',
  'end time',
  'started',
  'ended',
  'start date',
  'end date',
  'incident date',
  'incident dates',
  'incident date(s)',
  'dates',
  'date(s)',
  'date of incident',
  'incident start',
  'incident end',
  'incident start time',
  'incident end time',
  'impact start',
  'impact end',
  'outage start',
  'outage end',
  'start of incident',
  'end of incident',
  'start of impact',
  'end of impact',
  'when',
  'time',
  'severity',
  'status',
  'detected',
  'resolved',
  'mitigated',
  'sev',
  'priority',
  'author',
  'authors',
  'owner',
  'owners',
  'written by',
  'created by',
  'time to detect',
  'time to resolve',
  'time to repair',
  'time to recover',
  'time to recovery',
  'time to mitigate',
  'time to acknowledge',
  'outage duration',
  'downtime',
  'period',
  'time window',
  'window',
  'title',
  'incident title',
  'incident name',
])

/** What a line turned out to be. */
export type LineKind =
  | { type: 'heading'; text: string; match: SectionMatch | null; colon: boolean; bold: boolean }
  | { type: 'field'; label: string; value: string; match: SectionMatch | null }
  | { type: 'text' }

/** Context the reading depends on. */
export interface LineContext {
  /** The document has no Markdown headings at all (plain text or pasted prose). */
  plain: boolean
  /** The line is a paragraph of its own. */
  standalone: boolean
  /** The line sits inside the timeline, where `Resolution: ...` is an event, not a field. */
  inTimeline: boolean
  /** The document's headings are questions, so a short question line is a section too (`question-lines.ts`). */
  questions?: boolean
}

const BOLD_ONLY = /^\s*(\*\*|__)(?<label>[^*_\n]{1,90}?)\1\s*:?\s*$/
const BOLD_FIELD = /^\s*(\*\*|__)(?<label>[^*_\n]{1,60}?)\1\s*:\s*(?<value>\S.*)$|^\s*(\*\*|__)(?<label2>[^*_\n]{1,60}?):\s*\4\s*(?<value2>\S.*)$/
/** A bold label and its value after a spaced dash (`**Root cause** - a bad push`), as paragraph-per-label reports write them. */
const BOLD_DASH_FIELD = /^\s*(\*\*|__)(?<label>[^*_\n]{1,60}?)\1(?:\s+-\s+|\s*[–—]\s*)(?<value>\S.*)$/
const PLAIN_FIELD = /^\s*(?<label>[A-Za-z][A-Za-z /&'()-]{0,40}?)\s*:\s+(?<value>\S.*)$/
/** A label in another script or with accents (`Durée :`, `Дата:`, `日付：`): a field only when it names a known one. */
const LETTERS_FIELD = /^\s*(?<label>\p{L}[\p{L} '’()-]{0,40}?)\s*:\s+(?<value>\S.*)$/u
const STARTS_LIKE_DATA = /^\s*(?:[\d[(<#>|•◦▪‣·*+-]|--:--|\?\?)/
/** Inline styling tags (`<span style=...>`, `<font>`, `<b>`), which carry no structure of their own. */
const INLINE_TAG = /<\/?(?:span|font|b|i|u|em|strong|mark|small|big|sup|sub)\b[^<>]{0,300}>/gi
/** An emoji or pictograph at either end of a line. */
const EMOJI_EDGE = /^\p{Extended_Pictographic}|\p{Extended_Pictographic}\uFE0F?$/u
const WORDS = (s: string): number => s.trim().split(/\s+/).filter(Boolean).length
/** A bold line that says something rather than names a part: a sentence (four words or more, ending in . or !) or a yes/no answer. */
const BOLD_STATEMENT = /^(?:yes|no|none|n\/a|true|false|ja|nein|oui|non)[.!]?$/i

function isBoldStatement(text: string): boolean {
  return BOLD_STATEMENT.test(text) || (/[.!]$/.test(text) && WORDS(text) >= 4)
}

function cleanLabel(label: string): string {
  return label
    .replace(/[*_`]/g, '')
    .replace(/\s*:\s*$/, '')
    .trim()
}

/** A field names a section only when its value says more than a moment: `**Mitigated At:** 03:01 UTC` is a phase field. */
function fieldOrText(label: string, value: string): LineKind {
  const clean = cleanLabel(label)
  if (fieldKindOf(clean) && /\d/.test(value) && value.trim().length <= 60 && !/[.!?]$/.test(value.trim()))
    return { type: 'field', label: clean, value: value.trim(), match: null }
  const match = matchSection(clean, true)
  if (match || FIELD_NAMES.has(clean.toLowerCase()) || foreignFieldName(clean)) return { type: 'field', label: clean, value: value.trim(), match }
  return { type: 'text' }
}

/** A `Label: value` line whose label, in another language or script, names a field (`Durée : 40 min`). */
function foreignField(line: string): RegExpExecArray | null {
  const m = /[^\x00-\x7f]/.test(line) ? LETTERS_FIELD.exec(line) : null
  return m && foreignFieldName(m.groups?.['label'] ?? '') ? m : null
}

function isTimeLike(text: string): boolean {
  return /^\s*(?:\d{1,2}[:.]\d{2}|\d{1,2}\s?[ap]\.?m\b|midnight|noon)/i.test(text)
}

/** A bold day line inside a timeline (`**Date: 2024-05-01**`, `**Tuesday, May 1 2024**`): a day marker, not a section. */
function isDayLabel(text: string): boolean {
  const rest = text.replace(/^(?:date|day|datum|jour|fecha)\s*:\s*/i, '').replace(/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i, '')
  return findDates(rest.slice(0, 80))[0]?.index === 0
}

/** `#Timeline:`, `##Issue Summary:`: an ATX heading written without the space CommonMark needs, so parsed as a line of text. */
const TIGHT_HASHES = /^\s{0,3}#{1,6}(?=\p{L})([^#\n]{1,80})$/u

/** A tight-hash line that names a section (or is a short label ending in a colon) as a heading; a hashtag stays text. */
function tightHeading(line: string): LineKind | null {
  const m = TIGHT_HASHES.exec(line.trim())
  if (!m) return null
  const written = (m[1] ?? '').trim()
  const colon = written.endsWith(':')
  const text = written.replace(/\s*:$/, '')
  if (text.includes(':') || WORDS(text) > 8) return null
  const match = matchSection(text, true)
  if (!(match && (colon || /^\p{Lu}/u.test(text))) && !(colon && WORDS(text) <= 6)) return null
  return { type: 'heading', text, match, colon, bold: false }
}

/** Reads one line of a paragraph; `raw` is the Markdown source of the line (or the text of an HTML paragraph). */
export function classifyLine(raw: string, ctx: LineContext): LineKind {
  const tagless = raw.replace(INLINE_TAG, '').replace(/\s+$/, '').replace(/\\$/, '')
  // A full-width colon (`**日期**：2024-03-05`) marks a label as the ASCII one does.
  const line = tagless.includes('：') ? tagless.replace(/：\s*/g, ': ') : tagless
  if (!line.trim() || line.length > 2000) return { type: 'text' }
  const bold = line.length <= 160 ? BOLD_ONLY.exec(line) : null
  if (bold?.groups?.['label']) {
    const text = cleanLabel(bold.groups['label'])
    if (text && !isTimeLike(text) && !(ctx.inTimeline && isDayLabel(text)) && !(!ctx.plain && isBoldStatement(text)))
      return { type: 'heading', text, match: matchSection(text), colon: /:\s*(?:\*\*|__)?\s*:?\s*$/.test(line), bold: true }
  }
  const italic = line.length <= 100 && /^\s*[*_][^*_]/.test(line) ? italicHeading(line) : null
  if (italic) return { type: 'heading', text: italic.text, match: italic.match, colon: true, bold: true }
  const boldField = BOLD_FIELD.exec(line)
  if (boldField?.groups) {
    const label = boldField.groups['label'] ?? boldField.groups['label2'] ?? ''
    const value = boldField.groups['value'] ?? boldField.groups['value2'] ?? ''
    return ctx.inTimeline || isTimeLike(label) ? { type: 'text' } : fieldOrText(label, value)
  }
  const dashed = boldField ? null : BOLD_DASH_FIELD.exec(line)
  // A status page's update (`**Resolved** - Payments work again.`) is an event of its log, not a field.
  if (dashed?.groups && !ctx.inTimeline && !STATUS_LABELS.has(cleanLabel(dashed.groups['label'] ?? '').toLowerCase()))
    return fieldOrText(dashed.groups['label'] ?? '', dashed.groups['value'] ?? '')
  if (line.includes('#')) {
    const tight = tightHeading(line)
    if (tight) return tight
  }
  if (/[*_`[\]<>]/.test(line) || STARTS_LIKE_DATA.test(line) || isTimeLike(line)) return { type: 'text' }
  const trimmed = line.trim()
  // A label set between emoji ("📉 The Scene of the Crime: 📉", "Timeline ⏰:") is read without them.
  const label = EMOJI_EDGE.test(trimmed) ? stripEmojiEdges(trimmed) : trimmed
  if (label.endsWith(':') && !label.slice(0, -1).includes(':') && WORDS(label) <= 6 && label.length <= 60 && /^[A-Za-z]/.test(label)) {
    const text = label.slice(0, -1).trim()
    const match = matchSection(text)
    if (!ctx.plain && !(match && match.confidence === 1 && ctx.standalone)) return { type: 'text' }
    return { type: 'heading', text, match, colon: true, bold: false }
  }
  // A longer lead-in ending in a colon ("To reproduce the original bug (before fix):") introduces what follows in Markdown prose.
  if (!ctx.plain && trimmed.endsWith(':')) return { type: 'text' }
  const field = PLAIN_FIELD.exec(line) ?? foreignField(line)
  if (field?.groups) return ctx.inTimeline ? { type: 'text' } : fieldOrText(field.groups['label'] ?? '', field.groups['value'] ?? '')
  // A question on a line of its own may run longer than a label ("What are we doing to prevent it from happening again?").
  const question = trimmed.endsWith('?')
  const long = question && ctx.standalone ? { chars: 90, words: 12 } : { chars: 60, words: 8 }
  if (/[.,;!]$/.test(trimmed) || trimmed.length > long.chars || WORDS(trimmed) > long.words) return { type: 'text' }
  // A question that is one line of a Markdown paragraph is the author asking it in prose, unless the headings ask questions too.
  if (question && !ctx.plain && !ctx.standalone && !ctx.questions) return { type: 'text' }
  const exact = matchSection(trimmed, true)
  if (exact && (exact.confidence === 1 || (/^\p{Lu}/u.test(trimmed) && !(ctx.inTimeline && question))))
    return { type: 'heading', text: trimmed, match: exact, colon: false, bold: false }
  if (ctx.questions && !ctx.inTimeline && isQuestion(trimmed)) return { type: 'heading', text: trimmed, match: exact, colon: false, bold: false }
  if (ctx.plain && ctx.standalone && /^[A-Z]/.test(trimmed) && WORDS(trimmed) <= 5 && !trimmed.includes(':')) {
    return { type: 'heading', text: trimmed, match: null, colon: false, bold: false }
  }
  return { type: 'text' }
}

/**
 * Whether a line goes on with the value of the label line before it (`**Issue**: the API returned 500s` then `for all
 * users.`): text that is no label line of its own; in plain text, where every newline is the author's, only a sentence
 * the line before left open.
 */
export function continuesValue(previous: string, line: string, ctx: LineContext): boolean {
  if (classifyLine(line, ctx).type !== 'text' || BOLD_FIELD.test(line) || BOLD_DASH_FIELD.test(line) || PLAIN_FIELD.test(line)) return false
  return !ctx.plain || !/[.!?:;)]\s*$/.test(previous)
}
