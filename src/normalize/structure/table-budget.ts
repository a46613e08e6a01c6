/**
 * A cap on the cells of one GFM table: HTML rendering pads every row to the header's width, so a 29 KB table with
 * 3,600 header cells and 3,600 one-cell rows becomes 13 million cells. Rows past the cap are kept as preformatted
 * source text right after the table, with a warning.
 */
import type { Code, Parent, Root, RootContent, Table } from 'mdast'
import type { VFile } from 'vfile'
import { RULE } from '../../constants.js'
import { report } from '../diagnostics.js'

/** Cells (rows times columns, as rendered) one table may have. */
export const MAX_TABLE_CELLS = 20_000

/** The source from `from` to the table's end as a code block, or null without positions. */
function rest(table: Table, from: number, source: string): Code | null {
  const end = table.position?.end
  const start = table.children[from]?.position?.start
  if (!end || !start || start.offset === undefined || end.offset === undefined) return null
  return { type: 'code', lang: null, meta: null, value: source.slice(start.offset, end.offset), position: { start: { ...start }, end: { ...end } } }
}

/** The table cut to the cap, followed by the rest as text; the table alone when it is within the cap. */
function capTable(table: Table, source: string, file: VFile): RootContent[] {
  const columns = Math.max(table.align?.length ?? 0, ...table.children.slice(0, 1).map((row) => row.children.length), 1)
  if (table.children.length * columns <= MAX_TABLE_CELLS) return [table]
  const keep = Math.floor(MAX_TABLE_CELLS / columns)
  const start = table.position?.start
  report(
    file,
    'warning',
    `Table has ${table.children.length} rows of ${columns} columns, over ${MAX_TABLE_CELLS.toLocaleString('en')} cells; ${keep > 0 ? `rows after the first ${keep} are` : 'it is'} shown as plain text`,
    start ? { line: start.line, column: start.column } : null,
    RULE.tableTooLarge,
  )
  const text = rest(table, keep, source)
  if (keep === 0) return text ? [text] : []
  table.children = table.children.slice(0, keep)
  return text ? [table, text] : [table]
}

/** Caps every table in the tree (tables inside lists and quotes too), in place; `source` is the text the tree was parsed from. */
export function capTables(tree: Root, source: string, file: VFile): void {
  const stack: Parent[] = [tree]
  while (stack.length) {
    const parent = stack.pop()!
    if (!parent.children.some((child) => child.type === 'table')) {
      for (const child of parent.children) if ('children' in child && child.type !== 'table') stack.push(child as Parent)
      continue
    }
    parent.children = parent.children.flatMap((child) => (child.type === 'table' ? capTable(child, source, file) : [child])) as Parent['children']
    for (const child of parent.children) if ('children' in child && child.type !== 'table') stack.push(child as Parent)
  }
}
