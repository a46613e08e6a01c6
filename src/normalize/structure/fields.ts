/**
 * Labelled fields that carry the incident's when: `Date:`, `Duration:`, `Start:`/`End:` lines, bold labels, or
 * `- **Duration:** ...` list items, rows of a metadata table at the top, `## Date: ...` heading lines, an `## Authors`
 * or `## Severity` heading over a list or a short line, a `### Date` heading over a date; read outside the timeline only.
 */
import type { List, Root, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { findDates } from '../time/datetime.js'
import type { Block } from './blocks.js'
import { foreignFieldName } from './foreign-field-labels.js'
import { collapseSpaces } from '../collapse-spaces.js'
import { isMomentTable } from '../timeline/moment-table.js'

/** One labelled value with its place. */
export interface Field {
  label: string
  value: string
  line: number
  column: number
}

/** The fields the date and range readers use; `null` when the document has none. */
export interface Fields {
  date: Field | null
  duration: Field | null
  start: Field | null
  end: Field | null
  severity: Field | null
  authors: Field | null
  /** A labelled title (`**Title:** ...`, a metadata table's `Incident` row). */
  title: Field | null
  /** Response phases stated as fields (`Detected: 2022-04-28 10:34`, a metadata table's `Resolved` row). */
  detected: Field | null
  mitigated: Field | null
  resolved: Field | null
}

const KINDS: Array<[keyof Fields, RegExp]> = [
  ['date', /^(?:incident )?date(?:s|\(s\))?(?: of (?:the )?incident)?$|^when$/],
  [
    'duration',
    /^(?:total )?(?:(?:outage|impact|incident|downtime|customer impact) )?duration$|^(?:(?:time|impact|outage|incident) )?window$|^period$|^(?:total )?downtime$|^total time(?: down)?$/,
  ],
  // "Down: 10:32" / "Up: 11:05": a status note's when the service went down and came back.
  // A bare "Time: 00:50 UTC" beside a "Date:" field is when the incident happened: its start.
  [
    'start',
    /^(?:(?:incident|impact|outage) )?start(?:ed)?(?: (?:time|date|at|on))?$|^start of (?:the )?(?:incident|impact|outage)$|^(?:went )?down(?: since| at)?$|^time$/,
  ],
  ['end', /^(?:(?:incident|impact|outage) )?end(?:ed)?(?: (?:time|date|at|on))?$|^end of (?:the )?(?:incident|impact|outage)$|^(?:back )?up(?: again)?$/],
  ['severity', /^(?:severity|sev|priority|impact level)$/],
  ['authors', /^(?:authors?|written by|owners?|created by)$/],
  ['title', /^(?:(?:incident|postmortem|post-mortem|report|document) )?(?:title|name)$|^(?:incident|event)$/],
  ['detected', /^(?:time )?(?:detected|reported)(?: (?:at|on|time))?$|^(?:time of )?detection(?: time)?$/],
  ['mitigated', /^mitigated(?: (?:at|on|time))?$|^mitigation time$/],
  ['resolved', /^(?:time )?(?:resolved|recovered|fixed)(?: (?:at|on|time))?$|^(?:time of )?resolution(?: time)?$/],
]

/** Which field a label names (`Total impact duration` is the duration, `Down` the start), `null` for none. */
export function fieldKindOf(label: string): keyof Fields | null {
  const norm = (foreignFieldName(label) ?? label)
    .toLowerCase()
    .replace(/[*_`:]/g, '')
    .trim()
  for (const [kind, re] of KINDS) if (re.test(norm)) return kind
  return null
}

/** Labelled list items, and those of sub-lists two levels down (`- **Time**:` over `- Down: 10:32 UTC`). */
function listFields(list: List, out: Field[], depth = 0): void {
  for (const item of list.children) {
    const first = item.children[0]
    const m = first?.type === 'paragraph' ? /^\s*(\p{L}[\p{L} '’]{0,30}?)\s*[:：]\s*(\S.*)$/su.exec(toString(first)) : null
    if (m && fieldKindOf(m[1] ?? ''))
      out.push({
        label: m[1] ?? '',
        value: collapseSpaces(m[2] ?? ''),
        line: first?.position?.start.line ?? 1,
        column: first?.position?.start.column ?? 1,
      })
    if (depth < 2) for (const child of item.children) if (child.type === 'list') listFields(child, out, depth + 1)
  }
}

/** Rows of a two-column table at the top of the document (`| **Event** | ... |`) or of named moments anywhere, read as labelled values. */
function tableFields(table: Table, out: Field[]): void {
  for (const row of table.children) {
    const [label, value] = row.children
    if (!label || !value || row.children.length > 3) continue
    const name = toString(label)
      .replace(/[*_`:]/g, '')
      .trim()
    if (!/^\p{L}[\p{L} '’]{0,30}$/u.test(name)) continue
    out.push({ label: name, value: collapseSpaces(toString(value)).trim(), line: row.position?.start.line ?? 1, column: 1 })
  }
}

/**
 * Whether a block sits before the first section heading, or is the whole body of the first section when that section
 * is unmapped or a summary (an incident tool's `## Key information` or `## Incident details` table): where metadata belongs.
 */
function metadataPlace(blocks: Block[], index: number): boolean {
  if (beforeSections(blocks, index)) return true
  const heading = blocks[index - 1]
  if (heading?.kind !== 'heading' || heading.depth === 1 || !beforeSections(blocks, index - 1)) return false
  if (heading.match && heading.match.key !== 'summary') return false
  return alone(blocks, index + 1)
}

/** Whether a block sits before the first section heading (where a metadata table belongs). */
function beforeSections(blocks: Block[], index: number): boolean {
  for (let i = 0; i < index; i++) {
    const block = blocks[i]!
    if (block.kind === 'heading' && (block.match || block.depth > 1)) return false
  }
  return true
}

/** A heading that is only a numeric date (`## 3.4.2020`, `## 2020-05-04`): a dateline, not a section. */
export const DATELINE = /^\s*(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})\s*$/

/** A dateline heading before any section with nothing under it (the next block is a heading) states the document's date. */
function datelineField(blocks: Block[], index: number): Field | null {
  const block = blocks[index]!
  if (block.kind !== 'heading' || block.depth === 1 || !DATELINE.test(block.text)) return null
  if (blocks[index + 1]?.kind !== 'heading') return null
  for (let i = 0; i < index; i++) {
    const before = blocks[i]!
    if (before.kind === 'heading' && (before.match || before.depth > 1)) return null
  }
  return { label: 'Date', value: block.text.trim(), line: block.line, column: block.column }
}

/**
 * An `## Authors` (or `## Severity`) heading whose next block is a list or a short line: the names, or the severity
 * (its bold word, else the text before a dash: "**Critical** - code execution in CI" is `Critical`).
 */
function headingField(blocks: Block[], index: number): Field | null {
  const block = blocks[index]!
  const body = blocks[index + 1]
  if (block.kind !== 'heading' || block.depth === 1 || body?.kind !== 'content') return null
  const kind = fieldKindOf(block.text)
  if (kind === 'date') return headedDate(block.text, body)
  if (kind && kind !== 'authors' && kind !== 'severity' && kind !== 'title') return alone(blocks, index + 2) ? headedValue(block.text, body) : null
  if (kind !== 'authors' && kind !== 'severity') return null
  const node = body.node
  let value = ''
  if (node.type === 'list' && kind === 'authors')
    value = node.children
      .slice(0, 20)
      .map((item) => toString(item.children[0] ?? item).trim())
      .join(', ')
  else if (node.type === 'paragraph') {
    const first = node.children[0]
    value = kind === 'authors' ? toString(node) : first?.type === 'strong' ? toString(first) : (toString(node).split(/\s[-–—:]\s/)[0] ?? '')
  }
  value = collapseSpaces(value).trim()
  if (!value || value.length > (kind === 'severity' ? 40 : 200)) return null
  return { label: block.text.trim(), value, line: body.line, column: 1 }
}

/** A `### Date` heading over a paragraph that is only a date (`8/11/2023`), as a template's metadata is written. */
function headedDate(label: string, body: Extract<Block, { kind: 'content' }>): Field | null {
  if (body.node.type !== 'paragraph') return null
  const value = collapseSpaces(toString(body.node)).trim()
  if (!value || value.length > 40 || findDates(value)[0]?.index !== 0) return null
  return { label: label.trim(), value, line: body.line, column: 1 }
}

/** Whether the block at `next` ends a heading's body (a heading or the end): the value stood alone under it. */
const alone = (blocks: Block[], next: number): boolean => next >= blocks.length || blocks[next]!.kind === 'heading'

/**
 * A `## Duration` (or `## Start`, `## Time resolved`) heading over one short line with a digit and no sentence (`45
 * minutes`, `14:45 UTC`): its value. A status page's `**Resolved**` over its update's words is no such heading.
 */
function headedValue(label: string, body: Extract<Block, { kind: 'content' }>): Field | null {
  if (body.node.type !== 'paragraph') return null
  const value = collapseSpaces(toString(body.node)).trim()
  return value && value.length <= 60 && /\d/.test(value) && !/[.!?]$/.test(value) ? { label: label.trim(), value, line: body.line, column: 1 } : null
}

/** Collects the first field of each kind, in document order (field lines first, then list items). */
export function collectFields(blocks: Block[], _tree: Root): Fields {
  const found: Field[] = []
  blocks.forEach((block, index) => {
    const dateline = datelineField(blocks, index)
    const headed = dateline ? null : headingField(blocks, index)
    if (dateline) found.push(dateline)
    else if (headed) found.push(headed)
    else if (block.kind === 'field') found.push({ label: block.label, value: block.value, line: block.line, column: block.column })
    else if (block.kind === 'content' && block.node.type === 'list') listFields(block.node, found)
    else if (block.kind === 'content' && block.node.type === 'table' && (metadataPlace(blocks, index) || isMomentTable(block.node)))
      tableFields(block.node, found)
  })
  const fields: Fields = {
    date: null,
    duration: null,
    start: null,
    end: null,
    severity: null,
    authors: null,
    title: null,
    detected: null,
    mitigated: null,
    resolved: null,
  }
  for (const field of found) {
    const kind = fieldKindOf(field.label)
    if (kind && !fields[kind]) fields[kind] = field
  }
  return fields
}

/** The window the fields state: a `Duration:` field holding clock times, else `Start:`–`End:`, else the duration's amount. */
export function fieldRangeOf(fields: Fields): string | null {
  const startEnd = fields.start ? `${fields.start.value}${fields.end ? ` - ${fields.end.value}` : ''}` : null
  if (fields.duration && (!startEnd || /\d[:h]\d\d/.test(fields.duration.value))) return fields.duration.value
  return startEnd
}
