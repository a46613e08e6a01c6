/**
 * Follow-ups written as a table: one item per row, the text from the action column, owner, status, priority
 * and kind from their columns, and a done marker anywhere in the row ("**DONE**" in a bug column) as status.
 */
import type { Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { ActionItem } from '../../types.js'
import { cellText, oneLine } from '../structure/plain-text.js'
import { kindOf, makeItem, priorityOf, statusOf } from './action-markers.js'
import { dueOf } from './action-due.js'

/** Where each column of an action table is; -1 when absent. */
interface Columns {
  text: number
  owner: number
  status: number
  priority: number
  kind: number
  due: number
}

const OWNER = /^(?:owners?|assignees?|who|responsible|assigned(?: to)?|dri|team)$/
const STATUS = /^(?:status|state|done\??|progress|completed?\??)$/
const PRIORITY = /^(?:priority|prio|pri|p|severity|importance)$/
const KIND = /^(?:kind|type|category|class)$/
const DUE = /^(?:due(?: date| by| on)?|deadline|target(?: date)?|eta|by when|completion date|fällig(?:keit)?|échéance|期限|期日)$/
const TEXT = /action|item|task|description|what|title|follow|summary|remediation|measure|improvement|fix|todo|to do/
const NOT_TEXT = /^(?:#|id|no\.?|nr\.?|bug|bugs|ticket|tickets|issue|issues|link|links|pr|jira|date|due|due date|eta|deadline)$/

function headerCells(table: Table): string[] {
  return (table.children[0]?.children ?? []).map((c) =>
    oneLine(toString(c))
      .toLowerCase()
      .replace(/[*_`:]/g, '')
      .trim(),
  )
}

function columns(headers: string[]): Columns {
  const find = (re: RegExp): number => headers.findIndex((h) => re.test(h))
  const owner = find(OWNER)
  const status = find(STATUS)
  const priority = find(PRIORITY)
  const kind = find(KIND)
  const due = find(DUE)
  const taken = new Set([owner, status, priority, kind, due])
  let text = headers.findIndex((h, i) => !taken.has(i) && TEXT.test(h))
  if (text < 0) text = headers.findIndex((h, i) => !taken.has(i) && !NOT_TEXT.test(h))
  return { text, owner, status, priority, kind, due }
}

/** A cell that reads as a sentence of work rather than a value: four words or more, and neither a priority nor a status. */
function proseCell(cell: string): boolean {
  return cell.split(/\s+/).filter(Boolean).length >= 4 && priorityOf(cell) === null && statusWord(cell) === null
}

/**
 * The table's columns, from its header; when no header names the action ("# | Owner | Priority | Due" with the task
 * written under "Priority"), the one priority, status or kind column whose every body cell is a sentence of work holds it.
 */
function columnsOf(table: Table): Columns {
  const cols = columns(headerCells(table))
  if (cols.text >= 0) return cols
  const rows = table.children.slice(1).map((row) => row.children.map(cellText))
  if (rows.length === 0) return cols
  for (const role of ['priority', 'status', 'kind'] as const) {
    const at = cols[role]
    if (at >= 0 && rows.every((cells) => proseCell(cells[at] ?? ''))) return { ...cols, text: at, [role]: -1 }
  }
  return cols
}

/**
 * True for a table of follow-ups: an action column beside an owner, status or priority column. Under an action-items
 * heading any table with a text column is one, except beside a list when nothing in its header names an action or an
 * attribute (a "Metric | Before | After" table next to the list of items).
 */
export function isActionTable(table: Table, inActionSection: boolean, besideList = false): boolean {
  const headers = headerCells(table)
  const cols = columnsOf(table)
  if (cols.text < 0) return false
  const attribute = [cols.owner, cols.status, cols.priority, cols.kind, cols.due].some((i) => i >= 0)
  if (inActionSection) return !besideList || attribute || TEXT.test(headers[cols.text] ?? '')
  const actionText = /action|task|follow|remediation|todo|to do|measure/.test(headers[cols.text] ?? '')
  return cols.owner >= 0 || cols.priority >= 0 ? actionText || cols.status >= 0 || cols.owner >= 0 : cols.status >= 0 && actionText
}

/** One item per row of the table. */
export function tableItems(table: Table): ActionItem[] {
  const cols = columnsOf(table)
  const out: ActionItem[] = []
  for (const row of table.children.slice(1)) {
    const cells = row.children.map(cellText)
    const cell = (i: number): string => (i >= 0 ? (cells[i] ?? '') : '')
    const word = statusWord(cell(cols.status))
    const marked = cells.map((c, i) => (i === cols.text ? null : (/\b(DONE|TODO|DOING|WIP|FIXED|COMPLETED)\b|[✅✔]/.exec(c)?.[0] ?? null))).find(Boolean)
    const said = word ?? marked ?? null
    // A cell with no letter or digit ("???", "-", "n/a" aside) is an owner left blank, not a name.
    const owner = ownerOf(cell(cols.owner))
    const priority = priorityOf(cell(cols.priority)) ?? (cell(cols.priority) || null)
    const made = makeItem(cell(cols.text), { kind: kindCell(cell(cols.kind)), done: said ? statusOf(said) : null, word: said, due: dueOf(cell(cols.due)) })
    if (made && !/^[-–—|:\s]*$/.test(made.text)) out.push({ ...made, owner: owner ?? made.owner, priority: priority ?? made.priority })
  }
  return out
}

/** An owner cell's name without a leading `@`; `null` for a placeholder ("???", "—", "TBD", "n/a"). */
export function ownerOf(cell: string): string | null {
  const name = cell.replace(/^@/, '').trim()
  return /[\p{L}\p{N}]/u.test(name) && !/^(?:tbd|tba|n\/?a|none|nobody|unassigned|unknown|\?+)$/i.test(name) ? name : null
}

/** Emoji, symbols and their joiners in front of a status word ("🔄 Planned", "✔️ Done", "🔴 Open"), a tracker's decoration. */
const LEADING_SYMBOLS = /^(?:[\p{Extended_Pictographic}\p{So}\s]|\u200d|\ufe0f)+/u

/**
 * The status a cell states, as written: the whole cell ("In progress", "Won't fix") or its first word ("Done (May 3)"),
 * read after any emoji in front ("🔄 Planned" is `Planned`) unless the emoji names another state ("✅ Ongoing practice").
 */
function statusWord(cell: string): string | null {
  const whole = cell.replace(/[*_`]/g, '').trim()
  if (statusOf(whole) !== null) return whole
  const first = (text: string): string => text.split(/[\s,;(]/)[0] ?? ''
  const lead = first(whole)
  const mark = statusOf(lead) !== null ? lead : statusOf(lead.replace(/\ufe0f/g, '')) !== null ? lead.replace(/\ufe0f/g, '') : null
  const worded = whole.replace(LEADING_SYMBOLS, '')
  if (worded !== whole && worded !== '') {
    const word = statusOf(worded) !== null ? worded : statusOf(first(worded)) !== null ? first(worded) : null
    if (word !== null && (mark === null || statusOf(mark) === statusOf(word))) return word
  }
  return mark
}

/**
 * The kind a Kind/Type cell names: a known kind word ("Preventive" is `prevention`), else the cell itself lower-cased
 * when it is a short label ("Security", "Type-Action" is `action`); a status word in the cell is not a kind.
 */
export function kindCell(cell: string): string | null {
  const label = cell
    .replace(/[*_`]/g, '')
    .trim()
    .replace(/^type\s*[-:]\s*/i, '')
  if (!label || statusOf(label) !== null) return null
  const known = kindOf(label)
  if (known) return known
  return /^\p{L}[\p{L} /&-]{0,30}$/u.test(label) && label.split(/\s+/).length <= 3 ? label.toLowerCase() : null
}
