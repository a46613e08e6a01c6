import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import type { Root } from 'mdast'

const parser = unified().use(remarkParse).use(remarkGfm).freeze()

/** Parses Markdown (GFM) into an mdast tree with positions; never throws on content. */
export function parseMarkdown(text: string): Root {
  return parser.parse(text)
}
