/**
 * Follow-ups of the document: everything under an action-items heading (lists, tables, bullet or one-per-line
 * paragraphs, indented blocks, sub-headings that name a group or are the items themselves), plus action tables,
 * runs of status-prefixed paragraphs ("DONE: ...", "TODO: ...") and labelled lead-ins ("Action point: ...") anywhere
 * else. Prose is never an item.
 */
import type { List, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { ActionItem } from '../../types.js'
import type { Block } from '../structure/blocks.js'
import { oneLine, plainText } from '../structure/plain-text.js'
import type { SectionSpan } from '../sections/sections.js'
import { namesImprovement } from '../sections/section-words.js'
import { codeItems, commitments, isStatement, itemLike, labelledLines, lineItems, oneSentence, proposes, readsAsProse, type LineItems } from './action-lines.js'
import { kindOf, labelKind, makeItem, priorityOf, type ItemDefaults } from './action-markers.js'
import { isActionTable, tableItems } from './action-table.js'
import { reportsDoneWork } from './done-work.js'
import { doneOf, stateOf } from './action-status.js'
import { doneGroup, groupStatus, TAKEN_ACTIONS } from './action-groups.js'
import { itemsOutsideActionSections } from './elsewhere-items.js'
import { fromList } from './action-list.js'
import { closesList } from './closing-remarks.js'
import { linesOf } from './paragraph-lines.js'
import { holdsChecklist, labelOf, NUMBERED } from './sub-heading-label.js'
import { introducesFindings } from './findings-label.js'
import { followUpsOf } from './follow-up-sections.js'

export { kindOf } from './action-markers.js'

/** A sub-heading that names a group of items rather than being one ("Task list", "Next steps", "Open items"). */
const GROUP_NAME =
  /(?:^|\s)(?:list|lists|tasks|items|steps|actions|measures|improvements|changes|follow-?ups|todos?|done|completed|open|planned|pending|in progress|other)\s*:?\s*$/i

/** Owner, status and priority written in the body of an item sub-heading ("Owner: Ana", "Status: done", "Priority: P1"). */
function bodyDetails(blocks: Block[], from: number, to: number): Partial<ActionItem> {
  const text = plainText(blocks.slice(from, to).map((b) => b.node)).slice(0, 600)
  const owner = /\b(?:owners?|assignees?)\s*[:=]\s*@?([\w.-]+(?: [A-Z][\w.-]+)?)/i.exec(text)?.[1]
  const status = /\bstatus\s*[:=]\s*([A-Za-z][\w '’]{0,20})/i.exec(text)?.[1]
  const priority = /\bpriority\s*[:=]\s*(\w+)/i.exec(text)?.[1]
  const details: Partial<ActionItem> = {}
  if (owner) details.owner = owner
  const word = (status?.split(/\s+(?=\S+:)/)[0] ?? '').trim()
  const state = stateOf(word) ?? stateOf(word.split(/\s+/)[0] ?? '')
  if (state) Object.assign(details, { done: doneOf(state), status: state, statusText: stateOf(word) ? word : word.split(/\s+/)[0] })
  if (priority && priorityOf(priority)) details.priority = priorityOf(priority)
  return details
}

/**
 * A sub-heading that heads another section (lessons inside "Corrective measures"), unless it names a kind of follow-up
 * ("Detection", "Process") or what to improve ("Areas for Improvement" beside "Tasks").
 */
function otherSection(block: Block): boolean {
  if (block.kind !== 'heading' || block.match === null || block.match.key === 'actionItems') return false
  return !labelKind(block.text.replace(/\s*:\s*$/, '')) && !improvementGroup(block)
}

/** A lessons sub-heading naming what to improve: under action items, a group of follow-ups. */
function improvementGroup(block: Block): boolean {
  return block.kind === 'heading' && block.match?.key === 'lessonsLearned' && namesImprovement(block.text)
}

/** Index one past the sub-section that starts at `index`. */
function subEnd(blocks: Block[], index: number, to: number): number {
  const head = blocks[index]
  let end = index + 1
  while (end < to) {
    const next = blocks[end]!
    if (head?.kind === 'heading' && next.kind === 'heading' && next.depth <= head.depth) break
    end++
  }
  return end
}

function isGroupHeading(blocks: Block[], index: number, end: number): boolean {
  const head = blocks[index]
  if (head?.kind !== 'heading') return false
  const text = head.text.replace(/[*_`]/g, '').trim()
  if (head.match?.key === 'actionItems' || labelKind(text) || labelKind(labelOf(text)) || GROUP_NAME.test(text) || doneGroup(text) || improvementGroup(head))
    return true
  if (holdsChecklist(blocks, index + 1, end)) return true
  // A numbered sub-heading ("**1. Review the config files:**" over a bullet of details) is an item, not a group.
  if (NUMBERED.test(text)) return false
  return blocks.slice(index + 1, end).some((b) => b.kind === 'heading' || (b.kind === 'content' && (b.node.type === 'list' || b.node.type === 'table')))
}

/**
 * How many sub-headings per depth could each be an item (not a group name, not another section, with a body):
 * a lone unnumbered one is a note ("Measures we did not adopt"), several in a row are the items.
 */
function itemHeadingsByDepth(blocks: Block[], from: number, to: number): Map<number, number> {
  const counts = new Map<number, number>()
  for (let i = from; i < to; i++) {
    const block = blocks[i]!
    if (block.kind !== 'heading' || otherSection(block)) continue
    const end = subEnd(blocks, i, to)
    if (end > i + 1 && !isGroupHeading(blocks, i, end)) counts.set(block.depth, (counts.get(block.depth) ?? 0) + 1)
  }
  return counts
}

function fromLines(written: LineItems, defaults: ItemDefaults, out: ActionItem[], lone: string[]): void {
  // A remark after the items ("We will keep monitoring this.", "Thanks to all who helped") closes the list.
  const found = { ...written, items: written.items.filter((l) => !closesList(l)) }
  if (found.items.length === 0 || (!found.sure && readsAsProse(found.items))) return
  const items = found.sure ? found.items : found.items.filter((l) => !isStatement(l))
  if (!found.sure && found.items.length === 1 && itemLike(found.items[0] ?? '')) lone.push(found.items[0] ?? '')
  else if (found.sure || labelledLines(found.items) || (found.items.length > 1 && found.items.every(itemLike))) {
    for (const line of items) {
      const made = makeItem(line, defaults)
      if (made) out.push(made)
    }
  }
}

/** Text compared for sameness: case, spacing and punctuation aside. */
function sameText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** The texts of the action tables among `nodes`, compared by `sameText`. */
function tableTexts(nodes: RootContent[], besideList: boolean): Set<string> {
  return new Set(nodes.flatMap((n) => (n.type === 'table' && isActionTable(n, true, besideList) ? tableItems(n).map((i) => sameText(i.text)) : [])))
}

/** A list of terms and what they mean ("Prevent - Prevent similar issues", "P0 - Critical for …"): how to read a table beside it, not items. */
function isGlossary(list: List): boolean {
  return list.children.every((item) => /^\s*[\p{L}\p{N}]{1,12}\s+[-–—:]\s+\S/u.test(toString(item.children[0] ?? item)))
}

/** What a paragraph ending in a colon says of the list below it: its status, and its kind when it is a short label ("Short term:"). */
function labelDefaults(label: string, defaults: ItemDefaults): ItemDefaults {
  const kind = label.length <= 40 ? labelKind(label.replace(/\s*:\s*$/, '')) : null
  return { ...defaults, ...(kind ? { kind } : {}), ...groupStatus(label, defaults) }
}

/** The defaults after a label of problems found ("Issues found:"): the list below it holds no items. */
const FINDINGS: ItemDefaults = { kind: null, done: null }

/**
 * Reads the blocks `from`..`to` as one group of items sharing `defaults` (sub-groups recurse); a lone one-sentence
 * paragraph is an item only in a group a sub-heading names, not directly under the section heading (prose).
 */
function readGroup(blocks: Block[], from: number, to: number, defaults: ItemDefaults, out: ActionItem[], named: boolean): void {
  const own: RootContent[] = []
  // Rules between entries carry nothing: a group of one paragraph and a rule is a group of one paragraph.
  for (let i = from; i < to && blocks[i]?.kind !== 'heading'; i++) if (blocks[i]!.node.type !== 'thematicBreak') own.push(blocks[i]!.node)
  const besideList = own.some((n) => n.type === 'list')
  const tabled = own.some((n) => n.type === 'table' && isActionTable(n, true, besideList))
  const listed = tabled || own.some((n) => n.type === 'list' || n.type === 'table')
  const lone: string[] = []
  const candidates = itemHeadingsByDepth(blocks, from, to)
  let next: ItemDefaults = defaults
  for (let i = from; i < to; i++) {
    const block = blocks[i]!
    if (block.kind === 'heading') {
      // A sub-heading names a group (kind from its words), is itself an item described by its body, or belongs
      // to another section (lessons inside "Corrective measures"), which is skipped.
      const end = subEnd(blocks, i, to)
      // Another section, or the problems found ("**Issues found:**") listed before the fixes: not follow-ups.
      if (otherSection(block) || introducesFindings(block.text)) {
        i = end - 1
        continue
      }
      const text = block.text.replace(/\s*:\s*$/, '')
      if (isGroupHeading(blocks, i, end))
        readGroup(
          blocks,
          i + 1,
          end,
          { kind: labelKind(labelOf(text)) ?? kindOf(labelOf(text)) ?? defaults.kind, ...groupStatus(text.replace(NUMBERED, ''), defaults) },
          out,
          true,
        )
      else if (end > i + 1 && (NUMBERED.test(text) || (candidates.get(block.depth) ?? 0) >= 2)) {
        const made = makeItem(text.replace(NUMBERED, ''), defaults)
        if (made) out.push({ ...made, ...bodyDetails(blocks, i + 1, end) })
      }
      i = end - 1
      continue
    }
    if (block.kind === 'field') {
      if (tabled) continue
      const made = makeItem(`${block.label}: ${block.value}`, defaults)
      if (made) out.push(made)
      continue
    }
    const node = block.node
    if (next === FINDINGS && (node.type === 'list' || node.type === 'code')) {
      next = defaults
      continue
    }
    if (node.type === 'list' && !(tabled && isGlossary(node))) {
      const listed: ActionItem[] = []
      fromList(node, next, listed)
      // A list beside an action table may restate its rows (a summary of them): the table's row is the item.
      out.push(...(tabled ? listed.filter((item) => !tableTexts(own, besideList).has(sameText(item.text))) : listed))
    } else if (node.type === 'table' && isActionTable(node, true, besideList)) out.push(...tableItems(node))
    else if (node.type === 'paragraph' && !listed) {
      const found = lineItems(linesOf(node))
      // The one paragraph of a named group ("### Process": context, then "We should document this.") is its item.
      // So is each wrapped paragraph of a section made only of paragraphs that proposes a change in one of its few
      // sentences ("The monitor should page more people. Ideally it would …"), when a second one is an item too.
      const paragraphs = own.length > 1 && own.every((n) => n.type === 'paragraph')
      // Under a label of follow-ups already carried out ("Actions taken"), a one-sentence report is its item ("We added …").
      const reported = named && defaults.done === true && found.items.length === 1 && oneSentence(found.items[0]!) && reportsDoneWork(found.items[0]!)
      if (reported || (((named && own.length === 1) || (paragraphs && found.items.length === 1)) && !found.sure && proposes(oneLine(toString(node))))) {
        lone.push(oneLine(toString(node)))
        continue
      }
      const promises = found.sure ? null : commitments(oneLine(toString(node)))
      if (promises) lone.push(...promises)
      else fromLines(found, defaults, out, lone)
    } else if (node.type === 'code' && !listed) fromLines(codeItems(node.value, node.lang), defaults, out, lone)
    const label = node.type === 'paragraph' && /:\s*$/.test(toString(node)) ? oneLine(toString(node)) : null
    next = label === null ? defaults : introducesFindings(label) ? FINDINGS : labelDefaults(label, defaults)
  }
  // Directly under the section heading, separate lines are items only as a list (two or more), and a report of what was
  // done or a sign-off ("We looked at the logs and …", "Based on a true story.") is prose: a lone sentence is never an item.
  const kept = lone.filter((l) => !isStatement(l) && !closesList(l) && (named || !reportsDoneWork(l)))
  for (const line of kept.length > 1 || named ? kept : []) {
    const made = makeItem(line, defaults)
    if (made) out.push(made)
  }
}

/**
 * The index of a sub-heading naming follow-ups already taken ("Actions taken") that is the sibling right before the
 * action-items heading at `index`, or null: alone such a label heads the responders' steps, beside the planned ones
 * it heads the follow-ups already done.
 */
function takenBefore(blocks: Block[], index: number): number | null {
  const head = blocks[index]
  if (head?.kind !== 'heading') return null
  for (let i = index - 1; i >= 0 && i >= index - 50; i--) {
    const block = blocks[i]!
    if (block.kind !== 'heading') continue
    return block.depth === head.depth && block.match?.key !== 'actionItems' && TAKEN_ACTIONS.test(block.text.replace(/[*_`]/g, '').trim()) ? i : null
  }
  return null
}

/**
 * A bold label and its text on one line, alone in its section but for a rule ("- **Remedial actions**: I am going to …"): one list
 * entry, so its text is read like a named group's (its one proposal is its item).
 */
function labelLine(span: SectionSpan, blocks: Block[]): boolean {
  const body = blocks[span.index + 1]
  if (span.heading.kind !== 'heading' || span.heading.origin !== 'bold' || body?.kind !== 'content' || body.line !== span.heading.line) return false
  // Only rules between entries may follow it.
  return blocks.slice(span.index + 2, span.end).every((b) => b.kind === 'content' && b.node.type === 'thematicBreak')
}

/** Action items of the document (nested action sections read once, through their parent). */
export function findActionItems(spans: SectionSpan[], blocks: Block[]): ActionItem[] {
  const out: ActionItem[] = []
  const skip = new Array<boolean>(blocks.length).fill(false)
  const mark = (from: number, to: number): void => {
    for (let i = from; i < to; i++) skip[i] = true
  }
  let coveredUntil = -1
  const read: { span: SectionSpan | null } = { span: null }
  // The sections that hold the current one, outermost first.
  const open: SectionSpan[] = []
  for (const span of spans) {
    while (open.length > 0 && (open[open.length - 1]!.end <= span.index || open[open.length - 1]!.depth >= span.depth)) open.pop()
    const parent = open[open.length - 1] ?? null
    open.push(span)
    if (span.match?.key === 'timeline') mark(span.index, span.end)
    const keep = followUpsOf(span, read.span, parent)
    if (!keep || span.heading.kind !== 'heading' || span.index < coveredUntil) continue
    // A status sibling chains like the section before it ("## To do", "## In progress", "## Done").
    const prior = read.span
    read.span = span.match?.key === 'actionItems' || prior === null || prior.end !== span.index ? span : { ...span, match: prior.match }
    coveredUntil = span.end
    mark(span.index, span.end)
    const taken = takenBefore(blocks, span.index)
    if (taken !== null && !skip[taken]) {
      // "**Actions taken:**" right before its sibling "**Actions planned:**": the follow-ups already carried out, a group
      // its label names (so its one sentence is its item).
      mark(taken, span.index)
      readGroup(blocks, taken + 1, span.index, { kind: null, done: true }, out, true)
    }
    const before = out.length
    readGroup(blocks, span.index + 1, span.end, { kind: null, ...groupStatus(span.heading.text, { kind: null, done: null }) }, out, labelLine(span, blocks))
    out.splice(before, out.length - before, ...out.slice(before).filter((item) => keep(item.text)))
  }
  itemsOutsideActionSections(blocks, skip, out)
  return out
}
