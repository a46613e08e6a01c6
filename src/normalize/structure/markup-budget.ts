/**
 * A per-file bound on Markdown parsing cost, checked before parsing: micromark's time grows with the number of
 * lines and table cells of markup, and faster than linearly with brackets (each unmatched `[` is looked back over), so a few hundred
 * kilobytes of list items, footnote definitions or link labels cost minutes. Fenced code costs little and is not
 * counted. A body over the budget is kept as preformatted text, with a warning, instead of being parsed.
 */
import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { RULE } from '../../constants.js'
import { report } from '../diagnostics.js'

/** Markup units one file may hold: each non-blank line outside fenced code is one, each `|` one more, each `[` two. */
export const MAX_MARKUP_UNITS = 10_000

const FENCE = /^ {0,3}(`{3,}|~{3,})/

/** The body's markup units, counted up to just past the limit (so the scan stops early on a hostile body). */
export function markupUnits(body: string, limit = MAX_MARKUP_UNITS): number {
  let units = 0
  let fence: string | null = null
  let start = 0
  while (start <= body.length && units <= limit) {
    const newline = body.indexOf('\n', start)
    const end = newline < 0 ? body.length : newline
    const line = body.slice(start, end)
    start = end + 1
    const open = FENCE.exec(line)?.[1]
    if (fence !== null) {
      if (open && open[0] === fence[0] && open.length >= fence.length && line.trim() === open) fence = null
      continue
    }
    if (open) {
      fence = open
      continue
    }
    if (line.trim() === '') continue
    units += 1
    for (let i = line.indexOf('['); i >= 0; i = line.indexOf('[', i + 1)) units += 2
    for (let i = line.indexOf('|'); i >= 0; i = line.indexOf('|', i + 1)) units += 1
  }
  return units
}

/** A tree holding the body as one preformatted block, for a body over the budget. */
function preformatted(body: string, firstLine: number): Root {
  const lines = body.split('\n')
  const value = lines
    .slice(firstLine - 1)
    .join('\n')
    .replace(/\s+$/, '')
  const offset = lines.slice(0, firstLine - 1).join('\n').length + (firstLine > 1 ? 1 : 0)
  const end = { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1, offset: body.length }
  return {
    type: 'root',
    children: [{ type: 'code', lang: null, meta: null, value, position: { start: { line: firstLine, column: 1, offset }, end } }],
    position: { start: { line: 1, column: 1, offset: 0 }, end },
  }
}

/**
 * Parses the body with `parse` when it is within the budget; otherwise reports a warning on `file` and returns the
 * body as preformatted text. `firstLine` is the body's first line after the front matter.
 */
export function parseWithinBudget(body: string, firstLine: number, file: VFile, parse: (text: string) => Root): Root {
  if (markupUnits(body) <= MAX_MARKUP_UNITS) return parse(body)
  report(
    file,
    'warning',
    `This file holds too much Markdown markup to format (over ${MAX_MARKUP_UNITS.toLocaleString('en')} lines, table cells and brackets outside code blocks); it is shown as plain text: split it into several files`,
    { line: firstLine, column: 1 },
    RULE.fileTooComplex,
  )
  return preformatted(body, firstLine)
}
