/**
 * Markdown (CommonMark + GFM) to mdast. GFM's constructs are what remark-gfm loads, but each is enabled only for a
 * text that holds the character it cannot occur without: tables and autolink literals alone triple micromark's time
 * on a typical postmortem, and most files (and most one-line re-parses) need neither: tables need a delimiter row,
 * e-mail literals an address. The tree is the same either way.
 */
import type { Paragraph, Root } from 'mdast'
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal'
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote'
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item'
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal'
import { gfmFootnote } from 'micromark-extension-gfm-footnote'
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough'
import { gfmTable } from 'micromark-extension-gfm-table'
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified, type Processor } from 'unified'

/** `www.` or a URL's scheme: what a URL or www literal autolink starts with. */
const URL_LITERAL = /www\.|https?:\/\//i

/** An e-mail literal's local part touching its `@` and a domain character after it: no e-mail literal without one. */
const EMAIL_LITERAL = /[\w+.-]@[\w-]/

type SyntaxExtension = ReturnType<typeof gfmAutolinkLiteral>
type ConstructRecord = NonNullable<SyntaxExtension['text']>

/**
 * Literal autolinks without the e-mail construct, which micromark tries at the start of every word of text: for a
 * text with URLs and no e-mail address (most postmortems), that try is a sixth of parsing time and never matches.
 */
function urlLiteralsOnly(full: SyntaxExtension): SyntaxExtension {
  const text: Record<string, unknown> = {}
  for (const [code, value] of Object.entries(full.text ?? {})) {
    const kept = (Array.isArray(value) ? value : [value]).filter((construct) => construct?.name !== 'emailAutolink')
    if (kept.length) text[code] = kept.length === 1 ? kept[0] : kept
  }
  return { text: text as ConstructRecord }
}

/**
 * Whether some line could be a GFM table's delimiter row (`|---|:--:|`, `--|--`, `:-:`): after any container prefix
 * (blockquote marks, indentation), nothing but `|`, `:`, `-` and blanks, with a `-`. No table forms without one, so
 * a `|` alone (a shell pipe, a title's separator) no longer turns on the table construct micromark tries at every line.
 * Linear: each line is read once, found from one of its hyphens.
 */
export function mayHoldDelimiterRow(text: string): boolean {
  for (let dash = text.indexOf('-'); dash >= 0;) {
    let start = dash
    while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--
    let end = dash
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++
    let i = start
    while (i < end && (text[i] === ' ' || text[i] === '\t' || text[i] === '>')) i++
    while (i < end && (text[i] === ' ' || text[i] === '\t' || text[i] === '|' || text[i] === ':' || text[i] === '-')) i++
    if (i === end) return true
    dash = text.indexOf('-', end)
  }
  return false
}

const autolinks = gfmAutolinkLiteral()
const autolinkTree = gfmAutolinkLiteralFromMarkdown()

/**
 * GFM's parts in remark-gfm's order, each with the test a text must pass for the part to possibly apply. Literal
 * autolinks come in two forms, all of them or URLs only; a text gets at most one (see `partsMask`).
 */
const PARTS = [
  { could: (t: string) => EMAIL_LITERAL.test(t), syntax: autolinks, tree: autolinkTree },
  { could: (t: string) => URL_LITERAL.test(t), syntax: urlLiteralsOnly(autolinks), tree: autolinkTree },
  { could: (t: string) => t.includes('[^'), syntax: gfmFootnote(), tree: gfmFootnoteFromMarkdown() },
  { could: (t: string) => t.includes('~'), syntax: gfmStrikethrough(), tree: gfmStrikethroughFromMarkdown() },
  { could: mayHoldDelimiterRow, syntax: gfmTable(), tree: gfmTableFromMarkdown() },
  { could: (t: string) => /\[[ xX]\]/.test(t), syntax: gfmTaskListItem(), tree: gfmTaskListItemFromMarkdown() },
]

/** Every part, with all literal autolinks: what remark-gfm itself loads. */
const ALL_PARTS = (1 << PARTS.length) - 1 - 2

/** The parts a text could need, as bits of PARTS; URL-only autolinks only when the full set is not needed. */
function partsMask(text: string): number {
  let mask = 0
  PARTS.forEach((part, i) => {
    if ((i !== 1 || !(mask & 1)) && part.could(text)) mask |= 1 << i
  })
  return mask
}

const parsers = new Map<number, Processor<Root>>()

function parserFor(mask: number): Processor<Root> {
  let parser = parsers.get(mask)
  if (!parser) {
    const parts = PARTS.filter((_, i) => mask & (1 << i))
    parser =
      mask === ALL_PARTS
        ? (unified().use(remarkParse).use(remarkGfm).freeze() as unknown as Processor<Root>)
        : (unified()
            .use(remarkParse)
            .use(function gfmParts(this: Processor) {
              const data = this.data()
              ;(data.micromarkExtensions ??= []).push(...parts.map((p) => p.syntax))
              ;(data.fromMarkdownExtensions ??= []).push(...parts.map((p) => p.tree))
            })
            .freeze() as unknown as Processor<Root>)
    parsers.set(mask, parser)
  }
  return parser
}

/**
 * Text micromark would read as one paragraph of plain text: every line starts with a letter or digit (no block can
 * open there, bar an ordered list, ruled out below), ends without white space, and holds no character that starts
 * inline syntax, an entity, an escape or a GFM construct. Most field values and split lines are like this.
 */
const PLAIN_LINE = /^[\p{L}\p{N}](?:[^\x00-\x1f\x7f\\`*_[\]<>!&~|@#]*[^\s\\`*_[\]<>!&~|@#])?$/u
/** An ordered list item's start: up to nine digits, `.` or `)`, then a blank or the line's end ('09.04.2022' is none). */
const LIST_START = /^\d{1,9}[.)](?:[ \t]|$)/

/** The tree micromark builds for plain text (see PLAIN_LINE), built directly, as a full parse of a short line costs far more than the line. */
function plainParagraph(text: string): Root | null {
  if (text.length === 0 || text.length > 4000 || URL_LITERAL.test(text)) return null
  const lines = text.split('\n')
  for (const line of lines) if (!PLAIN_LINE.test(line) || LIST_START.test(line)) return null
  const end = { line: lines.length, column: lines[lines.length - 1]!.length + 1, offset: text.length }
  const position = () => ({ start: { line: 1, column: 1, offset: 0 }, end: { ...end } })
  return {
    type: 'root',
    children: [{ type: 'paragraph', children: [{ type: 'text', value: text, position: position() }], position: position() }],
    position: position(),
  }
}

/**
 * One line made of a bold label and plain text (see PLAIN_LINE): `**Date**: 2024-05-01`, `**Impact:** users`, `**Root
 * cause**`. The label starts and ends with a letter or digit, or ends with a colon and a space follows the closing
 * `**`, so the opening run can only open and the closing run can only close: micromark reads one strong node.
 */
const BOLD_LABEL =
  /^\*\*(?:([\p{L}\p{N}](?:[^\x00-\x1f\x7f\\`*_[\]<>!&~|@#]*[\p{L}\p{N}])?)\*\*(:(?:[^\x00-\x1f\x7f\\`*_[\]<>!&~|@#]*[^\s\\`*_[\]<>!&~|@#])?)?|([\p{L}\p{N}][^\x00-\x1f\x7f\\`*_[\]<>!&~|@#]*:)\*\*( [^\x00-\x1f\x7f\\`*_[\]<>!&~|@#]*[^\s\\`*_[\]<>!&~|@#])?)$/u

/** The tree micromark builds for a bold label line (see BOLD_LABEL), built directly: such lines are re-read as fields. */
function boldLabelParagraph(text: string): Root | null {
  if (text.length > 4000 || !text.startsWith('**') || URL_LITERAL.test(text)) return null
  const m = BOLD_LABEL.exec(text)
  if (!m) return null
  const label = m[1] ?? m[3]!
  const rest = m[2] ?? m[4] ?? ''
  const at = (offset: number) => ({ line: 1, column: offset + 1, offset })
  const span = (from: number, to: number) => ({ start: at(from), end: at(to) })
  const strongEnd = label.length + 4
  const children: Paragraph['children'] = [
    { type: 'strong', children: [{ type: 'text', value: label, position: span(2, label.length + 2) }], position: span(0, strongEnd) },
  ]
  if (rest) children.push({ type: 'text', value: rest, position: span(strongEnd, text.length) })
  return { type: 'root', children: [{ type: 'paragraph', children, position: span(0, text.length) }], position: span(0, text.length) }
}

/** Parses Markdown (GFM) into an mdast tree with positions; never throws on content. */
export function parseMarkdown(text: string): Root {
  const plain = plainParagraph(text) ?? boldLabelParagraph(text)
  if (plain) return plain
  return parserFor(partsMask(text)).parse(text)
}
