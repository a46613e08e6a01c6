/**
 * A GFM table read as a timeline: the date and time columns found by header (`Date`, `Time`, `When`) or by content,
 * the other columns joined as the event text; kramdown attribute rows (`{: .table }`) are markup, not rows.
 */
import type { Table } from 'mdast'
import { cellText } from '../structure/plain-text.js'
import type { DateHints } from '../time/datetime.js'
import { readStamp, type Stamp } from './timeline-stamp.js'
import { readElapsed } from './timeline-elapsed.js'
import { readBareMonth } from '../time/month-stamp.js'
import { findZone, parseZone, type ParsedZone } from '../time/zones.js'

/** One body row: its stamp (null when the stamp cells are empty or unreadable), event text and position. */
export interface TableEntry {
  stamp: Stamp | null
  /** The row's month (`2024-07`) when the table dates its rows by month alone (`Jul 2024`). */
  month?: string
  text: string
  line: number
  column: number
}

const STAMP_HEADER = /\b(?:date|time|when|timestamp|hour|datetime|day|utc)s?\b/i
const KRAMDOWN_IAL = /^\{:.*\}$/
const MAX_ROWS = 10_000
const SAMPLE_ROWS = 200

/** A cell that only marks "nothing here": a dash, an ellipsis, "n/a", "none". */
const EMPTY_CELL = /^(?:[-–—.…]+|n\/?a|none|tbd|\?)$/i
/** A header that names the event itself; who did it, the system or a link are details after it. */
/** A note in brackets after a stamp in its cell (`(block 24154245)`, `[INC-1]`): said about the stamp, read after the event. */
const BRACKET_NOTE = /^[([][^()[\]\n]{0,120}[)\]]$/
/** A token that names something by number (`INC-123456`, `#4411`, `24154245`), not a word of prose. */
const NUMBERED_TOKEN = /^\S{0,40}\d\S{0,40}$/
const MAX_NOTE_TOKENS = 3

/** What may follow a stamp in its own cell and still leave it a stamp cell: nothing, a short word, a bracketed note or a few numbered tokens. */
function stampCellRest(rest: string): boolean {
  if (rest.length < 12 || BRACKET_NOTE.test(rest)) return true
  const tokens = rest.split(/\s+/, MAX_NOTE_TOKENS + 1)
  return tokens.length <= MAX_NOTE_TOKENS && tokens.every((t) => NUMBERED_TOKEN.test(t))
}

const EVENT_HEADER = /^(?:events?|what(?: happened)?|descriptions?|details?|actions?|activity|updates?|changes?|summary|notes?|messages?)\b/i

/** The non-stamp columns with the one whose header names the event first, the rest in table order. */
function eventFirst(columns: number[], headers: string[]): number[] {
  const event = columns.find((c) => EVENT_HEADER.test(headers[c] ?? ''))
  return event === undefined ? columns : [event, ...columns.filter((c) => c !== event)]
}

/**
 * Of two stamp columns headed by two different zones (`| NZST | UTC | Event |`), the first: both give the same moments,
 * one in each zone, so the second is neither read nor kept as text. Any other pair is a date and a time, read together.
 */
function readColumns(stampColumns: number[], headers: string[]): { read: number[]; zone: ParsedZone | null } {
  const zones = stampColumns.map((c) => findZone(headers[c] ?? ''))
  const [first, second] = zones
  if (first && second && first.written !== second.written) return { read: [stampColumns[0]!], zone: first }
  return { read: stampColumns, zone: findZone(stampColumns.map((c) => headers[c] ?? '').join(' | ')) }
}

/** A header that names the rows' zone (`TZ`, `Zone`, `Time zone`). */
const ZONE_HEADER = /^(?:time[\s-]?zone|zone|tz)$/i

/** The column headed as a zone whose filled cells mostly name one (`| Time | TZ | Event |`): read with the stamp, never text. */
function zoneColumn(data: Row[], headers: string[], width: number, stampColumns: number[]): number | null {
  for (let c = 0; c < width; c++) {
    if (stampColumns.includes(c) || !ZONE_HEADER.test(headers[c]?.trim() ?? '')) continue
    const filled = data.slice(0, SAMPLE_ROWS).flatMap(({ cells }) => cells[c] || [])
    if (filled.length > 0 && 2 * filled.filter((cell) => parseZone(cell)).length > filled.length) return c
  }
  return null
}

/** Reads a table as timeline rows, or null when no column holds dates or times. */
export function readTable(node: Table, hints: DateHints): { entries: TableEntry[]; zone: ParsedZone | null } | null {
  const rows = node.children.map((row) => ({ row, cells: row.children.map(cellText) }))
  const [header, ...body] = rows
  if (!header) return null
  const data = body.slice(0, MAX_ROWS).filter(({ cells }) => cells.some((c) => c !== '') && !KRAMDOWN_IAL.test(cells[0] ?? ''))
  if (data.length === 0) return null
  const width = Math.max(...rows.map((r) => r.cells.length))
  const stampColumns: number[] = []
  for (let c = 0; c < width && stampColumns.length < 2; c++) {
    let stamped = 0
    for (const { cells } of data.slice(0, SAMPLE_ROWS)) {
      const stamp = readStamp(cells[c] ?? '', hints) ?? readElapsed(cells[c] ?? '', hints)
      if (stamp && stampCellRest(stamp.rest)) stamped++
    }
    const share = stamped / Math.min(data.length, SAMPLE_ROWS)
    if (share >= 0.5 || (share >= 0.25 && STAMP_HEADER.test(header.cells[c] ?? ''))) stampColumns.push(c)
  }
  if (stampColumns.length === 0) return monthTable(data, header.cells, width)
  const { read, zone } = readColumns(stampColumns, header.cells)
  const zoned = zoneColumn(data, header.cells, width, stampColumns)
  if (zoned !== null) read.push(zoned)
  const textColumns = eventFirst(
    Array.from({ length: width }, (_, c) => c).filter((c) => !stampColumns.includes(c) && c !== zoned),
    header.cells,
  )
  const entries = data.map(({ row, cells }) => {
    const stampText = read
      .map((c) => cells[c] ?? '')
      .filter(Boolean)
      .join(' ')
    const text = textColumns
      .map((c) => cells[c] ?? '')
      .filter((cell) => cell !== '' && !EMPTY_CELL.test(cell))
      .join(' — ')
    // A cell that counts from the start or the row above (`T+5m`, `+10 minutes`) is read as that offset.
    const stamp = stampText ? (readStamp(stampText, hints) ?? readElapsed(stampText, hints)) : null
    const start = row.position?.start
    const rest = stamp?.rest ?? ''
    const parts = BRACKET_NOTE.test(rest) ? [text, rest] : [rest, text]
    return { stamp, text: parts.filter(Boolean).join(' '), line: start?.line ?? 1, column: start?.column ?? 1 }
  })
  return { entries, zone }
}

type Row = { row: Table['children'][number]; cells: string[] }

/** A table whose first column names a month in most rows (`Jul 2024 | #15181 | …`): each row an event of that month. */
function monthTable(data: Row[], headers: string[], width: number): { entries: TableEntry[]; zone: null } | null {
  const sample = data.slice(0, SAMPLE_ROWS)
  const months = sample.filter(({ cells }) => readBareMonth(cells[0] ?? '') !== null).length
  if (2 * months < sample.length || !STAMP_HEADER.test(headers[0] ?? '')) return null
  const columns = eventFirst(
    Array.from({ length: width - 1 }, (_, c) => c + 1),
    headers,
  )
  const entries = data.map(({ row, cells }) => {
    const month = readBareMonth(cells[0] ?? '')
    const text = columns
      .map((c) => cells[c] ?? '')
      .filter((cell) => cell !== '' && !EMPTY_CELL.test(cell))
      .join(' — ')
    const start = row.position?.start
    const entry: TableEntry = {
      stamp: null,
      text: month ? text : [cells[0], text].filter(Boolean).join(' — '),
      line: start?.line ?? 1,
      column: start?.column ?? 1,
    }
    if (month) entry.month = month
    return entry
  })
  return { entries, zone: null }
}
