/**
 * Events of a postmortem without a timeline: every clock time written in its paragraphs ("at 3:26pm we ...",
 * "around 11:00 UTC", a bold `**22:20:00**`, "Update: at 21:30 UTC ..."), dated by the last date before it in the
 * same paragraph, with the sentence around it as the event text.
 */
import type { Code, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { DURATION_CUE, OTHER_WINDOW, QUANTITY } from '../impact/find-stated-range.js'
import { findDates, type DateHints, type ParsedDate } from '../time/datetime.js'
import { daysMovedAt, shiftDay } from '../time/relative-day.js'
import { rangeOpener, readSpreadJoin } from '../time/range-join.js'
import { STATUS_LABEL, STATUS_WORD_LINE } from './timeline-headings.js'
import { paragraphLines, type TextLine } from './timeline-lines.js'
import { CLOCK, MAX_TEXT, POSTED_CUE, wrappedClause } from './prose-clauses.js'
import { isDayLine, readStamp, type Stamp } from './timeline-stamp.js'
import { clockFieldPieces } from './timeline-fields.js'
import { isDocumentStamp } from './document-stamp.js'
import type { Piece } from './timeline-walk.js'
import { allMatches } from '../all-matches.js'
import { collapseSpaces } from '../collapse-spaces.js'

const MAX_DEPTH = 8
const MAX_PIECES = 500
/** Numbers looked at per document, so a table of figures pasted as text stays cheap. */
export const MAX_CANDIDATES = 5_000
/** Where a number starts: not inside a word, a version, a path or another number. */
const CANDIDATE = /(?<![\p{L}\p{N}.:/\\_#+-])\d/gu

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

/** The most separator characters (", ", " - ") a stamp's own date may leave before its time. */
const STAMP_DATE_GAP = 6

/** A site generator's template tag (`{{< track "…" >}}`, `{% … %}`) that carries a stamp but is not prose. */
const TEMPLATE_TAG = /\{\{[<%]?[^{}]{0,200}?[>%]?\}\}|\{%[^{}]{0,200}?%\}/g

/**
 * The text of a paragraph closed by its stamp ("Service restored. {{< track "2019-03-30 20:31" >}}", "… (posted
 * 20:31 UTC)"): what comes before it, when nothing but the stamp and marks follows; `null` otherwise.
 */
function closingStamp(line: string, index: number, time: string, dates: Array<ParsedDate & { index: number }> = []): string | null {
  const after = line.slice(index + time.length).replace(TEMPLATE_TAG, ' ')
  if (/\p{L}{3,}/u.test(after.replace(/\b(?:UTC|GMT|[A-Z]{2,4}T)\b/g, ''))) return null
  const start = line.lastIndexOf('{{', index)
  // The stamp's own date just before its time ("… resolved. May 1, 2024 - 12:30 UTC") is part of the stamp.
  const day = dates.find(
    (d) => d.index < index && d.index + d.text.length >= index - STAMP_DATE_GAP && /^[\s,–—-]*$/.test(line.slice(d.index + d.text.length, index)),
  )
  const before = line
    .slice(0, start >= 0 && start > index - 60 ? start : (day?.index ?? index))
    .replace(TEMPLATE_TAG, ' ')
    .replace(/[\s([—–-]*(?:posted|updated|at|on)?[\s"'(]*[\d/.:-]*$/i, '')
  const words = collapseSpaces(before).trim()
  const wrapped = (start >= 0 && start > index - 60) || /\(\s*(?:posted|updated)?[\s\d/.:-]*$/i.test(line.slice(Math.max(0, index - 40), index))
  return words.split(' ').length >= 3 && (wrapped || /[.!?)]$/.test(words)) ? words.slice(0, MAX_TEXT) : null
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
  // The last event read, while a later time in its line may still be the end of its range.
  let open = null as OpenRange | null
  for (const [index, l] of lines.entries()) {
    if (budget.left <= 0) return out.length > from
    // The report's own stamp ("Last updated: 2024-05-02 09:00") says when it was written, not what happened.
    if (isDocumentStamp(l.text)) continue
    const written = findDates(l.text, hints)
    const dates = written.filter((d) => d.year !== null)
    let skipTo = 0
    // Where the dates already taken end: a date is taken once, so a day moved by "the next day" stays moved.
    let seen = 0
    for (const m of allMatches(CANDIDATE, l.text)) {
      if (out.length >= MAX_PIECES || --budget.left <= 0) return out.length > from
      if (m.index < skipTo) continue
      const slice = l.text.slice(m.index, m.index + 200)
      const after = skipTo
      for (const d of dates) {
        const end = d.index + d.text.length
        if (end <= seen || end > m.index) continue
        date = d
        seen = end
      }
      // Read from the word that opens a range before the time ("entre las 10:05 y las 10:40"), so its end is read with it.
      const stamp = openedStamp(l.text, m.index, hints) ?? readStamp(slice, hints)
      if (!stamp?.time || stamp.invalidTime || !isClock(stamp) || QUANTITY.test(slice.slice(stamp.time.text.length))) continue
      // Past the stamp: its words, else its range's end (a dotted start's "." or an end read again is no new event).
      const endAt = stamp.end ? slice.indexOf(stamp.end.text, stamp.time.text.length) : -1
      const stampEnd = endAt > 0 ? endAt + stamp.end!.text.length : stamp.time.text.length
      // A stamp with no words after it took the whole slice: its date's year or its time is no second event ("21 mai 2025, 10h42").
      const restAt = stamp.rest ? slice.indexOf(stamp.rest.slice(0, 12), stampEnd) : slice.length
      skipTo = m.index + (restAt > 0 ? restAt : stampEnd)
      // The end of the range the last event of this line opened ("at 10:05 we lost the database until 10:40"): its end, no event.
      if (open?.line === index && !stamp.end && endsRange(l.text, open, m.index)) {
        open.piece.stamp.end = stamp.time
        open.piece.stamp.endDate = stamp.date
        open = null
        continue
      }
      // "The next day at 01:40": the day told before it, moved (and the times after it in the paragraph with it).
      const moved = !stamp.date && date ? shiftDay(date, daysMovedAt(l.text, after, m.index, written)) : date
      const dated = stamp.date ?? moved
      date = moved
      // A day without its year ("Mar 3, 16:05 UTC") dates nothing here, but it is still part of the stamp line.
      const only = stampOnly(l.text, stamp.time.text, written)
      const above = only ? wordsAbove(l.text, index > told ? lines.slice(told, index) : index === 0 && lines.length === 1 ? before : []) : ''
      const below = only && !above ? wordsBelow(lines[index + 1]) : ''
      const text = above || below || closingStamp(l.text, m.index, stamp.time.text, written) || wrappedClause(lines, index, m.index, stamp.rest)
      told = index + 1
      if (DURATION_CUE.test(l.text.slice(Math.max(0, m.index - 40), m.index)) || OTHER_WINDOW.test(text) || isForecast(l.text, m.index)) continue
      const piece: EntryPiece = { kind: 'entry', stamp: { ...stamp, date: dated }, text, line: l.line, column: l.column }
      out.push(piece)
      open = stamp.end ? null : { piece, line: index, from: m.index, to: skipTo }
      if (stamp.date) date = stamp.date
    }
  }
  return out.length > from
}

/**
 * A time the sentence gives as a forecast or deadline, not as something that happened: after "ETA", or after "by" in a
 * sentence that expects ("we expect service back by 6 AM", "worst case resolution timeline is by 6 AM PST").
 */
const FORECAST =
  /\bETA\b\W{0,3}(?:(?:is|of|by|around|approx\.?)\s+){0,2}$|\b(?:expect\w*|estimat\w*|anticipat\w*|hope|will|should|worst case|target\w*|deadline)\b[^.!?]{0,100}\bby\s+(?:(?:about|approximately|around|roughly|~)\s*)?$/i

/** Whether the clock time at `at` is a forecast (`FORECAST`), read within its sentence. */
function isForecast(line: string, at: number): boolean {
  const before = line.slice(Math.max(0, at - 140), at)
  return FORECAST.test(before.slice(before.search(/[^.!?]*$/)))
}

type EntryPiece = Extract<Piece, { kind: 'entry' }>

/** An event whose range a later time of its line may end: the line's index, where its stamp starts and where its words start. */
interface OpenRange {
  piece: EntryPiece
  line: number
  from: number
  to: number
}

/** An hour written with its unit (`10h`, `10 Uhr`), a time only as a range's start ("de 10h à 11h30"). */
const HOUR_MARK = /\d\s?(?:h|Uhr)$/i
/** A range's start that is no clock time alone: an hour with its unit, a dotted time (`0.45`), a bare hour ("von 10 bis 11 Uhr"). */
const RANGE_START = /^(?:\d{1,2}\s?(?:h|Uhr)|\d{1,2}\.\d{2}|\d{1,2})$/i

/** Whether a stamp's time is written as a clock time, or as a range's start (`RANGE_START`) whose end is one. */
function isClock(stamp: Stamp): boolean {
  if (!stamp.time) return false
  return (
    CLOCK.test(stamp.time.text) || (stamp.end !== null && RANGE_START.test(stamp.time.text) && (CLOCK.test(stamp.end.text) || HOUR_MARK.test(stamp.end.text)))
  )
}

/**
 * The stamp read from the word that opens a range before the time at `at` ("entre las 10:05 y las 10:40", "between 09:10
 * and 09:40"), when reading from there gives the range its end; `null` otherwise.
 */
function openedStamp(line: string, at: number, hints: DateHints): Stamp | null {
  const before = line.slice(Math.max(0, at - 20), at)
  const word = OPENER_WORD.exec(before)
  if (!word) return null
  const stamp = readStamp(line.slice(at - word[0].length, at + 200), hints)
  return stamp?.time && stamp.end ? stamp : null
}

/** A word that opens a range ("between", "entre las", "zwischen", "from", "von", "de"), straight before a time. */
const OPENER_WORD = /(?<![\p{L}])(?:between|entre(?: las| los)?|zwischen|from|von|desde(?: las)?|de(?: las)?)\s{1,3}$/iu

/** Whether the time at `at` ends the range the open event's stamp began, by the words between them (see `readSpreadJoin`). */
function endsRange(line: string, open: OpenRange, at: number): boolean {
  return open.to <= at && readSpreadJoin(line.slice(open.to, at), rangeOpener(line.slice(0, open.from))) !== null
}

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
 * A heading or a paragraph line that names only a day ("## March 3, 2024", "**Tuesday, 3 March 2024**"): the day of
 * the clock times in the paragraphs below it, as a day line dates a timeline's entries.
 */
function dayOf(node: RootContent, hints: DateHints): Piece | null {
  const text = toString(node).trim()
  if (text.length > 80) return null
  const stamp = readStamp(text, hints)
  const date = stamp && isDayLine(stamp) ? stamp.date : node.type === 'heading' ? headingDay(text, hints) : null
  if (date?.year == null) return null
  return { kind: 'day', date, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 }
}

/** The one full date a heading names among its words, with no clock time ("Downtime on March 3rd, 2019"): the day of the times below it. */
function headingDay(text: string, hints: DateHints): ParsedDate | null {
  if (CLOCK.test(text)) return null
  const dates = findDates(text, hints)
  return dates.length === 1 && dates[0]!.year !== null ? dates[0]! : null
}

/**
 * The clock times of the paragraphs (and of paragraphs inside blockquotes; with `lists`, for a timeline section,
 * inside list items and indented blocks too; else a list's labelled clock times, "- Down: 15:21 UTC") as timeline pieces, in document order, each
 * heading or line that names only a day dating the times below it; `budget` counts down the numbers
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
      const day = node.type === 'heading' || lines?.length === 1 ? dayOf(node, hints) : null
      if (day) {
        out.push(day)
        before = []
        continue
      }
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
