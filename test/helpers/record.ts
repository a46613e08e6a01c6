import type { PostmortemRecord, TimelineEntry } from '../../src/types.js'

/** A blank record with the given fields, for tests of stages that come after the normalizer. */
export function makeRecord(fields: Partial<PostmortemRecord> = {}): PostmortemRecord {
  return {
    slug: 'incident',
    source: 'incident.md',
    title: 'Incident',
    summary: '',
    date: null,
    published: null,
    start: null,
    end: null,
    durationMinutes: null,
    impact: { start: null, end: null, durationMinutes: null, source: null },
    timezone: null,
    utcOffset: null,
    tags: [],
    derivedTags: [],
    site: [],
    authors: [],
    severity: null,
    sections: [],
    timeline: [],
    actionItems: [],
    lessons: { wentWell: [], wentWrong: [], gotLucky: [] },
    metrics: {
      detected: null,
      mitigated: null,
      resolved: null,
      timeToDetectMinutes: null,
      timeToMitigateMinutes: null,
      timeToResolveMinutes: null,
      timelineSpanMinutes: null,
    },
    diagnostics: [],
    ...fields,
  }
}

/** Timeline entries from `[time, text]` pairs on one day and offset (`at` set when both are given). */
export function makeTimeline(pairs: Array<[string, string]>, day: string | null = null, offset: string | null = null): TimelineEntry[] {
  return pairs.map(([time, text], i) => ({ at: day && offset ? `${day}T${time}${offset}` : null, date: day, time, text, line: i + 1 }))
}
