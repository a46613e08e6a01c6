/**
 * Lessons split the Google SRE way (what went well, what went wrong, where we got lucky) from sub-headings or
 * bold pseudo-headings of those names; each list item, bullet line or paragraph is one lesson.
 */
import type { RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Lessons } from '../../types.js'
import type { Block } from '../structure/blocks.js'
import { oneLine, plainText } from '../structure/plain-text.js'
import type { SectionSpan } from '../sections/sections.js'

const BULLET_LINE = /^\s*[•◦▪‣·●○■□–—*-]\s+/

function entries(node: RootContent): string[] {
  if (node.type === 'list') return node.children.map((item) => oneLine(plainText(item.children))).filter(Boolean)
  if (node.type === 'paragraph') {
    const lines = toString(node)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
    if (lines.some((l) => BULLET_LINE.test(l))) return lines.map((l) => oneLine(l.replace(BULLET_LINE, ''))).filter(Boolean)
    return [oneLine(plainText([node]))].filter(Boolean)
  }
  if (node.type === 'blockquote') return [oneLine(plainText(node.children))].filter(Boolean)
  return []
}

/** Collects the three lists; a document without such sub-headings gives three empty lists. */
export function findLessons(spans: SectionSpan[], blocks: Block[]): Lessons {
  const lessons: Lessons = { wentWell: [], wentWrong: [], gotLucky: [] }
  for (const span of spans) {
    if (!span.lesson || span.heading.kind !== 'heading') continue
    for (const block of blocks.slice(span.index + 1, span.end)) {
      if (block.kind === 'heading') break
      lessons[span.lesson].push(...(block.kind === 'field' ? [oneLine(`${block.label}: ${block.value}`)] : entries(block.node)))
    }
  }
  return lessons
}
