/** Whether a table is a list of named moments (`| Detected | 2025-01-21 18:24 UTC |`), an incident tool's milestones, not the story of the incident. */
import type { Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { readStamp } from './timeline-stamp.js'

const LABEL = /^[^\d:：|]{1,40}$/

/** Two columns, two to twelve body rows, each a label without digits beside a cell that is a date or time stamp. */
export function isMomentTable(table: Table): boolean {
  const rows = table.children.slice(1)
  if (rows.length < 2 || rows.length > 12) return false
  return rows.every((row) => {
    if (row.children.length !== 2) return false
    const label = toString(row.children[0]!).replace(/[*_`]/g, '').trim()
    const value = toString(row.children[1]!).replace(/[*_`]/g, '').trim()
    if (!LABEL.test(label) || value.length > 60) return false
    const stamp = readStamp(value, {})
    return stamp !== null && (stamp.time !== null || stamp.date !== null) && !stamp.invalidTime
  })
}
