/**
 * Raw HTML blocks (`<h1>Issue Summary:</h1>`, `<p>...</p>`) read as the headings and paragraphs they stand for,
 * so a postmortem written in HTML inside Markdown gets the same sections, timeline and action items.
 */
import type { Heading, Html, Paragraph, RootContent } from 'mdast'
import { decodeEntities } from '../../escape-html.js'
import { htmlTableAt } from './html-tables.js'

const BLOCK_TAG = /<\/?(h[1-6]|p|li|div|tr|dt|dd|blockquote|pre|td|th|ul|ol|table|tbody|thead|section|article|body|html|hr)\b[^>]{0,2000}>/gi

/** Leading decoration that carries no content: spaces, em spaces, emoji shortcodes (`:small_orange_diamond:`). */
export function stripDecoration(text: string): string {
  return text.replace(/^(?:[\s\u2000-\u200b\u3000]|:[a-z0-9_+-]+:)+/i, '').trimEnd()
}

function inlineText(html: string): string {
  const text = decodeEntities(html.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, ''))
  return text
    .split('\n')
    .map((line) => stripDecoration(line.replace(/[ \t]+/g, ' ')))
    .filter((line) => line !== '')
    .join('\n')
}

function pointAt(node: Html, index: number): { line: number; column: number; offset: number } {
  const start = node.position?.start ?? { line: 1, column: 1, offset: 0 }
  const before = node.value.slice(0, index)
  const lines = before.split('\n')
  const last = lines[lines.length - 1] ?? ''
  return { line: start.line + lines.length - 1, column: lines.length > 1 ? last.length + 1 : start.column + last.length, offset: (start.offset ?? 0) + index }
}

/** Whether an HTML node is structure (headings, paragraphs, tables) worth reading, rather than an image or a comment. */
export function hasBlockStructure(node: Html): boolean {
  return /<(?:h[1-6]|p|li|table)\b/i.test(node.value)
}

/**
 * The headings, paragraphs and tables inside one raw HTML node, with positions in the source file; text between block
 * tags that no paragraph wraps (after `<hr>`, after a stray `<p>`) is a paragraph too.
 */
export function htmlToNodes(node: Html): RootContent[] {
  const out: RootContent[] = []
  let from = 0
  let tag = ''
  const flush = (to: number): void => {
    const inner = node.value.slice(from, to)
    const text = inlineText(inner)
    if (!text) return
    const position = { start: pointAt(node, from), end: pointAt(node, to) }
    const children = [{ type: 'text' as const, value: text, position }]
    if (/^h[1-6]$/.test(tag)) {
      const heading: Heading = { type: 'heading', depth: Number(tag[1]) as Heading['depth'], children, position }
      out.push(heading)
    } else {
      const paragraph: Paragraph = { type: 'paragraph', children, position }
      out.push(paragraph)
    }
  }
  let skipTo = 0
  for (const match of node.value.matchAll(BLOCK_TAG)) {
    if (match.index < skipTo) continue
    flush(match.index)
    tag = match[0][1] === '/' ? '' : (match[1] ?? '').toLowerCase()
    from = match.index + match[0].length
    const table = tag === 'table' ? htmlTableAt(node, match.index, (index) => pointAt(node, index)) : null
    if (table) {
      out.push(table.table)
      from = skipTo = table.end
      tag = ''
    }
  }
  flush(node.value.length)
  return out
}
