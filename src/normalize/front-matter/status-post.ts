/**
 * Whether front matter is a status-page incident post (cState, Jekyll and Hugo status themes), whose `date` is when
 * the incident began rather than when a blog post was published.
 */

import { bareKey } from './bare-key.js'

/** Status words a status post's `status`/`state` key holds. */
const STATUS_WORDS = /^(?:resolved|investigating|identified|monitoring|update|ongoing|open|closed|completed|scheduled|in[ _-]?progress)$/i

/** A value that holds a moment (a YAML date, text with an ISO day or a clock time), not a flag or a name (`resolvedBy: SRE 2`). */
const isMoment = (value: unknown): boolean =>
  value instanceof Date || (typeof value === 'string' && value.length <= 80 && /\b\d{4}-\d{1,2}-\d{1,2}(?!\d)|\b\d{1,2}:\d{2}\b/.test(value))

/**
 * `true` when the keys say status post: `affected` or `resolvedWhen` (cState), `affectedsystems` (Statusfy), `severity` with `resolved`, a resolution
 * key holding a moment (`resolvedDate`, `resolved_at`), or a status word with a severity.
 */
export function isStatusPost(data: Record<string, unknown>): boolean {
  if ('affected' in data || 'affectedsystems' in data || 'resolvedWhen' in data || ('severity' in data && 'resolved' in data)) return true
  for (const key of Object.keys(data)) {
    const k = bareKey(key)
    if (k !== 'resolved' && k.startsWith('resolved') && isMoment(data[key])) return true
    if ((k === 'status' || k === 'state') && 'severity' in data && typeof data[key] === 'string' && STATUS_WORDS.test(data[key].trim())) return true
  }
  return false
}
