/**
 * Lessons split the Google SRE way (what went well, what went wrong, where we got lucky) from sub-headings or
 * bold pseudo-headings of those names; each list item, bullet line, paragraph or table row is one lesson, and each
 * topic sub-section under a plain lessons heading is one.
 */
import type { RootContent, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Lessons } from '../../types.js'
import type { Block } from '../structure/blocks.js'
import { oneLine, plainText } from '../structure/plain-text.js'
import type { SectionSpan } from '../sections/sections.js'
import { isMetaLesson, topicLessons } from './lesson-topics.js'

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
  if (node.type === 'table') return tableLessons(node)
  return []
}

/** Cells that only hold a placeholder ("…", "-", "TBD"). */
const PLACEHOLDER = /^(?:[.…\-–—_?]*|tbd|n\/a|none)$/i

/** A lessons table (`Summary | Details`, `Learning | Risk`): each row's first filled cell is one lesson. */
function tableLessons(table: Table): string[] {
  return table.children.slice(1).flatMap((row) => {
    const cell = row.children.map((c) => oneLine(plainText(c.children))).find((text) => text !== '')
    return cell && !PLACEHOLDER.test(cell) ? [cell] : []
  })
}

/** Lesson entries of one block; under a plain lessons heading, a line that only introduces a list (ends in ":") is no lesson. */
function blockEntries(block: Block, bucket: keyof Lessons, sure: boolean): string[] {
  if (block.kind === 'field') return [oneLine(`${block.label}: ${block.value}`)]
  if (bucket !== 'learned') return entries(block.node)
  // A heading only read from its words ("Observations") may head prose: there only list items count as lessons.
  if (!sure && block.node.type !== 'list' && block.node.type !== 'table') return []
  return entries(block.node).filter((entry) => !entry.endsWith(':') && !isMetaLesson(entry))
}

/**
 * Collects the three lists from their sub-headings, and the lessons under a plain "Lessons learned" heading into
 * `learned`; a document without either gives four empty lists.
 */
export function findLessons(spans: SectionSpan[], blocks: Block[]): Lessons {
  const lessons: Lessons = { wentWell: [], wentWrong: [], gotLucky: [], learned: [] }
  for (const span of spans) {
    if (span.heading.kind !== 'heading') continue
    const bucket = span.lesson ?? (span.match?.key === 'lessonsLearned' ? 'learned' : null)
    if (!bucket) continue
    const sure = (span.match?.confidence ?? 0) >= 0.9
    for (const block of blocks.slice(span.index + 1, span.end)) {
      if (block.kind === 'heading') break
      lessons[bucket].push(...blockEntries(block, bucket, sure))
    }
    if (bucket === 'learned') lessons.learned.push(...topicLessons(span, blocks))
  }
  return lessons
}
