/**
 * Follow-ups from the action-items section: list items (task lists give `done`), table rows (owner and status
 * columns), typed prefixes (`**Fix:** ...`), labelled sub-lists (`**Improvements/Fixes:**`) and, in plain text,
 * the lines under a sub-heading (`Tasks:`) or an introducing line ending in a colon. Prose is never an item.
 */
import type { List, ListItem, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { ActionItem } from '../../types.js'
import type { Block } from '../structure/blocks.js'
import { stripDecoration } from '../structure/html-blocks.js'
import { oneLine, plainText } from '../structure/plain-text.js'
import type { SectionSpan } from '../sections/sections.js'

const KINDS: Record<string, string> = {
  improvement: 'improvement', fix: 'fix', todo: 'todo', 'to do': 'todo', task: 'task', action: 'action',
  'action item': 'action', 'follow-up': 'follow-up', followup: 'follow-up', 'follow up': 'follow-up',
  mitigation: 'mitigation', mitigate: 'mitigation', prevention: 'prevention', prevent: 'prevention', repair: 'repair', preventative: 'prevention', preventive: 'prevention',
  remediation: 'remediation', investigation: 'investigation', process: 'process', monitoring: 'monitoring',
  documentation: 'documentation', detection: 'detection', bug: 'bug', chore: 'chore',
}
const BULLET_LINE = /^\s*[•◦▪‣·●○■□–—]\s*/

/** Kind named by a label ("Improvements/Fixes" -> `improvement`, "TODO" -> `todo`), else null. */
export function kindOf(label: string): string | null {
  const norm = label.toLowerCase().replace(/[*_`:]/g, '').trim()
  for (const candidate of [norm, norm.split(/[\s/&,]+/)[0] ?? '']) {
    const singular = candidate.replace(/(?:es|s)$/, '')
    const hit = KINDS[candidate] ?? KINDS[singular] ?? KINDS[candidate.replace(/s$/, '')]
    if (hit) return hit
  }
  return null
}

function owned(text: string): { text: string; owner: string | null } {
  const m = /\s*[([]?\b(?:owner|owners|assignee|assigned to|owned by)\s*[:=]?\s*@?([\w.-]+(?: [A-Z][\w.-]+)?)[)\]]?/i.exec(text)
  if (m) return { text: oneLine(text.slice(0, m.index) + text.slice(m.index + m[0].length)).replace(/[\s,;–-]+$/, ''), owner: m[1] ?? null }
  return { text, owner: null }
}

function item(raw: string, kind: string | null, done: boolean | null): ActionItem | null {
  let text = oneLine(stripDecoration(raw))
  const typed = /^([A-Za-z][A-Za-z /-]{1,24}?)\s*:\s+(\S.*)$/.exec(text)
  if (typed && kindOf(typed[1] ?? '')) {
    kind = kindOf(typed[1] ?? '')
    text = typed[2] ?? text
  }
  const { text: clean, owner } = owned(text)
  return clean ? { text: clean, kind, done, owner } : null
}

/** A list item that only names a group (`**Improvements/Fixes:**`, `Tasks:`), not an item with details under it. */
function isLabel(first: ListItem['children'][number] | undefined, text: string): boolean {
  if (/:\s*$/.test(text) || (kindOf(text) && text.split(/\s+/).length <= 3)) return true
  return first?.type === 'paragraph' && first.children.length === 1 && first.children[0]?.type === 'strong'
}

function fromList(list: List, kind: string | null, out: ActionItem[]): void {
  for (const li of list.children) fromListItem(li, kind, out)
}

function fromListItem(li: ListItem, kind: string | null, out: ActionItem[]): void {
  const first = li.children[0]
  const nested = li.children.find((c): c is List => c.type === 'list')
  const head = first && first.type !== 'list' ? oneLine(toString(first)) : ''
  if (nested && isLabel(first, head)) return fromList(nested, kindOf(head) ?? kind, out)
  const made = item(head || plainText(li.children), kind, li.checked ?? null)
  if (made) out.push(made)
}

function column(headers: string[], re: RegExp): number {
  return headers.findIndex((h) => re.test(h))
}

function fromTable(table: Table, out: ActionItem[]): void {
  const [head, ...rows] = table.children
  if (!head) return
  const headers = head.children.map((c) => toString(c).toLowerCase().trim())
  const owner = column(headers, /owner|assignee|who|responsible|assigned/)
  const status = column(headers, /status|state|done|progress/)
  const kindCol = column(headers, /^(?:kind|type|category)$/)
  let text = column(headers, /action|item|task|description|what|title|follow|summary/)
  if (text < 0 || text === owner || text === status) text = headers.findIndex((_, i) => i !== owner && i !== status && i !== kindCol && !/^(?:#|id|no\.?|priority|bug|ticket|issue)$/.test(headers[i] ?? ''))
  for (const row of rows) {
    const cell = (i: number): string => (i >= 0 ? oneLine(toString(row.children[i] ?? { type: 'tableCell', children: [] })) : '')
    const state = cell(status).toLowerCase()
    const done = !state ? null : /^(?:done|complete|completed|closed|fixed|resolved|finished|yes|shipped|merged|[x✓✔☑])\b/.test(state) ? true : /^(?:open|todo|to do|pending|in progress|planned|not started|no|wip|blocked|new)\b/.test(state) ? false : null
    const made = item(cell(text), kindOf(cell(kindCol)), done)
    if (made && !/^[-–—|:\s]*$/.test(made.text)) out.push({ ...made, owner: cell(owner).replace(/^@/, '') || made.owner })
  }
}

/** A line that reads as one complete item: capitalised, one sentence, ending in a full stop (not wrapped prose). */
function isItemLine(line: string): boolean {
  const text = stripDecoration(line)
  return /^[A-Z0-9]/.test(text) && /[.!?)]$/.test(text) && oneSentence(text)
}

function oneSentence(text: string): boolean {
  return text.length <= 300 && !/[.!?]\s+[A-Z"“]/.test(text.trim())
}

/** Action items of the document's action-items sections (nested ones read once, through their parent). */
export function findActionItems(spans: SectionSpan[], blocks: Block[]): ActionItem[] {
  const out: ActionItem[] = []
  let coveredUntil = -1
  for (const span of spans) {
    if (span.match?.key !== 'actionItems' || span.heading.kind !== 'heading' || span.index < coveredUntil) continue
    coveredUntil = span.end
    let subKind: string | null = null
    let underSub = false
    const body = blocks.slice(span.index + 1, span.end)
    const listed = body.some((b) => b.kind === 'content' && (b.node.type === 'list' || b.node.type === 'table'))
    for (const block of body) {
      if (block.kind === 'heading') {
        underSub = true
        subKind = kindOf(block.text)
        continue
      }
      if (block.kind === 'field') {
        const made = item(`${block.label}: ${block.value}`, subKind, null)
        if (made) out.push(made)
        continue
      }
      const node = block.node
      if (node.type === 'list') fromList(node, subKind, out)
      else if (node.type === 'table') fromTable(node, out)
      else if (node.type === 'paragraph' && !listed) {
        const lines = toString(node).split('\n').map((l) => l.trim()).filter(Boolean)
        const bullets = lines.filter((l) => BULLET_LINE.test(l))
        const intro = !underSub && lines.length > 1 && (lines[0] ?? '').endsWith(':')
        const candidates = bullets.length ? bullets.map((l) => l.replace(BULLET_LINE, '')) : underSub ? lines : intro ? lines.slice(1) : lines.length > 1 && lines.every(isItemLine) ? lines : []
        for (const line of candidates) {
          const made = bullets.length || oneSentence(stripDecoration(line)) ? item(line, subKind, null) : null
          if (made) out.push(made)
        }
      }
    }
  }
  return out
}
