/**
 * Which reading of the timeline the record keeps: the first location that yields entries; else a plain-text fence
 * that is all the timeline section holds; else the clock times written inside an empty timeline section; else, when the document has no timeline section, the clock times
 * of its paragraphs and of its lists of labelled clock times (`from: 'prose'`), dated by the headings and lines that name only a day. A timeline section that yields nothing is a warning naming its first line.
 */
import type { RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { VFile } from 'vfile'
import { RULE } from '../../constants.js'
import { report } from '../diagnostics.js'
import type { Block } from '../structure/blocks.js'
import type { TimelineLocation } from './timeline-source.js'
import { extractProseTimeline, extractTimeline, type TimelineContext, type TimelineResult } from './timeline.js'

const NONE: TimelineResult = { entries: [], timezone: null, utcOffset: null }

/** The first non-empty line of a section, shortened, and where it is. */
function firstLine(nodes: RootContent[]): { text: string; line: number; column: number } | null {
  for (const node of nodes) {
    const first = node.type === 'list' || node.type === 'table' ? node.children[0] : node
    // A table's row is named by its cells as written (`Time | Event`), not run together.
    const written = first?.type === 'tableRow' ? first.children.map((cell) => toString(cell).trim()).join(' | ') : first ? toString(first) : ''
    const text = first
      ? written
          .split('\n')
          .find((l) => l.trim() !== '')
          ?.trim()
      : undefined
    if (text) return { text: text.length > 60 ? `${text.slice(0, 59)}…` : text, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 }
  }
  return null
}

function warnEmpty(file: VFile, location: TimelineLocation): void {
  const first = firstLine(location.nodes)
  const reason = first
    ? `Timeline section has no entry with a date or time; it starts with \`${first.text}\`. Begin each entry with its time, e.g. \`- 14:05 Alert fired\``
    : 'Timeline section is empty; list the events with their times, e.g. `- 14:05 Alert fired`'
  report(file, 'warning', reason, first ? { line: first.line, column: first.column } : null, RULE.timelineEmpty)
}

/** Reads the timeline; only the kept reading's messages reach the file. */
export function readTimeline(locations: TimelineLocation[], blocks: Block[], context: TimelineContext, file: VFile): TimelineResult {
  let last: VFile | null = null
  for (const location of locations) {
    const scratch = new VFile({ path: file.path })
    const result = extractTimeline(location.nodes, { ...context, heading: location.heading }, scratch)
    last = scratch
    if (result.entries.length === 0) continue
    file.messages.push(...scratch.messages)
    return result
  }
  if (last) file.messages.push(...last.messages)
  const section = locations.find((l) => l.kind === 'section' && l.nodes.length > 0)
  if (section) {
    const fenced = new VFile({ path: file.path })
    const inFence = extractTimeline(section.nodes, { ...context, heading: section.heading }, fenced, true)
    if (inFence.entries.length > 0) {
      file.messages.push(...fenced.messages)
      return inFence
    }
    const scratch = new VFile({ path: file.path })
    const inside = extractProseTimeline(section.nodes, { ...context, heading: section.heading }, scratch, true)
    if (inside.entries.length > 0) {
      file.messages.push(...scratch.messages)
      return inside
    }
    warnEmpty(file, section)
    return NONE
  }
  const paragraphs = blocks.flatMap((b) =>
    b.kind === 'heading' || (b.kind === 'content' && (b.node.type === 'paragraph' || b.node.type === 'blockquote' || b.node.type === 'list')) ? [b.node] : [],
  )
  const scratch = new VFile({ path: file.path })
  const prose = extractProseTimeline(paragraphs, { ...context, heading: '' }, scratch)
  if (prose.entries.length > 0) file.messages.push(...scratch.messages)
  return prose
}
