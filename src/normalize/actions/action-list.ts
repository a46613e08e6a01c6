/**
 * Follow-ups written as a Markdown list: one item per list item, a list item that only names a group
 * (`**Short-term:**`) giving its sub-list's kind and status, a sentence that runs on into its sub-list read as one item.
 */
import type { List, ListItem } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { ActionItem } from '../../types.js'
import { oneLine, plainText } from '../structure/plain-text.js'
import { doneGroup, groupStatus } from './action-groups.js'
import { kindOf, makeItem, type ItemDefaults } from './action-markers.js'

/** Words of a bold parent that names a task of its own rather than a group (`**Add monitoring for tracking**`). */
const TASK_WORDS = 3

/**
 * A list item that only names a group (`**Improvements/Fixes:**`, `Tasks:`, `**Monitoring**`), not an item with details
 * under it: a bold phrase of three words or more that names no kind or status of follow-ups is a task, and its
 * sub-list its details.
 */
function isLabel(first: ListItem['children'][number] | undefined, text: string): boolean {
  if (/:\s*$/.test(text) || (kindOf(text) && text.split(/\s+/).length <= 3)) return true
  if (!boldOnly(first)) return false
  return text.split(/\s+/).length < TASK_WORDS || kindOf(text) !== null || doneGroup(text) !== null
}

/** A list item's first paragraph is one bold phrase and nothing else. */
const boldOnly = (first: ListItem['children'][number] | undefined): boolean =>
  first?.type === 'paragraph' && first.children.length === 1 && first.children[0]?.type === 'strong'

function struck(first: ListItem['children'][number] | undefined): boolean {
  if (first?.type !== 'paragraph') return false
  const parts = first.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''))
  return parts.length > 0 && parts.every((c) => c.type === 'delete')
}

export function fromList(list: List, defaults: ItemDefaults, out: ActionItem[]): void {
  for (const li of list.children) {
    const first = li.children[0]
    const nested = li.children.find((c): c is List => c.type === 'list')
    const head = first && first.type !== 'list' ? oneLine(toString(first)) : ''
    if (nested && continuedBy(head, nested)) {
      // "… measures which will:" then "1. encourage authors to …": one item, its sub-points read into it.
      const made = makeItem(`${head} ${subPoints(nested, 0)}`, marked(li, first, defaults))
      if (made) out.push(made)
      continue
    }
    if (nested && isLabel(first, head)) {
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
  }
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
