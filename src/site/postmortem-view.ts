import type { Phase, PostmortemRecord } from '../types.js'
import { omitShown, prepareOriginal } from './original.js'
import { formatLocal, formatMinutes, formatMoment, formatUtc, oneLine, windowSource } from './format.js'
import { slugify } from './paths.js'
import type { SharedTerm } from './related.js'
import { rewriteReferences, type RewriteContext } from './rewrite-refs.js'
import { sitesOf } from './taxonomy.js'
import { timelineVisual, type TimelineVisual } from './timeline-visual.js'

/** A link to another postmortem. */
export interface RecordLink {
  slug: string
  title: string
  date: string | null
  /** What the two share (tags, sites, technologies, named systems), each with its kind, to say why it is listed. */
  shared: SharedTerm[]
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
  /** The original's HTML without the title and the sections shown above in structured form. */
  html: string
  /** Headings of the original's sections left out because the page shows them above. */
  omitted: string[]
  /** The page's table of contents on long pages (anchor and label), empty on short ones. */
  contents: Array<{ id: string; label: string }>
}

/** Sections in the original from which a page gets a table of contents. */
const CONTENTS_FROM = 4

/** Plain text of the sections with a given key, in document order. */
const sectionText = (r: PostmortemRecord, key: string): string =>
  r.sections
    .filter((s) => s.key === key)
    .map((s) => s.text)
    .join(' ')

function phase(name: string, p: Phase | null, minutes: number | null): PostmortemView['phases'][number] | null {
  if (!p && minutes === null) return null
  return { name, at: p ? (formatLocal(p.at) ?? p.at) : null, utc: p ? formatUtc(p.at) : null, inferred: p?.inferred ?? true, after: formatMinutes(minutes) }
}

/**
 * Whether the structured timeline shows a timeline section whole, so the original may leave it out: a section under a
 * timeline heading always; a section whose own heading is an event (a time heading, `### Update 26.08.2022 18:00`)
 * only when its events hold (nearly) all of its text, so a long update is never cut to its first paragraph.
 */
function shownInFull(section: PostmortemRecord['sections'][number], record: PostmortemRecord): boolean {
  if (!record.timeline.some((e) => e.line === section.line)) return true
  const next = record.sections.reduce((min, s) => (s.line > section.line && s.line < min ? s.line : min), Number.POSITIVE_INFINITY)
  let held = 0
  for (const e of record.timeline) if (e.line >= section.line && e.line < next) held += e.text.length
  return held >= section.text.length * 0.9
}

/** Builds the postmortem page's view: summary card, phases, timeline layout, related links, anchored original (its links and images made to work on the site). */
export function postmortemView(record: PostmortemRecord, written: string, related: RecordLink[], refs?: RewriteContext): PostmortemView {
  const html = refs ? rewriteReferences(written, refs) : written
  const m = record.metrics
  const impact = record.impact?.source ? record.impact : null
  const timeline = timelineVisual(record)
  // The structured timeline replaces the original's timeline section; with no events read, the original keeps it.
  const shownSections = timeline && record.timeline.length ? record.sections.filter((s) => s.key === 'timeline' && shownInFull(s, record)) : []
  const shownHtml = prepareOriginal(omitShown(html, { title: record.title, sectionIds: shownSections.map((s) => s.id) }))
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
    phases: [
      phase('Detected', m.detected, m.timeToDetectMinutes),
      phase('Mitigated', m.mitigated, m.timeToMitigateMinutes),
      phase('Resolved', m.resolved, m.timeToResolveMinutes),
    ].filter((p) => p !== null),
    span: formatMinutes(m.timelineSpanMinutes),
    timeline,
    related,
    html: shownHtml,
    omitted: shownSections.map((s) => s.heading),
    contents: contents(
      record,
      Boolean(timeline),
      shownSections.map((s) => s.id),
      shownHtml,
    ),
  }
}

/** Links to the page's structured blocks and the original's sections, for pages long enough to need them. */
function contents(record: PostmortemRecord, hasTimeline: boolean, omittedIds: string[], html: string): PostmortemView['contents'] {
  // Only headings the shown original holds are listed: bare-line and bold headings have no anchor, omitted sections
  // (and the sub-headings inside them) are gone.
  const anchors = new Set([...html.matchAll(/<h[1-6] id="([^"]+)"/g)].map((m) => m[1]))
  const original = record.sections.filter((s) => !omittedIds.includes(s.id) && anchors.has(s.id))
  if (original.length < CONTENTS_FROM) return []
  const lessons = Object.values(record.lessons).some((list) => list.length > 0)
  return [
    ...(hasTimeline ? [{ id: 'pm-timeline', label: 'Timeline' }] : []),
    ...(record.actionItems.length ? [{ id: 'pm-actions', label: 'Action items' }] : []),
    ...(lessons ? [{ id: 'pm-lessons', label: 'Lessons learned' }] : []),
    { id: 'pm-original', label: 'The postmortem as written' },
    ...original.map((s) => ({ id: s.id, label: s.heading })),
  ]
}
