import type { PostmortemRecord } from '../types.js'

/** A record with nothing understood yet: every field empty or `null`; the normalizer fills it, tests start from it. */
export function emptyRecord(source: string, slug: string): PostmortemRecord {
  return {
    slug,
    source,
    title: null,
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
    lessons: { wentWell: [], wentWrong: [], gotLucky: [], learned: [] },
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
  }
}
