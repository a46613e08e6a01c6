/**
 * A list indented four spaces under a heading becomes an indented code block in Markdown, though its author wrote a
 * list ("What went wrong?" over `    - The alert went to an old channel`). In a document without code, such a block
 * whose every line is a list item (or an item's indented continuation) is read as the list it is, positioned in the
 * source so pages, sections, lessons and action items see a list.
 */
import type { Code, Root, RootContent } from 'mdast'
import { parseMarkdown } from '../../markdown/parse.js'
import { lineStartsOf } from './synthetic-nodes.js'

const ITEM = /^(?:[-*+]|\d{1,3}[.)])[ \t]+\S/
const CONTINUATION = /^[ \t]+\S/

/** Whether a code block is indented (no fence, no language) and holds only list items and their continuations. */
function isIndentedList(node: Code, source: string): boolean {
  const start = node.position?.start.offset
  if (start === undefined || node.lang || node.meta || !/^(?: {4}|\t)/.test(source.slice(start - (node.position!.start.column - 1), start + 4))) return false
  const lines = node.value.split('\n').filter((l) => l.trim())
  return lines.length > 0 && ITEM.test(lines[0]!) && lines.every((l) => ITEM.test(l) || CONTINUATION.test(l))
}

/** The block's lines parsed as Markdown, every point moved to where that text stands in `source`. */
function reparse(node: Code, source: string, lineStarts: number[]): RootContent[] {
  const first = node.position!.start.line
  const values = node.value.split('\n')
  // Characters the code block dropped at the start of each line (its indent), by line of the block.
  const dropped = values.map((value, i) => {
    const from = lineStarts[first - 1 + i] ?? source.length
    const end = lineStarts[first + i] ?? source.length + 1
    const line = source.slice(from, end - 1).replace(/\r$/, '')
    return Math.max(0, line.length - value.length)
  })
  const children = parseMarkdown(node.value).children
  const stack: unknown[] = [...children]
  while (stack.length) {
    const item = stack.pop() as { position?: { start: Point; end: Point }; children?: unknown[] }
    if (item.position) for (const point of [item.position.start, item.position.end]) move(point)
    if (Array.isArray(item.children)) stack.push(...item.children)
  }
  return children

  function move(point: Point): void {
    const at = point.line - 1
    point.column += dropped[at] ?? 0
    point.line += first - 1
    point.offset = Math.min(source.length, (lineStarts[point.line - 1] ?? source.length) + point.column - 1)
  }
}

type Point = { line: number; column: number; offset?: number | undefined }

/** Replaces indented list-like code blocks that follow a heading with the lists they are, when the document has no other code. */
export function readIndentedLists(tree: Root, source: string): void {
  const codes = tree.children.filter((n): n is Code => n.type === 'code')
  if (codes.length === 0 || !codes.every((c) => isIndentedList(c, source))) return
  if (!tree.children.some((n) => n.type === 'heading')) return
  const lineStarts = lineStartsOf(source)
  let seenHeading = false
  tree.children = tree.children.flatMap((node) => {
    if (node.type === 'heading') seenHeading = true
    return node.type === 'code' && seenHeading ? reparse(node, source, lineStarts) : [node]
  })
}
