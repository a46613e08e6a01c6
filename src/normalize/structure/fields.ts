/**
 * Labelled fields that carry the incident's when: `Date:`, `Duration:`, `Start:`/`End:` lines, bold labels, or
 * `- **Duration:** ...` list items; read outside the timeline only.
 */
import type { List, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Block } from './blocks.js'

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
}

const KINDS: Array<[keyof Fields, RegExp]> = [
  ['date', /^(?:incident )?date(?: of (?:the )?incident)?$|^when$/],
  ['duration', /^(?:outage )?duration$|^(?:time )?window$|^period$|^downtime$/],
  ['start', /^start(?:ed)?(?: (?:time|date))?$/],
  ['end', /^end(?:ed)?(?: (?:time|date))?$/],
  ['severity', /^(?:severity|sev|priority|impact level)$/],
  ['authors', /^(?:authors?|written by|owners?|created by)$/],
]

function kindOf(label: string): keyof Fields | null {
  const norm = label.toLowerCase().replace(/[*_`:]/g, '').trim()
  for (const [kind, re] of KINDS) if (re.test(norm)) return kind
  return null
}

function listFields(list: List, out: Field[]): void {
  for (const item of list.children) {
    const first = item.children[0]
    if (first?.type !== 'paragraph') continue
    const text = toString(first)
    const m = /^\s*([A-Za-z][A-Za-z ]{0,30}?)\s*:\s*(\S.*)$/s.exec(text)
    if (m && kindOf(m[1] ?? '')) out.push({ label: m[1] ?? '', value: (m[2] ?? '').replace(/\s+/g, ' '), line: first.position?.start.line ?? 1, column: first.position?.start.column ?? 1 })
  }
}

/** Collects the first field of each kind, in document order (field lines first, then list items). */
export function collectFields(blocks: Block[], _tree: Root): Fields {
  const found: Field[] = []
  for (const block of blocks) {
    if (block.kind === 'field') found.push({ label: block.label, value: block.value, line: block.line, column: block.column })
    else if (block.kind === 'content' && block.node.type === 'list') listFields(block.node, found)
  }
  const fields: Fields = { date: null, duration: null, start: null, end: null, severity: null, authors: null }
  for (const field of found) {
    const kind = kindOf(field.label)
    if (kind && !fields[kind]) fields[kind] = field
  }
  return fields
}
