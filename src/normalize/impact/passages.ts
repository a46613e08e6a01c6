/**
 * The prose the impact window is read from, one passage per block with a weight by where it sits: the impact
 * section counts most, then the summary and the lines before the first section, then any other prose; the
 * timeline, action items and lessons are left out (their times and durations are not the window).
 */
import type { CanonicalSectionKey } from '../../types.js'
import type { Block } from '../structure/blocks.js'
import { isFenced, withoutFencedCode } from '../time/without-code.js'
import { fieldKindOf } from '../structure/fields.js'
import { plainText } from '../structure/plain-text.js'
import { isMomentLabel } from './find-stated-moments.js'
import type { Passage } from './find-stated-range.js'
import { formatDate, parseDate, type DateHints } from '../time/datetime.js'

const WEIGHTS = new Map<CanonicalSectionKey | 'preamble' | null, number>([
  ['impact', 3],
  ['summary', 2],
  ['preamble', 2],
  ['detection', 1],
  ['resolution', 1],
  ['rootCause', 1],
  ['trigger', 1],
  ['conclusion', 1],
  [null, 1],
])

/** A line that states the window by its label (`**Total impact duration:** 5 hours (10:45 - 16:11 UTC)`, `Start: 10:02`). */
const LABELLED_LINE = /^[\s*_]*([A-Za-z][A-Za-z ]{1,40}?)[\s*_]*:[\s*_]*(\S.*)$/

/** The lines of a text that state the window by their label, wherever they sit (a summary line under the timeline). */
function windowLines(text: string): string[] {
  return text.split('\n').filter((line) => {
    const kind = fieldKindOf(LABELLED_LINE.exec(line)?.[1] ?? '')
    return kind === 'duration' || kind === 'start' || kind === 'end'
  })
}

/** The day a heading or a line names when it names nothing else ("## March 3, 2024", "**Sunday, 3 March 2024**"), with its year. */
function dayNamed(text: string, hints: DateHints): string | null {
  const date = text.length <= 60 ? parseDate(text, hints) : null
  return date?.year != null ? formatDate({ ...date, year: date.year }) : null
}

/** A paragraph on one line of the source (a bold day line is one). */
function oneLine(block: Block): boolean {
  const position = block.kind === 'content' && block.node.type === 'paragraph' ? block.node.position : undefined
  return position !== undefined && position.start.line === position.end.line
}

/**
 * Passages of the document's prose in order, each with the weight of the section it sits in and the day a heading or
 * line above names (until a heading as high ends it); `body` tells fenced code from indented.
 */
export function impactPassages(blocks: Block[], titleIndex: number | null, body = '', hints: DateHints = {}): Passage[] {
  const lines = body.includes('```') || body.includes('~~~') ? body.split('\n') : []
  const out: Passage[] = []
  const open: Array<{ depth: number; key: CanonicalSectionKey | null }> = []
  let seenHeading = false
  let labelHeading: string | null = null
  let day: { date: string; depth: number } | null = null
  const push = (text: string, key: CanonicalSectionKey | 'preamble' | null): void => {
    const weight = WEIGHTS.get(key)
    if (weight !== undefined && text.trim()) out.push(day ? { text, weight, day: day.date } : { text, weight })
  }
  blocks.forEach((block, index) => {
    if (index === titleIndex) return
    const named = block.kind === 'heading' ? dayNamed(block.text, hints) : oneLine(block) ? dayNamed(plainText([block.node]), hints) : null
    if (named) day = { date: named, depth: block.kind === 'heading' ? block.depth : 7 }
    if (block.kind === 'heading') {
      if (!named && day && block.depth <= day.depth) day = null
      seenHeading = true
      labelHeading = block.text.length <= 40 && isMomentLabel(block.text) ? block.text : null
      while (open.length && open[open.length - 1]!.depth >= block.depth) open.pop()
      const parent = open[open.length - 1]?.key ?? null
      open.push({ depth: block.depth, key: block.match?.key ?? parent })
      return
    }
    // A fenced block is pasted output (logs, headers, configuration): its times are not the window. An indented one may
    // be the author's prose (a report indented as a whole renders as code), so it is read.
    if (block.kind === 'content' && block.node.type === 'code' && isFenced(block.node, lines)) return
    const current = seenHeading ? (open[open.length - 1]?.key ?? null) : 'preamble'
    // A fenced block inside a quote or a list item is pasted output too: only the words around it are read.
    const own = block.kind === 'content' && lines.length ? withoutFencedCode(block.node, lines) : block.node
    if (!own) return
    const text = block.kind === 'field' ? `${block.label}: ${block.value}` : plainText([own])
    // A short heading over a one-line value ("### Start time" then "2021-11-25 15:00") is a labelled field.
    const key = block.kind === 'field' ? (block.match?.key ?? current) : current
    if (labelHeading !== null && block.kind === 'content' && !text.includes('\n') && text.length <= 80) push(`${labelHeading}: ${text}`, current)
    else if (WEIGHTS.has(key)) push(text, key)
    // A section whose times are not the window (the timeline) may still state it in a labelled line.
    else if (block.kind === 'content' && block.node.type === 'paragraph') for (const line of windowLines(text)) push(line, 'summary')
    if (block.kind !== 'content' || text.includes('\n') || text.length > 80) labelHeading = null
  })
  return out
}
