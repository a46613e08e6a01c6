/**
 * A blog post's publication line above the report ("_Published 2024-10-02 by the Platform team_", "Posted on March 3,
 * 2024"): the day the report was published, never the day of the incident its prose goes on to name.
 */
import type { Block } from './blocks.js'
import { plainText } from './plain-text.js'
import { findDates, formatDate } from '../time/datetime.js'

const BYLINE = /^(?:(?:first |originally )?(?:published|posted|written|updated|last updated)(?: on| at)?|date published|publication date)\b[\s:]/i
/** The lines that say when the report came out (an update line says when it last changed, not that). */
const PUBLISHED = /^(?:(?:first |originally )?(?:published|posted|written)|date published|publication date)\b/i
/** A byline is one short line; a paragraph that goes on is prose that happens to start with the word. */
const MAX_BYLINE = 160
/** Paragraphs looked at under the title: a byline sits right there, not among a status page's "Posted …" lines. */
const MAX_PARAGRAPHS = 2

/** Whether a paragraph's text is a publication or update line. */
export function isByline(text: string): boolean {
  const line = text.trim()
  return line.length <= MAX_BYLINE && BYLINE.test(line)
}

/** The day a publication line right under the title states (`YYYY-MM-DD`), or null. */
export function bylineDate(blocks: Block[]): string | null {
  let paragraphs = 0
  for (const [index, block] of blocks.entries()) {
    if (block.kind === 'heading' && index > 0) return null
    if (block.kind !== 'content' || block.node.type !== 'paragraph') continue
    if (++paragraphs > MAX_PARAGRAPHS) return null
    const text = plainText([block.node]).trim()
    if (!isByline(text) || !PUBLISHED.test(text)) continue
    const day = findDates(text, {}).find((d) => d.year !== null && !d.ambiguous)
    return day?.year != null ? formatDate({ year: day.year, month: day.month, day: day.day }) : null
  }
  return null
}
