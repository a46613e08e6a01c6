/**
 * Element tag names swapped for the sanitize schema's own literals, after sanitising raw HTML. rehype-sanitize looks
 * a tag name up as an object key, which turns one made at run time (parse5's) into a V8 thin string, and V8 joins a
 * thin string as two-byte: the whole HTML came out two-byte (twice the bytes in the cache, slower JSON and UTF-8).
 * The HTML is the same.
 */
import type { Root, RootContent } from 'hast'
import { sanitizeSchema } from './sanitize-schema.js'

const LITERAL = new Map((sanitizeSchema.tagNames ?? []).map((name) => [name, name]))

/** Sets every element's tag name to the schema's equal literal (walked without recursion, so no depth overflows the stack). */
export function literalTagNames<T extends Root>(tree: T): T {
  const stack: Array<Root | RootContent> = [tree]
  while (stack.length) {
    const node = stack.pop()!
    if (node.type === 'element') {
      const literal = LITERAL.get(node.tagName)
      if (literal !== undefined) node.tagName = literal
    }
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
  return tree
}
