/**
 * Markdown (CommonMark + GFM) to mdast. GFM's constructs are what remark-gfm loads, but each is enabled only for a
 * text that holds the character it cannot occur without: tables and autolink literals alone triple micromark's time
 * on a typical postmortem, and most files (and most one-line re-parses) need neither. The tree is the same either way.
 */
import type { Root } from 'mdast'
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

/** GFM's parts in remark-gfm's order, each with the test a text must pass for the part to possibly apply. */
const PARTS = [
  { could: (t: string) => /www\.|https?:\/\/|@/i.test(t), syntax: gfmAutolinkLiteral(), tree: gfmAutolinkLiteralFromMarkdown() },
  { could: (t: string) => t.includes('[^'), syntax: gfmFootnote(), tree: gfmFootnoteFromMarkdown() },
  { could: (t: string) => t.includes('~'), syntax: gfmStrikethrough(), tree: gfmStrikethroughFromMarkdown() },
  { could: (t: string) => t.includes('|'), syntax: gfmTable(), tree: gfmTableFromMarkdown() },
  { could: (t: string) => /\[[ xX]\]/.test(t), syntax: gfmTaskListItem(), tree: gfmTaskListItemFromMarkdown() },
]

const parsers = new Map<number, Processor<Root>>()

function parserFor(mask: number): Processor<Root> {
  let parser = parsers.get(mask)
  if (!parser) {
    const parts = PARTS.filter((_, i) => mask & (1 << i))
    parser = parts.length === PARTS.length ? (unified().use(remarkParse).use(remarkGfm).freeze() as unknown as Processor<Root>) : unified()
      .use(remarkParse)
      .use(function gfmParts(this: Processor) {
        const data = this.data()
        ;(data.micromarkExtensions ??= []).push(...parts.map((p) => p.syntax))
        ;(data.fromMarkdownExtensions ??= []).push(...parts.map((p) => p.tree))
      })
      .freeze() as unknown as Processor<Root>
    parsers.set(mask, parser)
  }
  return parser
}

/** Parses Markdown (GFM) into an mdast tree with positions; never throws on content. */
export function parseMarkdown(text: string): Root {
  let mask = 0
  PARTS.forEach((part, i) => {
    if (part.could(text)) mask |= 1 << i
  })
  return parserFor(mask).parse(text)
}
