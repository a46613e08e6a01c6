import { textOfHtml } from '../escape-html.js'
import { compareRecords, sitesOf, type SiteDocument } from '../site/pages.js'
import { url } from '../site/paths.js'
import { causeLabel } from '../enrich/derive-causes.js'
import { siteLabel, yearOf } from '../site/taxonomy.js'
import type { PostmortemRecord, ResolvedConfig } from '../types.js'
import { shownTitle } from '../site/shown-title.js'
import { severityLabel } from '../site/severity.js'

/** One search record as Pagefind's `addCustomRecord` takes it. */
export interface SearchRecord {
  url: string
  content: string
  language: string
  meta: Record<string, string>
  filters: Record<string, string[]>
  sort: Record<string, string>
}

/** Longest summary kept in a record's metadata (shown when a result has no query excerpt). */
const SUMMARY_CHARS = 240

/** Sort key given to undated postmortems, so every record takes part in a sort by date. */
export const UNDATED = '0000-00-00'

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= max ? flat : flat.slice(0, max).replace(/\s+\S*$/, '') + '…'
}

/** Section text keeps table rows as `a | b | c`; the index gets `a, b, c`, so excerpts read as text, not Markdown. */
function tableRowsAsText(text: string): string {
  return text.replace(/[ \t]+\|[ \t]+/g, ', ')
}

/** The searchable text of a record: title, summary, every section, timeline and action items. */
export function searchText(record: PostmortemRecord, html: string): string {
  const parts: string[] = [
    record.title ?? '',
    record.displayTitle ?? '',
    record.summary,
    ...record.sections.map((s) => `${s.heading}\n${tableRowsAsText(s.text)}`),
  ]
  const body = parts.join('\n')
  for (const extra of [...record.timeline.map((e) => e.text), ...record.actionItems.map((a) => a.text)]) {
    if (!body.includes(extra)) parts.push(extra)
  }
  // A record whose sections the normalizer could not find is still searchable by its original text.
  if (record.sections.length === 0) parts.push(textOfHtml(html, ' '))
  return parts
    .filter(Boolean)
    .join('\n')
    .replace(/[ \t]+/g, ' ')
    .trim()
}

/** Maps one document onto its search record; URLs carry `config.base`. */
export function searchRecord(doc: SiteDocument, config: Pick<ResolvedConfig, 'base' | 'sites'>): SearchRecord {
  const r = doc.record
  const sites = sitesOf(r).map((s) => siteLabel(config.sites, s))
  const meta: Record<string, string> = { title: shownTitle(r), site: sites.join(', ') }
  if (r.date) meta.date = r.date
  if (r.tags.length) meta.tags = r.tags.join(', ')
  const summary = clip(r.summary, SUMMARY_CHARS)
  if (summary) meta.summary = summary
  const filters: Record<string, string[]> = { site: sites }
  // Suggested tags are tags for browsing, as on /tags/<tag>/: the filter offers them, and results mark them as suggested.
  const tags = [...new Set([...r.tags, ...r.derivedTags])]
  if (tags.length) filters.tag = tags
  if (r.derivedTags.length) meta.suggestedTags = r.derivedTags.join(', ')
  // Same buckets as the /years/ pages, `Undated` included, so every filter value also exists as a plain page.
  filters.year = [yearOf(r)]
  // The label the badges and /severity/ pages show, so `sev-1` and `SEV 1` are one filter value, not two.
  const severity = severityLabel(r)
  if (severity) filters.severity = [severity]
  // Cause categories are derived, as on /categories/: the filter offers their labels.
  if (r.derivedCauses?.length) filters.cause = r.derivedCauses.map(causeLabel)
  return {
    url: url(config.base, `${r.slug}/`),
    content: searchText(r, doc.html),
    language: 'en',
    meta,
    filters,
    sort: { date: r.date ?? r.published ?? UNDATED },
  }
}

/** Every document's search record in archive order (newest first, then slug, so the index is deterministic), one at a time: 10,000 records' text is never held at once. */
export function* searchRecords(documents: SiteDocument[], config: Pick<ResolvedConfig, 'base' | 'sites'>): Generator<SearchRecord> {
  for (const doc of [...documents].sort((a, b) => compareRecords(a.record, b.record))) yield searchRecord(doc, config)
}
