/**
 * A paragraph's text with its hard line breaks (two trailing spaces or a backslash) kept as newlines, so pseudo-bullets
 * an author put on lines of one paragraph ("•  Add an alert  ⏎ •  Rotate logs") are read one per line.
 */
import type { Paragraph, PhrasingContent, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'

/** Text of inline nodes, a hard break read as a newline. */
function inline(children: PhrasingContent[], depth: number): string {
  let out = ''
  for (const child of children) {
    if (child.type === 'break') out += '\n'
    else if ('children' in child && depth < 8) out += inline(child.children as PhrasingContent[], depth + 1)
    else out += toString(child)
  }
  return out
}

/** The text of a paragraph as its lines (soft and hard breaks alike); any other node's text as `toString` gives it. */
export function linesOf(node: RootContent): string {
  return node.type === 'paragraph' ? inline((node as Paragraph).children, 0) : toString(node)
}
