/**
 * The lines of a code block inside a timeline that are timeline text: an indented block (plain text indented by
 * tabs or spaces renders as code) whose lines open with times, and in a fenced block only list-marked timed lines
 * (an entry swallowed by a mis-paired fence); log excerpts stay out.
 */
import type { Code } from 'mdast'
import type { DateHints } from '../time/datetime.js'
import type { TextLine } from './timeline-lines.js'
import { readStamp, type Stamp } from './timeline-stamp.js'

const MAX_LINES = 20_000
const BULLET = /^(?:[-*+•·▪◦‣]|\d{1,3}[.)])\s+/
/** "On" before a line's stamp in an indented timeline ("On Sunday 2:19am PDT ..."): the line is an entry, "On" no text. */
const ON_STAMP = /^on\s+(?=\d|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)/i
/** Fence languages that hold plain text (a timeline fenced to keep its line breaks), not code or logs. */
const PLAIN_LANG = /^(?:|text|txt|plain|plaintext|md|markdown)$/i
/** What follows the stamp of a log line: a bracketed level, `proc[pid]:`, `key=value` pairs. */
const LOG_REST = /^(?:[[<{(]|\S+\[\d+\]:)|\b\w+=\S/

function isLogLine(stamp: Stamp): boolean {
  return LOG_REST.test(stamp.rest) || (stamp.time?.second != null && !/^\p{L}/u.test(stamp.rest))
}

function timed(text: string, hints: DateHints): Stamp | null {
  const stamp = readStamp(text, hints)
  return stamp && (stamp.time || stamp.timeUnknown) ? stamp : null
}

/**
 * Entries a fence swallowed: a fence that opens with other text (a log) and, after a blank line, holds list-marked
 * timed lines was left unclosed by the author; a fence made only of such lines is a quoted example.
 */
function swallowed(raw: string[], first: number, column: number, hints: DateHints): TextLine[] {
  const opening = raw.find((t) => t.trim() !== '')?.trim() ?? ''
  if (BULLET.test(opening)) return []
  const out: TextLine[] = []
  for (let i = 1; i < raw.length; i++) {
    const text = raw[i]!.trim()
    const afterBlank = raw[i - 1]!.trim() === '' || out.some((l) => l.line === first + i - 1)
    if (!afterBlank || !BULLET.test(text)) continue
    const stamp = timed(text.replace(BULLET, ''), hints)
    if (stamp && !isLogLine(stamp)) out.push({ text: text.replace(BULLET, ''), line: first + i, column })
  }
  return out
}

/**
 * The block's lines that carry timeline entries (and their wrapped continuations), list markers removed; with
 * `fences` (a timeline section that holds nothing else), a plain-text fence is read like an indented block.
 */
export function codeEntryLines(node: Code, hints: DateHints, fences = false): TextLine[] {
  const pos = node.position
  if (!pos) return []
  const raw = node.value.split('\n').slice(0, MAX_LINES)
  const fenced = pos.end.line - pos.start.line + 1 !== raw.length
  const first = fenced ? pos.start.line + 1 : pos.start.line
  const lines = raw.map((text, i) => ({ text: text.trim(), line: first + i, column: pos.start.column })).filter((l) => l.text !== '')
  if (fenced && !(fences && PLAIN_LANG.test(node.lang ?? ''))) return swallowed(raw, first, pos.start.column, hints)
  const unmarked = lines.map((l) => {
    const text = l.text.replace(BULLET, '')
    const bare = text.replace(ON_STAMP, '')
    return { ...l, text: bare !== text && timed(bare, hints) ? bare : text }
  })
  const stamps = unmarked.map((l) => timed(l.text, hints)).filter((s): s is Stamp => s !== null)
  const events = stamps.filter((s) => !isLogLine(s))
  return events.length > 0 && events.length * 2 >= stamps.length ? unmarked : []
}
