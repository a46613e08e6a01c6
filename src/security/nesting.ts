import { RULE } from '../constants.js'
import { problem } from '../normalize/diagnostics.js'
import type { Diagnostic } from '../types.js'

/** Most list and quote markers one line may open; deeper nesting makes the Markdown parser slow and recursive code overflow. */
export const MAX_NESTING = 32

/** Widest leading indentation (among and before list and quote markers) a line keeps, in columns. */
export const MAX_INDENT_COLUMNS = 100

const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/
const MARKER = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/

/**
 * One line with its container prefix bounded: indentation past the column limit is dropped, and the first marker
 * past the nesting limit is backslash-escaped so it and the rest of the line read as text. `null` when within limits.
 */
function boundLine(line: string): { line: string; column: number } | null {
  let kept = ''
  let i = 0
  let column = 0
  let markers = 0
  let firstCut: number | null = null
  let afterMarker = false
  while (i < line.length) {
    const ch = line[i] as string
    if (ch === ' ' || ch === '\t') {
      const next = ch === '\t' ? column + 4 - (column % 4) : column + 1
      if (next > MAX_INDENT_COLUMNS && !afterMarker) firstCut ??= column + 1
      else {
        kept += ch
        column = next
      }
      afterMarker = false
      i++
      continue
    }
    const marker = MARKER.exec(line.slice(i, i + 11))
    if (!marker) break
    if (++markers > MAX_NESTING) {
      firstCut ??= column + 1
      const rest = line.slice(i)
      return { line: kept + (/^\d/.test(rest) ? rest.replace(/^(\d+)([.)])/, '$1\\$2') : `\\${rest}`), column: firstCut }
    }
    kept += marker[0]
    column += marker[0].length
    i += marker[0].length
    afterMarker = true
  }
  return firstCut === null ? null : { line: kept + line.slice(i), column: firstCut }
}

/**
 * Bounds how deeply one line may nest lists and block quotes, and how far it may be indented, before Markdown is
 * parsed: the parser's cost grows with depth times indentation on every line (10,000 nested levels take minutes and
 * overflow the stack when rendered). One warning names the first line that was changed.
 */
export function limitNesting(text: string): { text: string; diagnostics: Diagnostic[] } {
  const lines = text.split('\n')
  let first: { line: number; column: number } | null = null
  let count = 0
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] as string
    if (line.length <= MAX_INDENT_COLUMNS / 4 || THEMATIC_BREAK.test(line)) continue
    const bounded = boundLine(line)
    if (bounded === null) continue
    lines[n] = bounded.line
    first ??= { line: n + 1, column: bounded.column }
    count++
  }
  if (first === null) return { text, diagnostics: [] }
  const more = count > 1 ? ` (and ${count - 1} more lines)` : ''
  return {
    text: lines.join('\n'),
    diagnostics: [
      problem(
        'warning',
        `Line nests lists or quotes deeper than ${MAX_NESTING} levels or is indented more than ${MAX_INDENT_COLUMNS} columns${more}; the excess is read as plain text, so flatten it`,
        RULE.nestingTooDeep,
        first,
      ),
    ],
  }
}
