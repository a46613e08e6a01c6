import { causeLabel } from '../enrich/derive-causes.js'
import type { RecordHead } from '../types.js'
import { formatMinutes, windowSource } from './format.js'
import { severityLabel } from './severity.js'
import { sitesOf } from './taxonomy.js'
import { escapeAttribute } from '../escape-html.js'

/** Every value a feed entry's content shows is escaped (quotes too, as one escape serves text and attributes), so no markup of a postmortem reaches a reader. */
const escapeHtml = escapeAttribute

/**
 * A feed entry's full content: the summary and the postmortem's card (date, impact duration and how it is known,
 * severity, sites, tags, cause categories, response times, authors) and a link to its page, as HTML. It reads only
 * what the record's outside key covers (`outside.ts`), so a feed is rendered again whenever what it shows changes,
 * and never the sections, which a warm build does not hold.
 */
export function feedContent(r: RecordHead, pageUrl: string, siteLabel: (name: string) => string = (n) => n): string {
  const rows: Array<[string, string]> = []
  if (r.date) rows.push(['Date', escapeHtml(r.date)])
  const minutes = r.impact?.durationMinutes ?? r.durationMinutes
  const known = windowSource(r.impact?.source)
  if (minutes !== null && minutes >= 0) rows.push(['Impact', `${escapeHtml(formatMinutes(minutes)!)}${known ? ` (${escapeHtml(known)})` : ''}`])
  const severity = severityLabel(r)
  if (severity) rows.push(['Severity', escapeHtml(severity)])
  rows.push([
    'Site',
    sitesOf(r)
      .map((s) => escapeHtml(siteLabel(s)))
      .join(', '),
  ])
  const tags = [...r.tags.map(escapeHtml), ...r.derivedTags.filter((t) => !r.tags.includes(t)).map((t) => `${escapeHtml(t)} (suggested)`)]
  if (tags.length) rows.push(['Tags', tags.join(', ')])
  if (r.derivedCauses?.length) rows.push(['Cause category', `${r.derivedCauses.map((c) => escapeHtml(causeLabel(c))).join(', ')} (derived)`])
  const detect = formatMinutes(r.metrics.timeToDetectMinutes)
  const resolve = formatMinutes(r.metrics.timeToResolveMinutes)
  if (detect) rows.push(['Detected after', escapeHtml(detect)])
  if (resolve) rows.push(['Resolved after', escapeHtml(resolve)])
  if (r.authors.length) rows.push(['Authors', r.authors.map(escapeHtml).join(', ')])
  return [
    r.summary ? `<p>${escapeHtml(r.summary)}</p>` : '',
    `<dl>${rows.map(([name, value]) => `<dt>${name}</dt><dd>${value}</dd>`).join('')}</dl>`,
    `<p><a href="${escapeHtml(pageUrl)}">Read the postmortem</a></p>`,
  ].join('')
}
