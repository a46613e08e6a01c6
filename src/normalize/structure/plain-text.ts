/** Plain text of mdast nodes with the line breaks a reader expects (one line per list item or table row). */
import type { Nodes, RootContent, TableCell } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { stripDecoration } from './html-blocks.js'
import { collapseSpaces } from '../collapse-spaces.js'

function nodeText(node: Nodes): string {
  switch (node.type) {
    case 'list':
      return node.children.map((item) => nodeText(item)).join('\n')
    case 'listItem':
      return node.children.map((child) => nodeText(child)).join('\n')
    case 'table':
      return node.children.map((row) => row.children.map((cell) => toString(cell).trim()).join(' | ')).join('\n')
    case 'code':
      return node.value
    case 'html':
      return ''
    case 'definition':
    case 'footnoteDefinition':
      return ''
    case 'blockquote':
    case 'root':
      return node.children
        .map((child) => nodeText(child))
        .filter(Boolean)
        .join('\n\n')
    default:
      return 'children' in node ? phrasingText(node.children) : toString(node, { includeImageAlt: false })
  }
}

/** Text of inline nodes, a hard line break (two trailing spaces or a backslash) kept as a line break, not dropped. */
function phrasingText(children: RootContent[]): string {
  let out = ''
  for (const child of children) {
    if (child.type === 'break') out += '\n'
    else if ('children' in child && child.type !== 'list' && child.type !== 'table') out += phrasingText(child.children as RootContent[])
    else out += nodeText(child)
  }
  return out
}

/** Plain text of block nodes, paragraphs separated by a blank line, decoration stripped from each line. */
export function plainText(nodes: RootContent[]): string {
  return nodes
    .map((n) => nodeText(n))
    .filter((t) => t.trim() !== '')
    .join('\n\n')
    .split('\n')
    .map((line) => stripDecoration(line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** One line of plain text: whitespace collapsed. */
export function oneLine(text: string): string {
  return collapseSpaces(text).trim()
}

const LINE_BREAK_TAG = /^<br\s*\/?>$/i

/** A table cell's text on one line: a `<br>` is a space between its lines, other inline HTML tags are dropped. */
export function cellText(cell: TableCell): string {
  const text = cell.children.some((c) => c.type === 'html')
    ? cell.children.map((c) => (c.type === 'html' ? (LINE_BREAK_TAG.test(c.value.trim()) ? ' ' : '') : toString(c, { includeHtml: false }))).join('')
    : toString(cell)
  return oneLine(text)
}

/** Shortens text to at most `max` characters at a word boundary, marking the cut with an ellipsis. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`
}
