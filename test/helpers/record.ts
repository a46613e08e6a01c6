import { emptyRecord } from '../../src/normalize/index.js'
import type { PostmortemRecord, TimelineEntry } from '../../src/types.js'

/** A blank record with the given fields, for tests of stages that come after the normalizer. */
export function makeRecord(fields: Partial<PostmortemRecord> = {}): PostmortemRecord {
  return { ...emptyRecord('incident.md', 'incident'), title: 'Incident', ...fields }
}

/** Timeline entries from `[time, text]` pairs on one day and offset (`at` set when both are given). */
export function makeTimeline(pairs: Array<[string, string]>, day: string | null = null, offset: string | null = null): TimelineEntry[] {
  return pairs.map(([time, text], i) => ({ at: day && offset ? `${day}T${time}${offset}` : null, date: day, time, text, line: i + 1 }))
}
