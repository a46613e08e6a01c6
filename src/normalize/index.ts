/**
 * The normalizer: any postmortem (front matter or none, Markdown, plain text, raw HTML) into one typed record.
 * Each stage is its own module; this file only runs them in order and keeps the per-document state on the VFile.
 */
import { VFile } from 'vfile'
import { RULE } from '../constants.js'
import { enrichRecord } from '../enrich/index.js'
import { parseMarkdown } from '../markdown/parse.js'
import { renderGroups, renderHtml } from '../markdown/html.js'
import type { PostmortemRecord } from '../types.js'
import { emptyRecord } from './empty-record.js'
import { authorList } from './front-matter/author-list.js'
import { statusLogOf } from './summary/status-log.js'
import { findActionItems } from './actions/action-items.js'
import { buildBlocks } from './structure/blocks.js'
import { firstIncident } from './structure/incident-parts.js'
import { unwrapReport } from './structure/wrapped-report.js'
import { collectDiagnostics, dropMessages, report } from './diagnostics.js'
import { collectFields, fieldRangeOf } from './structure/fields.js'
import { severityValue } from './structure/severity-value.js'
import { splitFrontMatter } from './front-matter/front-matter.js'
import { findIncidentWhen, pickDate, titleDateIsReportDay } from './time/incident-date.js'
import { startScore } from './impact/marked-events.js'
import { withoutCode } from './time/without-code.js'
import { repairTree } from './structure/tree-repairs.js'
import { findLessons } from './actions/lessons.js'
import { readMeta } from './front-matter/meta.js'
import { bylineDate } from './structure/byline.js'
import { findSections, toSections } from './sections/sections.js'
import { incidentMatterValues, statesDate, statesTitle, statesZone } from './stated.js'
import { findSummary } from './summary/summary.js'
import { readTimeline } from './timeline/timeline-read.js'
import { locateTimelines, summaryProse } from './timeline/timeline-source.js'
import { matterTimeline, withMatterTimeline } from './timeline/timeline-matter.js'
import { detectLanguage, LANGUAGE_SAMPLE, proseOf } from './summary/language.js'
import { displayTitleOf } from './summary/display-title.js'
import { findTitle, frontMatterTitle } from './summary/title.js'
import { findImpactWindow, type ImpactNotes } from './impact/impact-window.js'
import { reportImpactNotes } from './impact/impact-notes.js'
import { phaseValue } from './impact/phase-value.js'
import { impactPassages } from './impact/passages.js'
import { statedRangeDay } from './impact/stated-day.js'
import { parseZone } from './time/zones.js'
import { parseWithinBudget } from './structure/markup-budget.js'
import { capTables } from './structure/table-budget.js'
import { reportUnclosedHtml } from './structure/raw-html-check.js'
import { reportXmlForbidden } from './summary/control-characters.js'
import { findLocalRefs, type LocalRef } from './structure/local-refs.js'
import type { StageClock } from './stage-clock.js'

export { emptyRecord }

/** Options the normalizer needs from the resolved config. */
export interface NormalizeOptions {
  defaultTimezone: string | null
  tagVocabulary: Record<string, string[]>
  /** Per-stage timer for the benchmark (`bench/normalize-cost.mjs --stages`); builds pass none. */
  clock?: StageClock | undefined
}

/** What one postmortem becomes: its record, the HTML of the whole original document and its relative link and image targets. */
export interface NormalizedDocument {
  record: PostmortemRecord
  html: string
  refs: LocalRef[]
}

function normalize(file: VFile, source: string, text: string, options: NormalizeOptions): NormalizedDocument {
  const clock = options.clock
  const { matter, body: written } = splitFrontMatter(text, file)
  const { body, data } = unwrapReport(written, matter.data, file)
  clock?.lap('front matter')
  const tree = parseWithinBudget(body, matter.lines + 1, file, parseMarkdown)
  clock?.lap('markdown parse')
  capTables(tree, body, file)
  // Raw HTML starts with '<': a body without one has none to check (most postmortems), and the tree need not be walked.
  if (body.includes('<')) reportUnclosedHtml(tree, file)
  repairTree(tree, body)
  const refs = findLocalRefs(tree)
  clock?.lap('tree checks')
  const blocks = buildBlocks(tree, body)
  clock?.lap('blocks')
  const stated = readMeta(source, data, file)
  // Without front matter or a dated file name, a byline under the title ("Published 2024-10-02") is the publication day.
  const byline = stated.published ? null : bylineDate(blocks)
  const meta = byline ? { ...stated, published: byline } : stated
  const fields = collectFields(blocks, tree)
  const { title, blockIndex } = findTitle(blocks, frontMatterTitle(data), fields.title)
  if (!title && !statesTitle(body))
    report(
      file,
      'warning',
      'Document has no title; start it with a `# Title` line or set `title:` in front matter',
      { line: matter.lines + 1, column: 1 },
      RULE.noTitle,
    )
  clock?.lap('meta, fields, title')
  const spans = findSections(blocks, blockIndex)
  // A file of several incidents (a monthly report): the record's when is the first's (structure/incident-parts.ts).
  const first = firstIncident(blocks, blockIndex, file)
  // A status post's updates listed in its front matter are its timeline when the body names none.
  const locations = withMatterTimeline(first.within(locateTimelines(spans, blocks)), matterTimeline(data, text, matter.lines))
  const location = locations[0]
  clock?.lap('sections')
  const language = detectLanguage(
    proseOf(
      blocks.flatMap((b) => (b.kind === 'content' ? [b.node] : [])),
      LANGUAGE_SAMPLE,
    ),
  )
  clock?.lap('language')
  // Dates, years and zones come from what the author wrote, never from pasted logs or headers in code blocks.
  const prose = withoutCode(body, tree)
  // Incident moments in front matter that no reader takes (`detected_at:`) still state a day and a zone.
  const matterMoments = incidentMatterValues(text, matter.lines)
  const found = findIncidentWhen({
    data,
    language,
    meta,
    title,
    timelineContext: location?.context ?? '',
    prose: summaryProse(spans, blocks),
    body: prose,
    fields,
    defaultTimezone: options.defaultTimezone,
    file,
  })
  clock?.lap('incident date')
  const passages = impactPassages(first.blocks, blockIndex, body, { year: found.year, dayFirst: found.dayFirst })
  const statedDay = (found.date ?? found.proseDate) ? null : statedRangeDay(passages, { year: found.year, dayFirst: found.dayFirst })
  const context = {
    heading: location?.heading ?? '',
    // A publication day outside the month a Date field names is not the incident's day.
    date: found.date ?? found.proseDate ?? statedDay ?? (found.month && !meta.published?.startsWith(found.month) ? null : meta.published),
    year: found.year,
    zone: found.zone,
    defaultTimezone: options.defaultTimezone,
    dayFirst: found.dayFirst,
    published: meta.published,
    start: found.start,
  }
  const timeline = readTimeline(locations, first.blocks, context, file)
  if (file.messages.some((m) => m.ruleId === RULE.zoneMissing) && (statesZone(prose) || statesZone(matterMoments))) dropMessages(file, RULE.zoneMissing)
  clock?.lap('timeline')
  const inOrder = timeline.newestFirst ? [...timeline.entries].reverse() : timeline.entries
  const entryDate = inOrder.find((e) => e.date && e.time)?.date ?? inOrder.find((e) => e.date)?.date ?? null
  const reportDay = titleDateIsReportDay(
    found,
    timeline.entries.flatMap((e) => (e.date ? [e.date] : [])),
    // Only the first marked start's day keeps a title date: a start marked days before it is the impact's own day.
    inOrder
      .filter((e) => e.date && startScore(e.text) >= 2)
      .slice(0, 1)
      .map((e) => e.date!),
  )
  const when = reportDay ? { ...found, date: null, dateSource: null } : found
  const record = emptyRecord(source, meta.slug)
  record.title = title
  if (language) record.language = language
  record.summary = findSummary({ data, spans, blocks, title, language, statusLog: statusLogOf(timeline.entries), events: inOrder })
  Object.assign(record, displayTitleOf(title, record.summary, language))
  clock?.lap('summary')
  const timezone = timeline.timezone ?? when.timezone
  const utcOffset = timeline.utcOffset ?? when.utcOffset
  const zone = parseZone(timezone ?? '') ?? (utcOffset ? parseZone(`UTC${utcOffset}`) : null)
  const dayHint = pickDate(when, entryDate, meta.published)
  const impactSources: ImpactNotes = { start: null }
  const impactContext = { date: dayHint, year: when.year, dayFirst: when.dayFirst, zone }
  const impact = findImpactWindow(
    {
      timeline: inOrder,
      details: timeline.details ?? null,
      passages,
      fieldRange: fieldRangeOf(fields),
      statedStart: when.start,
      statedEnd: when.end,
      statedEndIsResolution: when.endIsResolution,
      statedDuration: when.statedMinutes,
      incidentDate: when.date,
      title,
      context: impactContext,
    },
    impactSources,
  )
  record.impact = impact
  reportImpactNotes(file, impactSources, impact)
  clock?.lap('impact window')
  const evidenced = impactSources.start === 'stated' || impactSources.start === 'marked' ? (impact.start?.date ?? null) : null
  // "On May 3 we were notified": the day the team learned of it yields to an earlier start that events mark or text states.
  const noticed = when.proseDateNotice && evidenced && when.proseDate && evidenced < when.proseDate ? evidenced : when.proseDate
  // A status log written newest first whose updates are the prose: its first date is the last update's, not the incident's.
  const logDay = timeline.newestFirst && entryDate && noticed && entryDate < noticed && timeline.entries.some((e) => e.date === noticed)
  const proseDay = logDay ? entryDate : noticed
  record.date = when.date ?? proseDay ?? (impact.source !== null ? impact.start?.date : null) ?? dayHint
  // A month the Date field names stands unless a day within it is known: never the 1st as if it were stated.
  if (when.month && !record.date?.startsWith(when.month)) record.date = when.month
  if (!record.date && !statesDate(prose) && !statesDate(matterMoments))
    report(
      file,
      'warning',
      'Cannot tell the day the incident happened; add a line such as `Date: 2024-05-01`',
      { line: matter.lines + 1, column: 1 },
      RULE.noDate,
    )
  clock?.lap('stated date check')
  record.published = meta.published
  record.start = impact.start?.at ?? null
  record.end = impact.end?.at ?? null
  record.durationMinutes = impact.durationMinutes
  record.timezone = timezone
  record.utcOffset = utcOffset
  record.tags = meta.tags
  record.site = meta.site
  record.authors = meta.authors.length || !fields.authors ? meta.authors : authorList(fields.authors.value)
  record.severity = meta.severity ?? (fields.severity ? severityValue(fields.severity.value) : null)
  if (meta.draft) record.draft = true
  if (meta.aliases.length) record.aliases = meta.aliases
  const [html, ...sectionHtml] = renderGroups([tree.children, ...spans.map((span) => span.nodes)])
  record.sections = toSections(spans, blocks, sectionHtml)
  clock?.lap('html')
  record.timeline = timeline.entries
  record.actionItems = findActionItems(spans, blocks)
  record.lessons = findLessons(spans, blocks)
  clock?.lap('action items, lessons')
  // Phases stated as fields ("Detected: 2022-04-28 10:34", "Detection Time: January 25, 2024 - 10:30 AM UTC") count as
  // stated, after the front matter's own keys.
  const phaseOf = (field: typeof fields.detected): string | undefined => (field ? phaseValue(field.value, impactContext) : undefined)
  const phases = { detected: phaseOf(fields.detected), mitigated: phaseOf(fields.mitigated), resolved: phaseOf(fields.resolved) }
  const phaseData = Object.values(phases).some(Boolean) ? { ...Object.fromEntries(Object.entries(phases).filter(([, v]) => v)), ...data } : data
  const enriched = enrichRecord(record, { tagVocabulary: options.tagVocabulary }, phaseData)
  clock?.lap('enrich')
  reportXmlForbidden(enriched, text, file)
  enriched.diagnostics = collectDiagnostics(file)
  clock?.lap('diagnostics')
  return { record: enriched, html: html!, refs }
}

/** Normalizes one postmortem (path under content/, its text) into a record; never throws on content. */
export function normalizeDocument(source: string, text: string, options: NormalizeOptions): NormalizedDocument {
  const file = new VFile({ path: source, value: text })
  try {
    return normalize(file, source, text, options)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    const fallback = new VFile({ path: source, value: text })
    report(fallback, 'error', `Hindsight could not read this document (${reason.slice(0, 200)}); please report it with the file`, null, RULE.normalizeFailed)
    const stem = source.replace(/^.*\//, '').replace(/\.[^.]+$/, '')
    const record = emptyRecord(source, stem.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'untitled')
    record.diagnostics = collectDiagnostics(fallback)
    let html: string
    try {
      const tree = parseWithinBudget(text, 1, fallback, parseMarkdown)
      capTables(tree, text, fallback)
      html = renderHtml(tree)
    } catch {
      html = ''
    }
    options.clock?.lap('failed document')
    return { record, html, refs: [] }
  }
}
