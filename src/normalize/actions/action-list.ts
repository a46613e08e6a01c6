/**
 * Follow-ups written as a Markdown list: one item per list item, a list item that only names a group
 * (`**Short-term:**`) giving its sub-list's kind and status, a sentence that runs on into its sub-list read as one item.
 */
import type { List, ListItem } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { ActionItem } from '../../types.js'
import { oneLine, plainText } from '../structure/plain-text.js'
import { doneGroup, groupStatus } from './action-groups.js'
import { kindOf, labelKind, makeItem, type ItemDefaults } from './action-markers.js'
import { closesList } from './closing-remarks.js'
import { linesOf } from './paragraph-lines.js'
import { introducesFindings } from './findings-label.js'

/** Words of a bold parent that names a task of its own rather than a group (`**Add monitoring for tracking**`). */
const TASK_WORDS = 3

/**
 * A list item that only names a group (`**Improvements/Fixes:**`, `Tasks:`, `**Monitoring**`), not an item with details
 * under it: a bold phrase that names no kind or status of follow-ups is a task, and its sub-list its details, when it
 * has three words or more, is numbered, or its sub-list is lower-case fragments.
 */
function isLabel(first: ListItem['children'][number] | undefined, text: string, numbered: boolean, nested: List): boolean {
  if (/:\s*$/.test(text) || (kindOf(text) && text.split(/\s+/).length <= 3)) return true
  if (!boldOnly(first)) return false
  if (kindOf(text) !== null || doneGroup(text) !== null) return true
  // A short bold phrase numbered as an item ("1. **Rotate keys**"), or over lower-case fragments ("staging"), is a task with details.
  if (numbered || fragments(nested)) return false
  return text.split(/\s+/).length < TASK_WORDS
}

/** Every entry of a sub-list starts in lower case: details of the item above, not items of their own. */
function fragments(list: List): boolean {
  return list.children.every((li) => {
    const first = li.children[0]
    return first !== undefined && first.type !== 'list' && /^\p{Ll}/u.test(oneLine(toString(first)))
  })
}

/** A list item's first paragraph is one bold phrase and nothing else. */
const boldOnly = (first: ListItem['children'][number] | undefined): boolean =>
  first?.type === 'paragraph' && first.children.length === 1 && first.children[0]?.type === 'strong'

function struck(first: ListItem['children'][number] | undefined): boolean {
  if (first?.type !== 'paragraph') return false
  const parts = first.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''))
  return parts.length > 0 && parts.every((c) => c.type === 'delete')
}

export function fromList(list: List, given: ItemDefaults, out: ActionItem[]): void {
  let defaults = given
  for (const li of list.children) {
    const first = li.children[0]
    const nested = li.children.find((c): c is List => c.type === 'list')
    const lines = first && first.type !== 'list' ? linesOf(first).split('\n') : []
    // A group label Markdown ran into the item above ("- Restart workers⏎Long term:"): it heads the items after it.
    const label = lines.length > 1 && !nested ? nextLabel(lines[lines.length - 1] ?? '') : null
    if (label) lines.pop()
    const head = headOf(lines)
    if (nested && continuedBy(head, nested)) {
      // "… measures which will:" then "1. encourage authors to …": one item, its sub-points read into it.
      const made = makeItem(`${head} ${subPoints(nested, 0)}`, marked(li, first, defaults))
      if (made) out.push(made)
      continue
    }
    // "- **Issues found:**" over the problems, beside "- **Fixes:**" over the follow-ups: the problems are no items.
    if (nested && introducesFindings(head)) continue
    if (nested && isLabel(first, head, list.ordered === true, nested)) {
      fromList(nested, { kind: kindOf(head) ?? defaults.kind, ...groupStatus(head, defaults) }, out)
      continue
    }
    if (nested && boldOnly(first)) {
      // "**Add monitoring for repository tracking**" over "Success/failure metrics": the task, its details read into it.
      const made = makeItem(`${head} (${subPoints(nested, 0)})`, marked(li, first, defaults))
      if (made) out.push(made)
      continue
    }
    const made = makeItem(head || plainText(li.children), marked(li, first, defaults))
    if (made) out.push(made)
    if (label) defaults = { ...given, kind: labelKind(label) ?? given.kind, ...groupStatus(label, given) }
  }
}

/** A short line ending in a colon that names a kind or status of follow-ups ("Long term:", "Done:"), else null. */
function nextLabel(line: string): string | null {
  const text = line.replace(/[*_]/g, '').trim()
  if (!/:$/.test(text) || text.length > 40) return null
  const label = text.slice(0, -1).trim()
  return labelKind(label) || doneGroup(label) !== null ? label : null
}

/** A list item's first block's lines on one line, without a closing remark Markdown ran into it ("- Add alerts⏎Thanks to all who helped."). */
function headOf(lines: string[]): string {
  while (lines.length > 1 && closesList(lines[lines.length - 1] ?? '')) lines.pop()
  return oneLine(lines.join('\n'))
}

/** A list item's defaults with its own checked box or strike-through applied. */
function marked(li: ListItem, first: ListItem['children'][number] | undefined, defaults: ItemDefaults): ItemDefaults {
  const mark = li.checked ?? (struck(first) ? true : null)
  return mark === null ? defaults : { kind: defaults.kind, done: mark }
}

/**
 * A sentence that ends in a colon and runs on into its sub-list ("We are redesigning reviews to introduce measures
 * which will:" then "encourage authors to"): every sub-point starts in lower case, so they finish its sentence.
 */
function continuedBy(head: string, nested: List): boolean {
  if (!/:\s*$/.test(head) || head.split(/\s+/).length < 5) return false
  return nested.children.every((li) => {
    const first = li.children[0]
    return first !== undefined && first.type !== 'list' && /^\p{Ll}/u.test(oneLine(toString(first)))
  })
}

/** The points of a sub-list (and theirs) as one run of text: "a (b; c); d". */
function subPoints(list: List, depth: number): string {
  return list.children
    .map((li) => {
      const first = li.children[0]
      const own = first && first.type !== 'list' ? oneLine(toString(first)).replace(/\s*:\s*$/, '') : ''
      const inner = li.children.find((c): c is List => c.type === 'list')
      return inner && depth < 3 ? `${own} (${subPoints(inner, depth + 1)})` : own
    })
    .filter(Boolean)
    .join('; ')
}
