/**
 * Follow-ups outside the action-items sections and timelines: action tables, lists (or indented lines) a paragraph
 * announces as changes to come, labelled lead-ins ("Action point: …", a bullet "**Remedial actions**: …") and runs of
 * status-prefixed paragraphs ("DONE: …", "TODO: …").
 */
import { toString } from 'mdast-util-to-string'
import type { ActionItem } from '../../types.js'
import type { Block } from '../structure/blocks.js'
import { oneLine } from '../structure/plain-text.js'
import { makeItem } from './action-markers.js'
import { isActionTable, tableItems } from './action-table.js'
import { announcesFollowUps } from './announced-list.js'
import { labelledAction, labelledBullet } from './labelled-actions.js'
import { fromList } from './action-list.js'
import { codeItems } from './action-lines.js'

const STATUS_PARAGRAPH = /^(?:DONE|TODO|TO DO|DOING|WIP|IN PROGRESS)\b/

/**
 * Action tables, lists a paragraph announces as changes to come, and runs of status-prefixed paragraphs outside the
 * action-items sections and timelines.
 */
export function itemsOutsideActionSections(blocks: Block[], skip: boolean[], out: ActionItem[]): void {
  const status: string[] = []
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!
    if (skip[i]) continue
    const labelled = labelledAction(blocks, i)
    if (labelled) {
      const made = makeItem(labelled.text, { kind: null, done: labelled.done })
      if (made) out.push(made)
      i = labelled.end - 1
      continue
    }
    if (block.kind === 'field' && STATUS_PARAGRAPH.test(block.label)) status.push(`${block.label}: ${block.value}`)
    if (block.kind !== 'content') continue
    const node = block.node
    const previous = blocks[i - 1]
    const announced = previous?.kind === 'content' && previous.node.type === 'paragraph' && announcesFollowUps(toString(previous.node))
    if (node.type === 'list' && announced) fromList(node, { kind: null, done: null }, out)
    else if (node.type === 'list') {
      // A bullet that opens with a follow-up label ("- **Remedial actions**: I am going to …") among other bullets.
      for (const li of node.children) {
        const first = li.children[0]
        const text = first?.type === 'paragraph' ? labelledBullet(toString(first)) : null
        const made = text ? makeItem(text, { kind: null, done: null }) : null
        if (made) out.push(made)
      }
    }
    // The same lead-in over indented lines, which Markdown reads as code: one item a line, unless they read as code.
    if (node.type === 'code' && announced && !node.lang)
      for (const line of codeItems(node.value, node.lang).items) {
        const made = makeItem(line, { kind: null, done: null })
        if (made) out.push(made)
      }
    if (node.type === 'table' && isActionTable(node, false)) out.push(...tableItems(node))
    if (node.type === 'paragraph' && STATUS_PARAGRAPH.test(toString(node))) status.push(oneLine(toString(node)))
  }
  if (status.length < 2) return
  for (const line of status) {
    const made = makeItem(line, { kind: null, done: null })
    if (made) out.push(made)
  }
}
