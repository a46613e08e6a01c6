/**
 * Plain source lines out of mdast nodes, each with its source position: paragraph lines (soft breaks, `<br>`),
 * and the lines of a raw HTML block with tags stripped and entities decoded.
 */
import type { Html, Paragraph, PhrasingContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { parseMarkdown } from '../../markdown/parse.js'

/** One line of plain text and where it starts in the source. */
export interface TextLine {
  text: string
  line: number
  column: number
  /** Set on the text of an HTML heading tag. */
  heading?: boolean
}

const MAX_LINES = 20_000
/** Names of the HTML tags a line's text is written with (`<b>`, `<code>`, `<br>`), as a regex alternation. */
export const MARKUP_TAGS = 'a|abbr|b|br|code|del|details|div|em|font|i|img|ins|kbd|mark|p|s|small|span|strong|sub|summary|sup|u'
/** Inline HTML that is markup; anything else in angle brackets (`<ann>` in a chat line) is kept as text. */
const KNOWN_TAG = new RegExp(`^<(?:\\/?(?:${MARKUP_TAGS})\\b|!--)`, 'i')

function walkInline(nodes: PhrasingContent[], lines: TextLine[], depth: number): void {
  for (const node of nodes) {
    if (lines.length > MAX_LINES) return
    const last = lines[lines.length - 1]!
    const start = node.position?.start
    if (node.type === 'text') {
      const parts = node.value.split('\n')
      last.text += parts[0]
      for (let i = 1; i < parts.length; i++) lines.push({ text: parts[i]!, line: (start?.line ?? last.line) + i, column: 1 })
    } else if (node.type === 'inlineCode') {
      last.text += node.value
    } else if (node.type === 'break') {
      lines.push({ text: '', line: node.position?.end.line ?? last.line + 1, column: 1 })
    } else if (node.type === 'html') {
      if (/^<br\b/i.test(node.value)) lines.push({ text: '', line: start?.line ?? last.line, column: 1 })
      else if (!KNOWN_TAG.test(node.value)) last.text += node.value
    } else if ('children' in node && depth < 50) {
      walkInline(node.children as PhrasingContent[], lines, depth + 1)
    }
  }
}

/** The lines of a paragraph as plain text (emphasis, links and code unwrapped; footnote marks and images dropped). */
export function paragraphLines(node: Paragraph): TextLine[] {
  const start = node.position?.start
  const lines: TextLine[] = [{ text: '', line: start?.line ?? 1, column: start?.column ?? 1 }]
  walkInline(node.children, lines, 0)
  return lines.map((l) => ({ ...l, text: l.text.trim() })).filter((l) => l.text !== '')
}

function decode(text: string): string {
  if (!text.includes('&')) return text
  return toString(parseMarkdown(text.replace(/[\\`*_[\]<>#]/g, '\\$&')))
}

/** The lines of a raw HTML block as text: block tags and `<br>` end lines, other tags dropped, entities decoded. */
export function htmlLines(node: Html): TextLine[] {
  const startLine = node.position?.start.line ?? 1
  const out: TextLine[] = []
  const lines = node.value.split('\n')
  for (let i = 0; i < lines.length && out.length < MAX_LINES; i++) {
    const marked = lines[i]!.replace(/<(h[1-6])\b[^>]{0,500}>/gi, '\n\u0001').replace(/<\/?(?:p|div|li|tr|td|th|h[1-6]|br|ul|ol|table)\b[^>]{0,500}>/gi, '\n')
    for (const part of marked.split('\n')) {
      const heading = part.startsWith('\u0001')
      const text = decode(part.replace(/^\u0001/, '').replace(/<[^>]{0,500}>/g, '')).trim()
      if (text) out.push(heading ? { text, line: startLine + i, column: 1, heading } : { text, line: startLine + i, column: 1 })
    }
  }
  return out
}
