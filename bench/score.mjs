/**
 * Scores normalized records against the hand-read labels of `../shared/{seeds,corpus,corpus-2}/index.tsv`.
 * One scorer serves `npm run eval` (bench/eval.mjs) and the label tests (test/corpus.test.ts), so both count alike.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

/** The shared data folder beside the project; everything here is empty when it is absent. */
export const SHARED = path.resolve(import.meta.dirname, '../../shared')

/** The labelled sets, in the order they are reported. */
export const SETS = ['seeds', 'corpus', 'corpus-2']

/** Fields that make a document "right" in the sense. */
export const CORE_FIELDS = ['title', 'incidentDate', 'timelineEvents', 'firstEvent', 'lastEvent', 'actionItems']
/** The impact window's cells. */
export const WINDOW_FIELDS = ['impactStart', 'impactEnd', 'durationMinutes']
/** Every scored field, core first. */
export const FIELDS = [...CORE_FIELDS, 'timezone', ...WINDOW_FIELDS]

const COLUMNS = {
  title: 'title',
  incidentDate: 'incident_date',
  timelineEvents: 'timeline_events',
  timezone: 'timezone',
  actionItems: 'action_items',
  firstEvent: 'first_event',
  lastEvent: 'last_event',
  impactStart: 'impact_start',
  impactEnd: 'impact_end',
  durationMinutes: 'duration_minutes',
}

/** Reads one set's `index.tsv` as rows of named cells; empty when the folder is missing. */
export function readRows(set) {
  const file = path.join(SHARED, set, 'index.tsv')
  if (!existsSync(file)) return []
  const [header, ...lines] = readFileSync(file, 'utf8').replace(/\r/g, '').trim().split('\n')
  const columns = header.split('\t')
  return lines.map((line) => {
    const cells = line.split('\t')
    const get = (name) => (cells[columns.indexOf(name)] ?? '').trim()
    const labels = {}
    for (const [field, column] of Object.entries(COLUMNS)) labels[field] = get(column)
    return { id: get('id'), path: get('path'), labels }
  })
}

/** The file of a row inside its set's folder, and the source name the build would see (a Jekyll date prefix counts). */
export function rowFile(set, row) {
  const file = set === 'seeds' ? row.path : `${row.id}.md`
  return { file: path.join(SHARED, set, file), source: path.basename(row.path || file) }
}

/** A moment (`{ date, time }`, a month-only event's `{ month }`, or an ISO string) as the labels write it. */
function momentParts(moment) {
  if (!moment) return { date: null, time: null }
  if (typeof moment === 'string') {
    const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(moment)
    return { date: match?.[1] ?? null, time: match?.[2] ?? null }
  }
  return { date: moment.date ?? moment.month ?? null, time: moment.time ?? null }
}

function showMoment(parts) {
  return [parts.date, parts.time].filter(Boolean).join(' ') || '(none)'
}

/** Whether a moment matches a label of the shape `YYYY-MM-DD HH:MM`, `HH:MM`, `YYYY-MM-DD` or `YYYY-MM`. */
function momentMatches(label, parts) {
  const full = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$/.exec(label)
  if (full) return parts.date === full[1] && parts.time === full[2]
  if (/^\d{2}:\d{2}$/.test(label)) return parts.time === label
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(label)) return (parts.date ?? '').startsWith(label)
  return false
}

/** The impact window as the record gives it: `impact` when present, else the top-level start and end. */
function impactOf(record) {
  const impact = record.impact
  if (impact) return { start: impact.start, end: impact.end, durationMinutes: impact.durationMinutes }
  return { start: record.start, end: record.end, durationMinutes: record.durationMinutes }
}

/** What the record says for one field, as text to show. */
function gotText(field, record) {
  const impact = impactOf(record)
  switch (field) {
    case 'title':
      return record.title ?? '[no title]'
    case 'incidentDate':
      return record.date ?? ''
    case 'timelineEvents':
      return String(record.timeline.length)
    case 'timezone':
      return record.timezone ?? ''
    case 'actionItems':
      return String(record.actionItems.length)
    case 'firstEvent':
      return showMoment(momentParts(record.timeline[0]))
    case 'lastEvent':
      return showMoment(momentParts(record.timeline[record.timeline.length - 1]))
    case 'impactStart':
      return showMoment(momentParts(impact.start))
    case 'impactEnd':
      return showMoment(momentParts(impact.end))
    case 'durationMinutes':
      return impact.durationMinutes === null || impact.durationMinutes === undefined ? '(none)' : String(impact.durationMinutes)
    default:
      return ''
  }
}

/**
 * Whether one labelled cell is right; `null` when the cell is not scored (empty: a careful reader could not tell).
 * Titles accept any of `A || B`; durations a reader's tolerance of 10 % or 5 minutes.
 */
export function scoreCell(field, label, record) {
  const impact = impactOf(record)
  if (label === '' && !['title', 'timelineEvents', 'actionItems'].includes(field)) return null
  switch (field) {
    case 'title':
      return label
        .split(' || ')
        .map((t) => t.trim())
        .includes(record.title ?? '[no title]')
    case 'timelineEvents':
      return record.timeline.length === Number(label)
    case 'actionItems':
      return record.actionItems.length === Number(label)
    case 'incidentDate':
      return record.date === label
    case 'timezone':
      return record.timezone === label
    case 'firstEvent':
      return momentMatches(label, momentParts(record.timeline[0]))
    case 'lastEvent':
      return momentMatches(label, momentParts(record.timeline[record.timeline.length - 1]))
    case 'impactStart':
      return momentMatches(label, momentParts(impact.start))
    case 'impactEnd':
      return momentMatches(label, momentParts(impact.end))
    case 'durationMinutes': {
      const want = Number(label)
      const got = impact.durationMinutes
      return typeof got === 'number' && Math.abs(got - want) <= Math.max(5, want * 0.1)
    }
    default:
      return null
  }
}

/** Scores one record: per field `{ label, got, ok }` for every scored cell, and whether the core fields are all right. */
export function scoreRecord(row, record) {
  const cells = {}
  for (const field of FIELDS) {
    const label = row.labels[field]
    const ok = scoreCell(field, label, record)
    if (ok !== null) cells[field] = { label, got: gotText(field, record), ok }
  }
  const coreRight = CORE_FIELDS.every((field) => cells[field]?.ok !== false)
  return { id: row.id, cells, coreRight }
}

/** Totals over scored records: documents with every core field right, per-field right/scored, window cells, misses. */
export function summarize(scores) {
  const fields = {}
  for (const field of FIELDS) fields[field] = { right: 0, scored: 0 }
  const misses = []
  for (const score of scores) {
    for (const [field, cell] of Object.entries(score.cells)) {
      fields[field].scored++
      if (cell.ok) fields[field].right++
      else misses.push(`${score.id} ${field}: got ${JSON.stringify(cell.got)}, label ${JSON.stringify(cell.label)}`)
    }
  }
  const window = WINDOW_FIELDS.reduce((sum, field) => ({ right: sum.right + fields[field].right, scored: sum.scored + fields[field].scored }), {
    right: 0,
    scored: 0,
  })
  return { documents: scores.length, coreRight: scores.filter((s) => s.coreRight).length, fields, window, misses }
}
