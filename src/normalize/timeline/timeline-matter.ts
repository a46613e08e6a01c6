/**
 * A status post's updates listed in its front matter (Jekyll/Hugo status themes: `incident_states:` or `updates:` of
 * `{status, content, date}`, `timeline:` of `{time, event}`) as a timeline location: one list item per timed update,
 * at the update's own line and with its stamp as written, so the timeline reader dates and zones it like a written list.
 */
import type { List, ListItem } from 'mdast'
import { parseAt } from '../structure/synthetic-nodes.js'
import type { TimelineLocation } from './timeline-source.js'
import { collapseSpaces } from '../collapse-spaces.js'
import { bareKey } from '../front-matter/bare-key.js'

/** Keys of a list of updates, compared in lower case without `_` or `-`. */
const LIST_KEYS = new Set([
  'updates',
  'incidentupdates',
  'statusupdates',
  'incidentstates',
  'states',
  'timeline',
  'incidenttimeline',
  'events',
  'history',
  'incidenthistory',
  'statushistory',
  'log',
  'incidentlog',
])
/** Keys of an update's moment, best first. */
const STAMP_KEYS = ['date', 'time', 'datetime', 'timestamp', 'at', 'when', 'createdat', 'created', 'postedat', 'posted', 'displayat', 'updatedat']
/** Keys of an update's words, best first. */
const TEXT_KEYS = ['content', 'message', 'body', 'text', 'description', 'desc', 'details', 'detail', 'event', 'update', 'note', 'notes', 'summary']
/** Keys of an update's label ("investigating", "Identified"), written before its words. */
const LABEL_KEYS = ['status', 'state', 'phase', 'type', 'title', 'action', 'label']
const MAX_ITEMS = 100
const MAX_TEXT = 1000
/** A time of day in a stamp: an update list without one (a blog's `updates: - time: '2020-05-01'`) is no timeline. */
const TIME_OF_DAY = /\d[:.]\d\d|\d\s?[ap]\.?m\b/i

/** `true` for a front-matter key holding a list this stage reads as updates (so it is no unknown-key warning). */
export function isUpdateListKey(key: string, value: unknown): boolean {
  return LIST_KEYS.has(bareKey(key)) && Array.isArray(value)
}

/** The value of the first of `keys` an item has (its own spelling of the key too). */
function pick(item: Record<string, unknown>, keys: string[]): { key: string; value: unknown } | null {
  const own = Object.keys(item)
  for (const wanted of keys) {
    const key = own.find((k) => bareKey(k) === wanted)
    if (key !== undefined && item[key] !== null && item[key] !== undefined) return { key, value: item[key] }
  }
  return null
}

/** A string value, whitespace collapsed and bounded; `null` for anything else or an empty one. */
function words(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const text = collapseSpaces(value).trim().slice(0, MAX_TEXT)
  return text || null
}

/** Where each item of the list under top-level `key` starts in the block's `lines` (0-based); `[]` when not found. */
function itemStarts(lines: string[], key: string): number[] {
  const head = lines.findIndex((l) => {
    const m = /^["']?([^"':\s][^"':]{0,60}?)["']?[ \t]*:[ \t]*(?:#.*)?$/.exec(l)
    return m?.[1] === key
  })
  if (head < 0) return []
  const starts: number[] = []
  let indent = -1
  for (let i = head + 1; i < lines.length && starts.length <= MAX_ITEMS; i++) {
    const line = lines[i]!
    if (!line.trim() || /^\s*#/.test(line)) continue
    const lead = /^ */.exec(line)![0].length
    const dash = /^ *-(?:[ \t]|$)/.test(line)
    if (lead === 0 && !dash) break
    if (dash && (indent < 0 || lead === indent)) {
      indent = lead
      starts.push(i)
    }
  }
  return starts
}

/** The value of `key` as written inside lines `from`..`to` (quotes and comment removed), `null` when not found. */
function writtenIn(lines: string[], from: number, to: number, key: string): string | null {
  for (let i = from; i < to; i++) {
    const m = /^\s*(?:-\s+)?["']?([^"':\s][^"':]{0,40}?)["']?[ \t]*:[ \t]+(\S.{0,200})$/.exec(lines[i] ?? '')
    if (m?.[1] !== key) continue
    const value = m[2]!.replace(/\s+#.*$/, '').trim()
    return value.replace(/^(["'])(.*)\1$/, '$2').trim() || null
  }
  return null
}

/** The stamp of an update: as written when the line is found (YAML turns `10:30` into a number, a date-time into UTC), else its value. */
function stampOf(value: unknown, written: string | null): string | null {
  if (written !== null) return written
  if (typeof value === 'string') return value.trim()
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : null
}

/** The first letter in upper case: a status word (`investigating`) reads as a label. */
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

/**
 * The front matter's list of updates as a timeline location, or `null` when it holds none: an item counts when it
 * has a stamp with a time of day and words (or a label); the list counts when one item does. `text` is the whole
 * document and `lines` the front-matter block's line count.
 */
export function matterTimeline(data: Record<string, unknown>, text: string, lines: number): TimelineLocation | null {
  const key = Object.keys(data).find((k) => isUpdateListKey(k, data[k]))
  if (key === undefined) return null
  const list = (data[key] as unknown[]).slice(0, MAX_ITEMS)
  const block = lines > 0 ? text.split('\n', lines) : []
  const starts = itemStarts(block, key)
  const located = starts.length === list.length
  const items: ListItem[] = []
  for (const [index, raw] of list.entries()) {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) continue
    const item = raw as Record<string, unknown>
    const stamp = pick(item, STAMP_KEYS)
    const from = located ? starts[index]! : -1
    const to = located ? (starts[index + 1] ?? block.length) : -1
    const at = stamp ? stampOf(stamp.value, located ? writtenIn(block, from, to, stamp.key) : null) : null
    if (!at || at.length > 80 || !TIME_OF_DAY.test(at)) continue
    const said = words(pick(item, TEXT_KEYS)?.value)
    const label = words(pick(item, LABEL_KEYS)?.value)
    const named = label && label.length <= 40 && label !== said ? capital(label) : null
    const line = named && said ? `${named}: ${said}` : (said ?? named)
    if (!line) continue
    const parsed = parseAt(`- ${at} - ${line}`, located ? from + 1 : 1)[0]
    if (parsed?.type === 'list' && parsed.children[0]) items.push(parsed.children[0])
  }
  if (items.length === 0) return null
  const list0: List = {
    type: 'list',
    ordered: false,
    spread: false,
    children: items,
    position: { start: items[0]!.position!.start, end: items[items.length - 1]!.position!.end },
  }
  return { kind: 'section', nodes: [list0], heading: '', context: '' }
}

/** The locations with the front matter's updates after the body's timeline sections, before lists found by their shape. */
export function withMatterTimeline(locations: TimelineLocation[], matter: TimelineLocation | null): TimelineLocation[] {
  if (!matter) return locations
  const at = locations.findIndex((l) => l.kind !== 'section')
  return at < 0 ? [...locations, matter] : [...locations.slice(0, at), matter, ...locations.slice(at)]
}
