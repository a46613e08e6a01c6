/**
 * Timelines that no canonical heading announces: a run of sibling headings that each open with a stamp (a status
 * log, `### Update 27.08.2022 10:00`, `## 01.10.2025 - 08:00`), and headings that name a timeline in other words
 * or languages (`Events Timeline`, `Chronologie`, `タイムライン`).
 */
import { toString } from 'mdast-util-to-string'
import type { Block, HeadingBlock } from '../structure/blocks.js'
import { readStamp } from './timeline-stamp.js'

/**
 * A status word before an update's stamp (`Update 27.08.2022 10:00`, `Posted: 10:05`, `**Resolved** - Aug 28, 14:20 UTC`),
 * in the languages seen, bold or not; a month or weekday name may open the stamp.
 */
export const STATUS_LEAD =
  /^[*_]{0,2}(?:updated?|status(?: update)?|posted|edit(?:ed)?|aktualisierung|nachtrag|mise à jour|actualización|actualizacion|更新|resolved|investigating|identified|monitoring|completed|scheduled|verifying)[*_]{0,2}\s{0,3}[:\-–—]?\s{0,3}(?=\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)\p{L}{0,7}\.?,?\s{1,3}\d)/iu

/** A status page's state named by a lead (`Resolved - Aug 28, 14:20`): the update's words keep it, as in `Resolved - …`. */
const STATE_WORD = /resolved|investigating|identified|monitoring|completed|scheduled|verifying/i

/** The state a line's status lead names, capitalised as a label (`Resolved`), or null (none, or only `Update`/`Posted`). */
export function statusLeadState(text: string): string | null {
  const lead = STATUS_LEAD.exec(text)
  const state = lead ? STATE_WORD.exec(lead[0]) : null
  return state ? state[0].charAt(0).toUpperCase() + state[0].slice(1).toLowerCase() : null
}

/** A status page's label before an update's words ("Resolved - This incident has been resolved."). */
export const STATUS_LABEL = /^\s*[*_]{0,2}(?:resolved|investigating|identified|monitoring|update|completed|scheduled)[*_]{0,2}\s*[-–—]\s+(?=\p{L})/iu

/** A status page's label on a line of its own, its update's words on the next line ("Resolved" then "This incident has been resolved."). */
export const STATUS_WORD_LINE =
  /^\s*[*_]{0,2}(?:resolved|investigating|identified|monitoring|update|completed|scheduled|verifying|postmortem)[*_]{0,2}\s*:?\s*$/i

/** Words that name a timeline inside a longer heading, in English and the other languages postmortems use. */
const TIMELINE_WORD =
  /\b(?:timeline|time line|chronology|sequence of events|zeitleiste|zeitablauf|zeitlicher ablauf|chronologie|déroulement|cronolog[ií]a|línea de tiempo)\b|タイムライン|時系列|経緯/iu

/** Whether a heading names a timeline anywhere in its words. */
export function namesTimeline(heading: string): boolean {
  return TIMELINE_WORD.test(heading.slice(0, 300))
}

/** Whether a heading opens with a date or time (after a status word). */
export function isStampHeading(text: string): boolean {
  const stamp = readStamp(text.replace(STATUS_LEAD, ''), {})
  return stamp !== null && (stamp.time !== null || stamp.date !== null) && !stamp.invalidTime
}

/** A run of at least two sibling headings that open with stamps: the block range it covers and its parent heading. */
export interface HeadingRun {
  from: number
  to: number
  parent: HeadingBlock | null
}

/** The first run of stamp headings at one depth (other headings of that depth end it; deeper ones may sit inside). */
export function findHeadingRun(blocks: Block[]): HeadingRun | null {
  let budget = blocks.length * 4
  for (let i = 0; i < blocks.length && budget > 0; i++) {
    const first = blocks[i]!
    if (first.kind !== 'heading' || !isStampHeading(toString(first.node))) continue
    let count = 1
    let end = i + 1
    for (; end < blocks.length && budget > 0; end++, budget--) {
      const b = blocks[end]!
      if (b.kind !== 'heading' || b.depth > first.depth) continue
      if (b.depth < first.depth || !isStampHeading(toString(b.node))) break
      count++
    }
    if (count < 2) continue
    let parent: HeadingBlock | null = null
    for (let j = i - 1; j >= 0; j--) {
      const b = blocks[j]!
      if (b.kind === 'heading' && b.depth < first.depth) {
        parent = b
        break
      }
    }
    return { from: i, to: end, parent }
  }
  return null
}
