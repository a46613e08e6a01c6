import type { TimelineEntry } from '../../types.js'
import type { StatusLog } from './summary.js'

/** A log written newest first (a status page's updates: the first stamp later than the last), else null. */
export function statusLogOf(entries: TimelineEntry[]): StatusLog | null {
  const stamp = (e: TimelineEntry | undefined): string => (e?.date && e.time ? `${e.date} ${e.time}` : '')
  const [newest, oldest] = [stamp(entries[0]), stamp(entries.at(-1))]
  if (entries.length < 2 || !oldest || newest <= oldest) return null
  return { updates: entries.map((e) => e.text), first: entries.at(-1)!.text }
}
