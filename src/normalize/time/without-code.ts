/**
 * The body with its pasted machine text blanked: every line of a fenced code block, and the log and HTTP-header lines
 * of an indented one (a report indented as a whole renders as code, yet is the author's prose), so that dates, years
 * and zones are read from what the author wrote, never from logs or headers; line numbers stay where they were.
 */
import type { Code, Root, RootContent } from 'mdast'

/** Code blocks looked at, at most (each blanks its own lines once). */
const MAX_BLOCKS = 2_000
/**
 * A line of machine output: a log line opening with a stamp that has seconds (`2019-06-01T03:15:22Z ERROR …`,
 * `[2019/03/07 21:07:55] …`), or an HTTP or mail header (`Date: Sat, 01 Jun 2019 03:15:22 GMT`, `Last-Modified: …`).
 */
const MACHINE_LINE =
  /^\s*(?:\[?\d{4}[-/.]\d{2}[-/.]\d{2}[T ]\d{2}:\d{2}:\d{2}|\[?\d{2}:\d{2}:\d{2}[.,]\d+|(?:Date|Expires|Last-Modified|If-Modified-Since|Retry-After|Received|X-[\w-]+):\s{1,4}\w{3},\s{1,4}\d)/

/** A fence's opening line. */
const FENCE = /^ {0,3}(?:`{3,}|~{3,})/
/** The markers of a blockquote (and of quotes nested in it) before a line's content: `> `, `>>`, `  > > `. */
const QUOTE_MARKERS = /^(?: {0,3}> ?)+/

/**
 * `true` for a fenced code block (its first line in `lines`, the body's lines, is a fence, inside a blockquote's
 * markers too), `false` for an indented one.
 */
export function isFenced(node: Code, lines: string[]): boolean {
  const line = node.position?.start.line
  return line === undefined || FENCE.test((lines[line - 1] ?? '').replace(QUOTE_MARKERS, ''))
}

/** `node` without the fenced code blocks inside it (in a blockquote or a list item): the author's words around pasted output. */
export function withoutFencedCode<T extends RootContent>(node: T, lines: string[], depth = 0): T | null {
  if (node.type === 'code') return isFenced(node, lines) ? null : node
  if (depth > 8 || !('children' in node) || !Array.isArray(node.children) || !node.children.some((c) => 'children' in c || c.type === 'code')) return node
  const children = (node.children as RootContent[]).flatMap((c) => withoutFencedCode(c, lines, depth + 1) ?? [])
  return children.length === node.children.length && children.every((c, i) => c === (node.children as RootContent[])[i]) ? node : { ...node, children }
}

/** `body` with fenced code lines and indented code's machine lines emptied; `body` itself when it has no code. */
export function withoutCode(body: string, tree: Root): string {
  const lines = body.split('\n')
  const spans: Array<{ from: number; to: number; fenced: boolean }> = []
  const walk = (nodes: Root['children'], depth: number): void => {
    for (const node of nodes) {
      if (spans.length >= MAX_BLOCKS || depth > 8) return
      if (node.type === 'code' && node.position) spans.push({ from: node.position.start.line, to: node.position.end.line, fenced: isFenced(node, lines) })
      else if ('children' in node && Array.isArray(node.children)) walk(node.children as Root['children'], depth + 1)
    }
  }
  walk(tree.children, 0)
  if (spans.length === 0) return body
  for (const { from, to, fenced } of spans) {
    for (let line = from; line <= to && line <= lines.length; line++)
      if (fenced || MACHINE_LINE.test(lines[line - 1]!.replace(QUOTE_MARKERS, ''))) lines[line - 1] = ''
  }
  return lines.join('\n')
}
