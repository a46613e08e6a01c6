/**
 * What the timeline walk reads from one list item: its first line under a bare stamp, a heading written inside it, a
 * stamp closing its text, a bare month-day over nested entries, and the untimed bullets of a list under a day heading.
 */
import type { Heading, List, ListItem, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { monthDay } from '../time/date-parts.js'
import type { DateHints, ParsedDate } from '../time/datetime.js'
import { readMonthStamp } from '../time/month-stamp.js'
import { paragraphLines, type TextLine } from './timeline-lines.js'
import { innerClock } from './timeline-prose.js'
import { readStamp } from './timeline-stamp.js'
import { collapseSpaces } from '../collapse-spaces.js'

/**
 * A stamp closing an item, in brackets, after a dash (its date may hold hyphens) or after "at": "Users cannot sign in
 * (07:01 UTC)", "Paged — 07:15", "Rollback completed — 2024-03-01 14:32 UTC", "Deploy started at 14:02".
 */
const CLOSING_STAMP = /\s*(?:[([]([^()[\]]{1,40})[)\]]|\s[-–—]\s+((?:[^-–—]|(?<=\d)-(?=\d)){1,40})|\s(?:at|@)\s+([^\s].{0,39}?))\s*\.?$/

/** An item's text without the stamp that closes it, when that part is nothing but a stamp; else the text as it is. */
export function withoutClosingStamp(text: string, hints: DateHints): string {
  const m = CLOSING_STAMP.exec(text)
  if (!m || m.index === 0) return text
  const stamp = readStamp(m[1] ?? m[2] ?? m[3] ?? '', hints)
  return stamp?.time && stamp.rest === '' ? text.slice(0, m.index) : text
}

/** A bullet that is only a month and day (`11/25`) over nested timed bullets: the day of those entries. */
export function bareDay(text: string, hints: DateHints): ParsedDate | null {
  const m = /^(\d{1,2})[/.](\d{1,2})\.?$/.exec(text.trim())
  if (!m || hints.year == null) return null
  return monthDay(Number(m[1]), Number(m[2]), hints.year, hints.dayFirst, m[0])
}

/** A list item's heading (`- ### 20:23 UTC:`) as the one line that opens the item. */
export function headingLine(node: Heading): TextLine[] {
  const text = collapseSpaces(toString(node)).trim()
  return text ? [{ text, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 }] : []
}

/** The first line under a bare stamp in a list item: its next paragraph, or the first item of a nested list. */
export function firstLineOf(node: RootContent): string {
  if (node.type === 'paragraph') return paragraphLines(node)[0]?.text ?? ''
  const item = node.type === 'list' ? node.children[0]?.children[0] : undefined
  return item?.type === 'paragraph' ? (paragraphLines(item)[0]?.text ?? '') : ''
}

/**
 * The texts of a list's items when none of them is timed (no stamp at its start, no clock time inside, no sub-list):
 * under a heading that names only a day, each is an event of that day; an empty array when any item is timed.
 */
export function untimedItems(node: List, hints: DateHints): string[] {
  const texts: string[] = []
  for (const item of node.children) {
    const [first] = item.children
    if (item.children.length !== 1 || first?.type !== 'paragraph') return []
    const text = collapseSpaces(
      paragraphLines(first)
        .map((l) => l.text)
        .join(' '),
    ).trim()
    if (!text || readStamp(text, hints) || innerClock(text, hints) || readMonthStamp(text)) return []
    texts.push(text)
  }
  return texts
}

/**
 * The first line of a list item as an event's text, a label over a sub-list joined to the sub-list's first line by a
 * colon ("Impact" over "- Tokyo 22:09 ~ 23:10" reads "Impact: Tokyo 22:09 ~ 23:10"), never glued ("ImpactTokyo").
 */
export function itemLead(item: ListItem): string {
  const [first, second] = item.children
  const own = first?.type === 'paragraph' ? (paragraphLines(first)[0]?.text ?? '') : first ? (toString(first).split('\n')[0] ?? '') : ''
  const text = collapseSpaces(own).trim()
  const sub =
    second?.type === 'list' && item.children.length === 2 && first?.type === 'paragraph' && paragraphLines(first).length === 1 ? second.children[0] : undefined
  const child = sub ? itemLead(sub) : ''
  return child ? `${text.replace(/[\s:：]+$/, '')}: ${child}` : text
}
