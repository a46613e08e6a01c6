/**
 * The document's own title: front matter, else the first H1 that is not a section name (also inside a
 * blockquote), else a first heading or bold line, else a short first line of plain text.
 */
import { toString } from 'mdast-util-to-string'
import type { Block } from '../structure/blocks.js'
import { oneLine } from '../structure/plain-text.js'
import { isSectionName } from '../sections/section-synonyms.js'

/** The title and the block it came from (that block is then not a section). */
export interface TitleResult {
  title: string | null
  blockIndex: number | null
}

function clean(text: string): string {
  return oneLine(text.replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')).replace(/^[*_#\s]+|[*_\s]+$/g, '')
}

function firstLineTitle(blocks: Block[]): string | null {
  const first = blocks[0]
  if (!first || first.kind !== 'content' || first.node.type !== 'paragraph') return null
  const line = clean(toString(first.node).split('\n')[0] ?? '')
  if (!line || line.length > 120 || line.split(' ').length > 14 || /[.,;!]$/.test(line) || isSectionName(line)) return null
  return line
}

/** Picks the title by the rules above; `frontMatterTitle` wins when it is a non-empty string. */
export function findTitle(blocks: Block[], frontMatterTitle: unknown): TitleResult {
  if (typeof frontMatterTitle === 'string' && frontMatterTitle.trim()) return { title: clean(frontMatterTitle), blockIndex: null }
  if (typeof frontMatterTitle === 'number') return { title: String(frontMatterTitle), blockIndex: null }
  const h1 = blocks.findIndex((b) => b.kind === 'heading' && b.depth === 1 && (b.origin === 'markdown' || b.origin === 'html') && b.text.trim() !== '' && !isSectionName(b.text))
  if (h1 >= 0) {
    const block = blocks[h1]!
    return { title: block.kind === 'heading' ? clean(block.text) : null, blockIndex: h1 }
  }
  const first = blocks[0]
  if (first?.kind === 'heading') {
    if (first.text.trim() && !isSectionName(first.text)) return { title: clean(first.text), blockIndex: 0 }
    return { title: null, blockIndex: null }
  }
  const hasHeadings = blocks.some((b) => b.kind === 'heading' && (b.origin === 'markdown' || b.origin === 'html'))
  return { title: hasHeadings ? null : firstLineTitle(blocks), blockIndex: null }
}
