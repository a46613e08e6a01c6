/**
 * A raw HTML `<table>` (a Confluence or Google Docs export, a table written as HTML inside Markdown) read as the mdast
 * table it stands for, so its rows reach the same metadata, timeline and action-item readers as a Markdown table's.
 */
import type { Html, PhrasingContent, Table, TableCell, TableRow } from 'mdast'
import { decodeEntities } from '../../escape-html.js'

/** Rows and cells read from one table, so a table pasted from a spreadsheet stays cheap. */
const MAX_ROWS = 2_000
const MAX_CELLS = 40
const ROW = /<tr\b[^>]{0,2000}>([\s\S]*?)(?=<tr\b|<\/tr\s*>|<\/t(?:able|body|head|foot)\s*>|$)/gi
const CELL = /<t([dh])\b[^>]{0,2000}>([\s\S]*?)(?=<t[dh]\b|<\/t[dh]\s*>|<\/tr\s*>|$)/gi

/** Where a point of the HTML node's value sits in the source file. */
export type PointAt = (index: number) => { line: number; column: number; offset: number }

/** A cell's inline content: its text, tags stripped and entities decoded, with each `<br>` kept as the break it was. */
function cellChildren(html: string, at: { line: number; column: number; offset: number }): PhrasingContent[] {
  const position = { start: at, end: at }
  const parts = html.split(/<br\s*\/?>/i).map((part) =>
    decodeEntities(part.replace(/<[^>]*>/g, ''))
      .replace(/\s+/g, ' ')
      .trim(),
  )
  const out: PhrasingContent[] = []
  for (const [i, part] of parts.entries()) {
    if (i > 0) out.push({ type: 'html', value: '<br>', position })
    if (part) out.push({ type: 'text', value: part, position })
  }
  return out
}

/**
 * The table whose `<table>` tag starts at `from` in `node.value`, and the index just past its `</table>`; null for a
 * table without its end tag or with another table inside (those keep the paragraph reading).
 */
export function htmlTableAt(node: Html, from: number, pointAt: PointAt): { table: Table; end: number } | null {
  const close = /<\/table\s*>/gi
  close.lastIndex = from
  const end = close.exec(node.value)
  if (!end) return null
  const inner = node.value.slice(from, end.index)
  if (/<table\b/i.test(inner.slice(6))) return null
  const rows: TableRow[] = []
  for (const row of inner.matchAll(ROW)) {
    if (rows.length >= MAX_ROWS) break
    const rowAt = from + row.index
    const cells: TableCell[] = []
    for (const cell of row[1]!.matchAll(CELL)) {
      if (cells.length >= MAX_CELLS) break
      const cellAt = pointAt(rowAt + row[0].indexOf(cell[0]))
      cells.push({ type: 'tableCell', children: cellChildren(cell[2]!, cellAt), position: { start: cellAt, end: cellAt } })
    }
    if (cells.length > 0) rows.push({ type: 'tableRow', children: cells, position: { start: pointAt(rowAt), end: pointAt(rowAt + row[0].length) } })
  }
  if (rows.length === 0) return null
  const table: Table = { type: 'table', align: [], children: rows, position: { start: pointAt(from), end: pointAt(end.index + end[0].length) } }
  return { table, end: end.index + end[0].length }
}
