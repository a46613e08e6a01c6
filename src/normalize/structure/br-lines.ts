/**
 * The lines of a paragraph as its reader sees them. A paragraph whose author broke lines with `<br>` (a wiki or
 * Google Docs export: `Description: … several\nhours.<br> Component: …`) wraps its source lines softly, so each
 * `<br>` ends a line and a newline only continues one; any other paragraph's lines are its source lines.
 */
import { allMatches } from '../all-matches.js'

/** One line of a paragraph: its text (soft wraps joined by a space), where it starts, and its span in the paragraph's text. */
export interface ParagraphLine {
  text: string
  line: number
  column: number
  from: number
  to: number
}

const BR = /<br\s*\/?>/gi

/** A `<br>` with more text after it on the same source line: the export shape, where newlines are only wraps. */
const BR_MID_LINE = /<br\s*\/?>[ \t]*[^\s<]/i

/**
 * Lines of `text`, a paragraph starting at `line` and `column` (the first line's text from the start of its source
 * line); `wrapped` when the document has Markdown headings (in plain text every newline is the author's line).
 */
export function paragraphLines(text: string, line: number, column: number, wrapped: boolean): ParagraphLine[] {
  const lines: ParagraphLine[] = []
  if (!wrapped || !BR_MID_LINE.test(text)) {
    let from = 0
    text.split('\n').forEach((piece, i) => {
      lines.push({ text: piece, line: line + i, column: i === 0 ? column : 1, from, to: from + piece.length })
      from += piece.length + 1
    })
    return lines
  }
  let from = 0
  let row = line
  let rowStart = 0
  // Moves the current source line over the newlines in text[a, b).
  const advance = (a: number, b: number): void => {
    for (let i = a; i < b; i++) {
      if (text.charCodeAt(i) !== 10) continue
      row++
      rowStart = i + 1
    }
  }
  const push = (to: number): void => {
    const raw = text.slice(from, to)
    const start = from + raw.length - raw.trimStart().length
    advance(from, start)
    const body = text.slice(start, to).trimEnd()
    const col = row === line && start === 0 ? column : start - rowStart + 1
    if (body) lines.push({ text: body.replace(/[ \t]*\n[ \t]*/g, ' '), line: row, column: col, from: start, to: start + body.length })
    advance(start, to)
  }
  for (const m of allMatches(BR, text)) {
    push(m.index)
    advance(m.index, m.index + m[0].length)
    from = m.index + m[0].length
  }
  push(text.length)
  // Each line keeps the `<br>` that ends it, so a run of lines parsed again renders as written.
  lines.forEach((l, i) => {
    let to = i + 1 < lines.length ? lines[i + 1]!.from : text.length
    while (to > l.to && /\s/.test(text[to - 1]!)) to--
    l.to = to
  })
  return lines
}
