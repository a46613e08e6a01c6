/**
 * Raw HTML blocks (`<h1>Issue Summary:</h1>`, `<p>...</p>`) read as the headings and paragraphs they stand for,
 * so a postmortem written in HTML inside Markdown gets the same sections, timeline and action items.
 */
import { decodeNamedCharacterReference } from 'decode-named-character-reference'
import type { Heading, Html, Paragraph, RootContent } from 'mdast'

const BLOCK_OPEN = /<(h[1-6]|p|li|div|tr|dt|dd|blockquote|pre|td|th)\b[^>]*>/gi
const BLOCK_BOUNDARY = /<\/?(?:h[1-6]|p|li|div|tr|dt|dd|blockquote|pre|td|th|ul|ol|table|tbody|thead|section|article|body|html)\b[^>]*>/i

/** Decodes HTML character references (`&emsp;`, `&#8212;`, `&amp;`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    const named = decodeNamedCharacterReference(ref)
    return named === false ? whole : named
  })
}

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

/** Whether an HTML node is structure (headings, paragraphs) worth reading, rather than an image or a comment. */
export function hasBlockStructure(node: Html): boolean {
  return /<(?:h[1-6]|p|li)\b/i.test(node.value)
}

/** The headings and paragraphs inside one raw HTML node, with positions in the source file. */
export function htmlToNodes(node: Html): RootContent[] {
  const out: RootContent[] = []
  for (const open of node.value.matchAll(BLOCK_OPEN)) {
    const tag = (open[1] ?? 'p').toLowerCase()
    const from = open.index + open[0].length
    const rest = node.value.slice(from)
    const boundary = BLOCK_BOUNDARY.exec(rest)
    const inner = boundary ? rest.slice(0, boundary.index) : rest
    const text = inlineText(inner)
    if (!text) continue
    const position = { start: pointAt(node, open.index), end: pointAt(node, from + inner.length) }
    const children = [{ type: 'text' as const, value: text, position }]
    if (/^h[1-6]$/.test(tag)) {
      const heading: Heading = { type: 'heading', depth: Number(tag[1]) as Heading['depth'], children, position }
      out.push(heading)
    } else {
      const paragraph: Paragraph = { type: 'paragraph', children, position }
      out.push(paragraph)
    }
  }
  return out
}
