/**
 * A `heading` handler for remark-rehype whose tag names are string literals. The default handler makes `'h' + depth`,
 * which rehype-sanitize's schema lookups turn into a V8 thin string; a thin string counts as two-byte, so every piece
 * of HTML joined with it came out two-byte (twice the bytes in the cache, slower JSON and UTF-8). Same HTML.
 */
import { defaultHandlers } from 'remark-rehype'

type HeadingHandler = typeof defaultHandlers.heading

const HEADING_TAGS: readonly string[] = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6']

/** The default handler's element, its computed tag name swapped for the equal literal. */
export const literalHeading: HeadingHandler = (state, node) => {
  const element = defaultHandlers.heading(state, node)
  const literal = HEADING_TAGS[node.depth - 1]
  if (literal !== undefined && element.tagName === literal) element.tagName = literal
  return element
}
