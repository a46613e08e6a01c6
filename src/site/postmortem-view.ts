import type { Phase, PostmortemRecord } from '../types.js'
import { prepareOriginal } from './original.js'
import { formatLocal, formatMinutes, formatMoment, formatUtc, oneLine, windowSource } from './format.js'
import { slugify } from './paths.js'
import { sitesOf } from './taxonomy.js'
import { timelineVisual, type TimelineVisual } from './timeline-visual.js'

/** A link to another postmortem. */
export interface RecordLink {
  slug: string
  title: string
  date: string | null
  /** What the two share (`tag dns`, `site obs`, `“replica”`), to say why it is listed. */
  shared: string[]
}

/** Everything the postmortem page shows beyond the record itself; plain data. */
export interface PostmortemView {
  card: {
    date: string | null
    start: string | null
    end: string | null
    zone: string | null
    duration: string | null
    /** How the impact window is known (`stated`, `marked in the timeline`, `from the timeline`), `null` when it is not. */
    known: string | null
    sites: Array<{ name: string; slug: string }>
    impact: string
    rootCause: string
    actionItems: number
  }
  phases: Array<{ name: string; at: string | null; utc: string | null; inferred: boolean; after: string | null }>
  span: string | null
  timeline: TimelineVisual | null
  related: RecordLink[]
  html: string
}

/** Plain text of the sections with a given key, in document order. */
const sectionText = (r: PostmortemRecord, key: string): string => r.sections.filter((s) => s.key === key).map((s) => s.text).join(' ')

function phase(name: string, p: Phase | null, minutes: number | null): PostmortemView['phases'][number] | null {
  if (!p && minutes === null) return null
  return { name, at: p ? formatLocal(p.at) ?? p.at : null, utc: p ? formatUtc(p.at) : null, inferred: p?.inferred ?? true, after: formatMinutes(minutes) }
}

/** Builds the postmortem page's view: summary card, phases, timeline layout, related links, anchored original. */
export function postmortemView(record: PostmortemRecord, html: string, related: RecordLink[]): PostmortemView {
  const m = record.metrics
  const impact = record.impact?.source ? record.impact : null
  return {
    card: {
      date: record.date,
      start: impact ? formatMoment(impact.start) : formatLocal(record.start),
      end: impact ? formatMoment(impact.end) : formatLocal(record.end),
      zone: record.timezone ?? record.utcOffset,
      duration: formatMinutes(impact ? impact.durationMinutes : record.durationMinutes),
      known: windowSource(impact?.source),
      sites: sitesOf(record).map((name) => ({ name, slug: slugify(name) })),
      impact: oneLine(sectionText(record, 'impact')),
      rootCause: oneLine(sectionText(record, 'rootCause')),
      actionItems: record.actionItems.length,
    },
    phases: [phase('Detected', m.detected, m.timeToDetectMinutes), phase('Mitigated', m.mitigated, m.timeToMitigateMinutes), phase('Resolved', m.resolved, m.timeToResolveMinutes)].filter((p) => p !== null),
    span: formatMinutes(m.timelineSpanMinutes),
    timeline: timelineVisual(record),
    related,
    html: prepareOriginal(html),
  }
}
