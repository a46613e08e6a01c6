import type { TimelineEntry } from '../types.js'
import { slugify } from './paths.js'

/** Words of an event's text its id keeps: enough to tell events apart, short enough to read in a link. */
const WORDS = 6
const MAX_TEXT = 48

/** The part of an id an event's time gives: `2024-03-02-1045`, `1045` without a day, `2015-10` for a month, else `untimed`. */
function timePart(entry: TimelineEntry): string {
  const time = entry.time?.replace(':', '') ?? null
  if (!time) return entry.month ?? 'untimed'
  return entry.date ? `${entry.date}-${time}` : time
}

/** The part of an id an event's text gives: its first words, slugged (`db-failover-started`). */
function textPart(text: string): string {
  const words = text.split(/\s+/).filter(Boolean).slice(0, WORDS).join(' ')
  const slug = words ? slugify(words) : ''
  return slug.length > MAX_TEXT ? slug.slice(0, MAX_TEXT).replace(/-[^-]*$/, '') || slug.slice(0, MAX_TEXT) : slug
}

/**
 * Anchor ids of a timeline's events, made from each event's time and text rather than its position, so a link to an
 * event keeps pointing at it when other events are added, removed or edited; equal ids get `-2`, `-3`... in timeline order.
 */
export function eventIds(entries: readonly TimelineEntry[]): string[] {
  const seen = new Map<string, number>()
  return entries.map((entry) => {
    const text = textPart(entry.text)
    const base = `ev-${timePart(entry)}${text && text !== 'untitled' ? `-${text}` : ''}`
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    return n === 1 ? base : `${base}-${n}`
  })
}
