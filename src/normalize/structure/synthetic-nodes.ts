/** Synthetic mdast nodes for structure found outside Markdown syntax, positioned in the source file. */
import type { Heading, Paragraph, RootContent } from 'mdast'
import { parseMarkdown } from '../../markdown/parse.js'

/** A source point with the offset hast-util-raw insists on. */
export type Point = { line: number; column: number; offset: number }

/** A paragraph of plain text standing for source lines (split paragraphs, HTML paragraphs, field values). */
export function textParagraph(text: string, start: Point, end: Point): Paragraph {
  const position = { start, end }
  return { type: 'paragraph', children: [{ type: 'text', value: text, position }], position }
}

/** A heading standing for a bold, bare-line or HTML pseudo-heading. */
export function headingNode(text: string, depth: number, start: Point, end: Point): Heading {
  const position = { start, end }
  return { type: 'heading', depth: Math.min(6, Math.max(1, depth)) as Heading['depth'], children: [{ type: 'text', value: text, position }], position }
}

/** A field's value parsed as Markdown on its own line, so `code` and links render; null when it is not one paragraph. */
export function valueParagraph(value: string, line: number): Paragraph | null {
  const children = parseAt(value, line)
  return children.length === 1 && children[0]?.type === 'paragraph' ? children[0] : null
}

/** Parses a piece of the source as Markdown, its positions moved to start at `line` (offsets stay relative). */
export function parseAt(text: string, line: number): RootContent[] {
  const tree = parseMarkdown(text)
  const stack: Array<{ position?: { start: { line: number }; end: { line: number } }; children?: unknown[] }> = [tree]
  while (stack.length) {
    const node = stack.pop()!
    if (node.position) {
      node.position.start.line += line - 1
      node.position.end.line += line - 1
    }
    if (Array.isArray(node.children)) stack.push(...(node.children as typeof stack))
  }
  return tree.children
}

/** The offset where each line of `source` starts (index 0 is line 1), to turn line and column into an offset. */
export function lineStartsOf(source: string): number[] {
  const starts = [0]
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) starts.push(i + 1)
  return starts
}
