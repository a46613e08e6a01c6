/**
 * How a sub-heading of an action-items section is read: its number ("4.1"), its label words without number or
 * trailing status, and whether a checklist under it makes it the name of a group.
 */
import type { Block } from '../structure/blocks.js'

/** A number in front of a sub-heading ("1)", "2.", "(3)", "4 -", "4.1", "7.2."), taken whole. */
export const NUMBERED = /^(?:\d{1,2}(?:\.\d{1,2}){1,3}\.?(?=\s)|\(?\d{1,2}[.):]|\d{1,2}\s*[-–—])\s*/

/** A sub-heading's words without markup, number or trailing status ("### 1. Short-Term (Completed)" -> "Short-Term"). */
export function labelOf(text: string): string {
  return text
    .replace(/[*_`]/g, '')
    .trim()
    .replace(NUMBERED, '')
    .replace(/\s*(?:\([^()]{1,80}\)|\[[^[\]]{1,40}\])\s*:?\s*$/, '')
    .replace(/\s*:\s*$/, '')
    .trim()
}

/** A checkbox list among the blocks: its boxes are the items, so the heading over it names their group. */
export function holdsChecklist(blocks: Block[], from: number, to: number): boolean {
  return blocks.slice(from, to).some((b) => b.kind === 'content' && b.node.type === 'list' && b.node.children.some((li) => typeof li.checked === 'boolean'))
}
