/**
 * Kramdown attribute lists (`{: .table.table-striped }`, `{:#id}`, `{: style="..."}`) taken out of the mdast. Jekyll
 * authors put one on the line after a block to style it; GFM knows no such thing and reads it as one more table row
 * or as a paragraph, so it would show up in the page, the sections and the timeline.
 */
import type { Parent, Root, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'

/** One kramdown inline or block attribute list, alone on its line (also an attribute definition, `{:name: .class}`). */
export const KRAMDOWN_IAL = /^\{:[^{}\n]*\}$/

const isAttributes = (text: string): boolean => KRAMDOWN_IAL.test(text.trim())

/** Drops body rows whose first cell is an attribute list and whose other cells are empty; the table then ends at its last row. */
function cleanTable(table: Table): void {
  const [header, ...body] = table.children
  if (!header) return
  const rows = body.filter((row) => {
    const [first, ...rest] = row.children
    return !(first && isAttributes(toString(first)) && rest.every((cell) => toString(cell).trim() === ''))
  })
  if (rows.length === body.length) return
  table.children = [header, ...rows]
  const end = table.children[table.children.length - 1]?.position?.end
  if (table.position && end) table.position.end = { ...end }
}

function clean(parent: Parent): void {
  parent.children = parent.children.filter((node) => !(node.type === 'paragraph' && isAttributes(toString(node))))
  for (const node of parent.children) {
    if (node.type === 'table') cleanTable(node)
    else if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading') clean(node as Parent)
  }
}

/**
 * Removes kramdown attribute rows from tables and attribute-list paragraphs from the whole tree (lists and quotes
 * included), in place, and returns the tree; run it right after parsing, before anything reads the tree.
 */
export function removeKramdownAttributes(tree: Root): Root {
  clean(tree)
  return tree
}
