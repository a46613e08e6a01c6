/**
 * Moments written as a list of labelled clock times ("- Down: 15:21 UTC", "- Up: 15:38 UTC"), read as events of a
 * postmortem that has no timeline: each field is an event, its label the text.
 */
import type { List, ListItem } from 'mdast'
import type { DateHints } from '../time/datetime.js'
import { paragraphLines } from './timeline-lines.js'
import { readStamp } from './timeline-stamp.js'
import { isDocumentStamp } from './document-stamp.js'
import type { Piece } from './timeline-walk.js'

const MAX_DEPTH = 4
/** A short label of up to four words, then a colon and the value. */
const FIELD = /^[*_]{0,2}(\p{L}[\p{L}\p{N}'’-]*(?:\s\p{L}[\p{L}\p{N}'’-]*){0,3})[*_]{0,2}\s?[:：][*_]{0,2}\s*(.{1,300})$/u
/** A written clock time, not a bare number: a colon, am/pm or an `h` between hours and minutes. */
const CLOCK = /\d[:h]\d|\d\s?[ap]\.?m/i

/** A list item that is a label and a value opening with a clock time (a zone or date may stand with it), as an entry piece; else null. */
function clockField(item: ListItem, hints: DateHints): Extract<Piece, { kind: 'entry' }> | null {
  const [first] = item.children
  if (first?.type !== 'paragraph') return null
  const lines = paragraphLines(first)
  const m = lines.length === 1 && !isDocumentStamp(lines[0]!.text) ? FIELD.exec(lines[0]!.text.trim()) : null
  const stamp = m ? readStamp(m[2]!, hints) : null
  if (!m || !stamp?.time || stamp.invalidTime || !CLOCK.test(stamp.time.text)) return null
  // A note after the time ("(+/- 5 minutes)", "(when I checked)") stays with the label.
  const note = stamp.rest.replace(/^[*_.\s]+$/, '')
  return { kind: 'entry', stamp, text: note ? `${m[1]!} ${note}` : m[1]!, line: lines[0]!.line, column: lines[0]!.column }
}

/** The clock fields of a list and of the lists nested in it, when a list holds two or more of them (a label's one time may be anything). */
export function clockFieldPieces(node: List, hints: DateHints, depth = 0): Piece[] {
  const own = node.children.flatMap((item) => clockField(item, hints) ?? [])
  const out: Piece[] = own.length >= 2 ? own : []
  if (depth < MAX_DEPTH)
    for (const item of node.children) for (const child of item.children) if (child.type === 'list') out.push(...clockFieldPieces(child, hints, depth + 1))
  return out
}
