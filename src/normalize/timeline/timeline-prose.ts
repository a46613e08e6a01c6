/**
 * Events of a postmortem without a timeline: every clock time written in its paragraphs ("at 3:26pm we ...",
 * "around 11:00 UTC", a bold `**22:20:00**`, "Update: at 21:30 UTC ..."), dated by the last date before it in the
 * same paragraph, with the sentence around it as the event text.
 */
import type { Code, RootContent } from 'mdast'
import { DURATION_CUE, OTHER_WINDOW, QUANTITY } from '../impact/find-stated-range.js'
import { findDates, type DateHints, type ParsedDate } from '../time/datetime.js'
import { STATUS_LABEL, STATUS_WORD_LINE } from './timeline-headings.js'
import { paragraphLines, type TextLine } from './timeline-lines.js'
import { readStamp, type Stamp } from './timeline-stamp.js'
import { clockFieldPieces } from './timeline-fields.js'
import type { Piece } from './timeline-walk.js'

const MAX_DEPTH = 8
const MAX_PIECES = 500
/** Numbers looked at per document, so a table of figures pasted as text stays cheap. */
export const MAX_CANDIDATES = 5_000
const MAX_TEXT = 300
/** Where a number starts: not inside a word, a version, a path or another number. */
const CANDIDATE = /(?<![\p{L}\p{N}.:/\\_#+-])\d/gu
/** A written clock time, not a bare number or a decimal: a colon, am/pm, or an `h`/`hrs` suffix. */
const CLOCK = /\d:\d|\d\s?[ap]\.?m|\dh\d|\dhrs?\b/i

/** The first clock time written inside a line of text (not at its start), or null. */
export function innerClock(text: string, hints: DateHints): Stamp | null {
  let looked = 0
  for (const m of text.slice(0, 2000).matchAll(CANDIDATE)) {
    if (++looked > 20) return null
    const slice = text.slice(m.index, m.index + 200)
    const stamp = readStamp(slice, hints)
    if (stamp?.time && !stamp.invalidTime && CLOCK.test(stamp.time.text) && !QUANTITY.test(slice.slice(stamp.time.text.length))) return stamp
  }
  return null
}

/** The sentence of `line` around `index`, whitespace collapsed. */
function sentenceAt(line: string, index: number): string {
  const before = line.slice(0, index)
  const start = Math.max(before.search(/[.!?]\s+[^.!?]*$/) + 1, 0)
  const after = line.slice(index).search(/[.!?](?:\s|$)/)
  const end = after < 0 ? line.length : index + after + 1
  return line.slice(start, end).replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT)
}

/** A site generator's template tag (`{{< track "…" >}}`, `{% … %}`) that carries a stamp but is not prose. */
const TEMPLATE_TAG = /\{\{[<%]?[^{}]{0,200}?[>%]?\}\}|\{%[^{}]{0,200}?%\}/g

/**
 * The text of a paragraph closed by its stamp ("Service restored. {{< track "2019-03-30 20:31" >}}", "… (posted
 * 20:31 UTC)"): what comes before it, when nothing but the stamp and marks follows; `null` otherwise.
 */
function closingStamp(line: string, index: number, time: string): string | null {
  const after = line.slice(index + time.length).replace(TEMPLATE_TAG, ' ')
  if (/\p{L}{3,}/u.test(after.replace(/\b(?:UTC|GMT|[A-Z]{2,4}T)\b/g, ''))) return null
  const start = line.lastIndexOf('{{', index)
  const before = line
    .slice(0, start >= 0 && start > index - 60 ? start : index)
    .replace(TEMPLATE_TAG, ' ')
    .replace(/[\s([—–-]*(?:posted|updated|at|on)?[\s"'(]*[\d/.:-]*$/i, '')
  const words = before.replace(/\s+/g, ' ').trim()
  const wrapped = (start >= 0 && start > index - 60) || /\(\s*(?:posted|updated)?[\s\d/.:-]*$/i.test(line.slice(Math.max(0, index - 40), index))
  return words.split(' ').length >= 3 && (wrapped || /[.!?)]$/.test(words)) ? words.slice(0, MAX_TEXT) : null
}

/** A conjunction that joins a second timed clause onto a sentence ("…, and at 14:25 users reported", "and by 16:15 …"). */
const TIMED_JOIN = /(?:[,;]\s*|\s)(?:and|then|but)\s+(?=(?:at|by|around|about|approximately|shortly after)\s+~?\s?\d{1,2}[:.h]?\d{2}|\d{1,2}[:h]\d{2})/gi

/**
 * The clause of `sentence` that holds the time at `at` when the sentence joins timed clauses ("Around 14:10 a migration
 * started and at 14:25 users reported errors": each time its own clause); the sentence as it is otherwise.
 */
function clauseAt(sentence: string, at: number): string {
  let start = 0
  let end = sentence.length
  for (const m of sentence.matchAll(TIMED_JOIN)) {
    if (m.index + m[0].length <= at) start = m.index + m[0].length
    else if (m.index > at) {
      end = m.index
      break
    }
  }
  return sentence.slice(start, end).trim()
}

/** Words that may lead into a stamp at a sentence's start ("On May 3, 2024, at approximately 22:26 UTC …"). */
const LEAD_IN = /^(?:\s|,|on|at|around|about|approximately|approx\.?|roughly|circa|ca\.|~|just|shortly|after|before|by|the)*$/i

/**
 * The sentence of a prose event without the stamp it opens with ("On May 3, 2024, at 22:26 UTC the site went down"
 * reads "The site went down"); a sentence whose stamp sits mid-way, or whose rest is not a clause, stays whole.
 */
function withoutLeadingStamp(sentence: string, fromTime: string, rest: string): string {
  const at = sentence.indexOf(fromTime.slice(0, 8).replace(/\s+/g, ' '))
  if (at < 0 || !rest) return sentence
  const lead = sentence.slice(0, at)
  const dates = findDates(lead, {})
  const undated = dates.reduceRight((text, d) => text.slice(0, d.index) + text.slice(d.index + d.text.length), lead)
  if (!LEAD_IN.test(undated)) return sentence
  const tail = rest.replace(/\s+/g, ' ').replace(/^[\s,:;–—-]+/, '')
  const end = tail.search(/[.!?](?:\s|$)/)
  const clause = (end < 0 ? tail : tail.slice(0, end + 1)).trim()
  if (
    !/^\p{L}/u.test(clause) ||
    /^(?:of|in|on|and|or|the\s+(?:following|next|same)\s+(?:day|night|morning|afternoon|evening|week))\b/i.test(clause) ||
    clause.split(' ').length < 3
  )
    return sentence
  // A name written in lower case on purpose (a host `csb0`, `eBay`, `kube-proxy`, `api.example.com`) keeps its case.
  return PLAIN_WORD.test(clause) ? clause[0]!.toUpperCase() + clause.slice(1) : clause
}

/** A clause opening with a plain lower-case word: no digit, capital, dot, hyphen or underscore inside it. */
const PLAIN_WORD = /^\p{Ll}+(?![\p{L}\p{N}._-])/u

/** The text of a prose event: its sentence, or its own clause of it, without the stamp it opens with. */
function ownClause(line: string, index: number, rest: string): string {
  const sentence = sentenceAt(line, index)
  const at = sentence.indexOf(line.slice(index, index + 8).replace(/\s+/g, ' '))
  const clause = at >= 0 ? clauseAt(sentence, at) : sentence
  if (clause === sentence) return withoutLeadingStamp(sentence, line.slice(index, index + 200), rest)
  const from = clause.indexOf(rest.replace(/\s+/g, ' ').slice(0, 12))
  return withoutLeadingStamp(clause, line.slice(index, index + 200), from >= 0 ? clause.slice(from) : '')
}

/** Lines joined onto a hard-wrapped sentence, at most, on either side of the line with the stamp. */
const MAX_WRAP = 3
/** A line that ends its sentence (a closing quote, bracket or emphasis may follow the mark). */
const SENTENCE_END = /[.!?:;]["'”’)*_]*$/
/** A line that opens with a number (a stamp, a list number): an entry of its own, not the rest of a sentence. */
const OWN_ENTRY = /^\W{0,4}\d/

/**
 * The line at `index` with the lines its sentence wraps onto (a hard-wrapped paragraph breaks sentences across
 * lines): the lines above when the stamp sits mid-line in a sentence begun above, and the lines below until the
 * sentence ends; `offset` is where the line starts in `text`.
 */
function wrappedLine(lines: TextLine[], index: number, at: number): { text: string; offset: number } {
  const own = lines[index]!.text
  let text = own
  let offset = 0
  // A wrapped sentence goes on in lower case ("had been\nrolled back at 09:30"); a line opening "Start 14:00" is its own.
  if (at > 0 && /^\p{Ll}/u.test(own) && !/[.!?]\s/.test(own.slice(0, at))) {
    for (let i = index - 1; i >= 0 && i >= index - MAX_WRAP; i--) {
      const prev = lines[i]!.text
      if (SENTENCE_END.test(prev) || OWN_ENTRY.test(prev)) break
      text = `${prev} ${text}`
      offset += prev.length + 1
      if (/[.!?]\s/.test(prev)) break
    }
  }
  for (let i = index + 1; i < lines.length && i <= index + MAX_WRAP && !SENTENCE_END.test(text); i++) {
    const next = lines[i]!.text
    // A wrapped sentence goes on in lower case; a capital opens a new sentence and a clock time a new event.
    if (!/^[\p{Ll}(]/u.test(next) || OWN_ENTRY.test(next) || STATUS_LABEL.test(next) || POSTED_CUE.test(next) || CLOCK.test(next)) break
    text = `${text} ${next}`
  }
  return { text, offset }
}

/** The event text of a stamp at `at` in line `index`: its clause, read across the lines the sentence wraps onto. */
function wrappedClause(lines: TextLine[], index: number, at: number, rest: string): string {
  const own = lines[index]!.text
  if (lines.length === 1) return ownClause(own, at, rest)
  const { text, offset } = wrappedLine(lines, index, at)
  return ownClause(text, offset + at, rest ? rest + text.slice(offset + own.length) : '')
}

/** Lines of an indented code block (text indented by tabs or spaces), never of a fenced one. */
function indentedLines(node: Code): TextLine[] {
  const pos = node.position
  const lines = node.value.split('\n')
  if (!pos || node.lang || pos.end.line - pos.start.line + 1 !== lines.length) return []
  return lines.map((text, i) => ({ text: text.trim(), line: pos.start.line + i, column: pos.start.column })).filter((l) => l.text !== '')
}

/** Words that may stand beside a stamp on a line of its own ("Posted Jan 12, 2024 - 18:03 UTC", "Thursday, 10:05 CET"). */
const STAMP_LINE_WORDS =
  /\b(?:posted|updated|edited|at|on|ago|(?:second|minute|hour|day|week|month|year)s?|utc|gmt|(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tue|wed|thu|fri|sat|sun)\.?)\b/gi
/** A zone abbreviation beside a stamp ("CET", "PDT"), capitals only, so "Start", "Lost" or "Test" are words. */
const ZONE_WORD = /\b[A-Z]{1,4}T\b/g

/** `true` when a line holds nothing but its stamp (a date, the time, a zone, "Posted"): the event is told by the lines above. */
function stampOnly(line: string, time: string, dates: ParsedDate[]): boolean {
  let rest = line.replace(TEMPLATE_TAG, ' ')
  for (const d of dates) rest = rest.replace(d.text, ' ')
  return !/\p{L}{2,}/u.test(rest.replace(time, ' ').replace(STAMP_LINE_WORDS, ' ').replace(ZONE_WORD, ' '))
}

/**
 * Pieces of one paragraph; `before` is the paragraph just above when it held no stamp (a status update's words, then
 * its "Posted …" line as a paragraph of its own). Returns whether the paragraph held a stamp.
 */
function paragraphPieces(lines: TextLine[], hints: DateHints, out: Piece[], budget: { left: number }, before: TextLine[] = []): boolean {
  let date: ParsedDate | null = null
  const from = out.length
  // The lines since the last one that held a stamp: a status update's words above its own "Posted …" line.
  let told = 0
  for (const [index, l] of lines.entries()) {
    if (budget.left <= 0) return out.length > from
    const written = findDates(l.text, hints)
    const dates = written.filter((d) => d.year !== null)
    let skipTo = 0
    for (const m of l.text.matchAll(CANDIDATE)) {
      if (out.length >= MAX_PIECES || --budget.left <= 0) return out.length > from
      if (m.index < skipTo) continue
      const slice = l.text.slice(m.index, m.index + 200)
      const stamp = readStamp(slice, hints)
      for (const d of dates) if (d.index + d.text.length <= m.index) date = d
      if (!stamp?.time || stamp.invalidTime || !CLOCK.test(stamp.time.text) || QUANTITY.test(slice.slice(stamp.time.text.length))) continue
      const restAt = stamp.rest ? slice.indexOf(stamp.rest.slice(0, 12)) : -1
      skipTo = m.index + (restAt > 0 ? restAt : stamp.time.text.length)
      const dated = stamp.date ?? date
      // A day without its year ("Mar 3, 16:05 UTC") dates nothing here, but it is still part of the stamp line.
      const only = stampOnly(l.text, stamp.time.text, written)
      const above = only ? wordsAbove(l.text, index > told ? lines.slice(told, index) : index === 0 && lines.length === 1 ? before : []) : ''
      const below = only && !above ? wordsBelow(lines[index + 1]) : ''
      const text = above || below || closingStamp(l.text, m.index, stamp.time.text) || wrappedClause(lines, index, m.index, stamp.rest)
      told = index + 1
      if (DURATION_CUE.test(l.text.slice(Math.max(0, m.index - 40), m.index)) || OTHER_WINDOW.test(text)) continue
      out.push({ kind: 'entry', stamp: { ...stamp, date: dated }, text, line: l.line, column: l.column })
      if (stamp.date) date = stamp.date
    }
  }
  return out.length > from
}

/** A "Posted"/"Updated" cue on a stamp line: a status update's stamp, written below its words. */
const POSTED_CUE = /\b(?:posted|updated|edited)\b/i

/**
 * The words above a stamp-only line as its event text, only in a status update's layout (the line says "Posted …",
 * or the words open with a status label, "Resolved - …"); a stamp line above its own words takes nothing from above.
 */
function wordsAbove(stampLine: string, lines: TextLine[]): string {
  if (lines.length === 0) return ''
  // A label on a line of its own ("Resolved", then the update's words) reads as the labelled form, "Resolved - …".
  const label = lines.length > 1 && STATUS_WORD_LINE.test(lines[0]!.text) ? lines[0]!.text.replace(/[*_:\s]/g, '') : null
  if (label) return `${label} - ${linesText(lines.slice(1))}`.slice(0, MAX_TEXT)
  return POSTED_CUE.test(stampLine) || STATUS_LABEL.test(lines[0]!.text) ? linesText(lines) : ''
}

/** The next line of the paragraph as a stamp-only line's event text, when it holds no date or clock time of its own. */
function wordsBelow(next: TextLine | undefined): string {
  if (!next || CLOCK.test(next.text) || findDates(next.text, {}).length > 0 || !/\p{L}{2,}/u.test(next.text)) return ''
  return linesText([next])
}

/** The words of a few lines as one event text (whitespace collapsed, bounded). */
function linesText(lines: TextLine[]): string {
  return lines
    .map((l) => l.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_TEXT)
}

/**
 * The clock times of the paragraphs (and of paragraphs inside blockquotes; with `lists`, for a timeline section,
 * inside list items and indented blocks too; else a list's labelled clock times, "- Down: 15:21 UTC") as timeline pieces, in document order; `budget` counts down the numbers
 * looked at, at most `MAX_CANDIDATES` a document.
 */
export function prosePieces(nodes: RootContent[], hints: DateHints, lists = false, budget: { left: number } = { left: MAX_CANDIDATES }): Piece[] {
  const out: Piece[] = []
  const walk = (children: RootContent[], depth: number): void => {
    let before: TextLine[] = []
    for (const node of children) {
      if (out.length >= MAX_PIECES) return
      if (depth >= MAX_DEPTH) return
      const lines = node.type === 'paragraph' ? paragraphLines(node) : null
      if (node.type === 'blockquote') walk(node.children, depth + 1)
      else if (lists && node.type === 'list') for (const item of node.children) walk(item.children, depth + 1)
      else if (lists && node.type === 'code') paragraphPieces(indentedLines(node), hints, out, budget)
      else if (node.type === 'list') out.push(...clockFieldPieces(node, hints).slice(0, MAX_PIECES - out.length))
      else if (lines) {
        if (paragraphPieces(lines, hints, out, budget, before)) {
          before = []
          continue
        }
      }
      before = lines ?? []
    }
  }
  walk(nodes, 0)
  return out
}
