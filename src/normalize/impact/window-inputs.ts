/**
 * The window stage's inputs read into its terms: a stated instant as a moment on the timeline's clock, and timeline
 * entries with the paragraphs under their time headings, which are read for words that mark impact.
 */
import type { Moment, TimelineEntry } from '../../types.js'
import type { ParsedZone } from '../time/zones.js'
import { momentInZone, momentOf } from './moment-math.js'

/** A stated instant as a moment on the timeline's clock (a status page's UTC `date` over a timeline in local time). */
export function fromIso(at: string | null, zone: ParsedZone | null): Moment | null {
  const m = at ? /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(at) : null
  if (!m) return null
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(at!)
  // A local date-time (front matter written without a zone) is in the document's zone, unknown without one.
  if (!zoned) return momentOf({ at: null, date: m[1]!, time: m[2]! }, zone)
  const there = zone ? momentInZone(at!, zone) : null
  return there ?? { at, date: m[1]!, time: m[2]! }
}

/** Entries whose text carries the paragraphs under their time heading too (copies; the record keeps its own text). */
export function withDetails(timeline: TimelineEntry[], details: Map<TimelineEntry, string> | null): TimelineEntry[] {
  if (!details?.size) return timeline
  return timeline.map((e) => {
    const detail = details.get(e)
    return detail ? { ...e, text: `${e.text} ${detail}` } : e
  })
}
