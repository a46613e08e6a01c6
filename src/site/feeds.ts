import { Feed } from 'feed'
import type { RecordHead, ResolvedConfig } from '../types.js'
import { formatMinutes, windowSource } from './format.js'
import { dayToDate, publicUrl } from './links.js'
import { feedContent } from './feed-content.js'
import { slugify } from './paths.js'
import { siteLabel } from './taxonomy.js'
import { xmlSafe } from './xml-safe.js'
import { escapeHtml } from '../escape-html.js'
import { shownTitle } from './shown-title.js'
import { recordDay } from './record-day.js'

/** Entries per feed: readers poll feeds, so they hold the newest postmortems only. */
export const FEED_SIZE = 50

/** What one feed covers: its title, where it lives, the page it mirrors, and its records in archive order. */
export interface FeedSpec {
  title: string
  /** Site-relative path of the feed file, e.g. `tags/dns/feed.xml`. */
  path: string
  /** Site-relative path of the HTML page the feed mirrors. */
  page: string
  records: RecordHead[]
  /** The archive's newest day: what undated entries take in a feed with no dated entry, so no feed depends on the build's day. */
  archiveDay: string | null
}

/** The newest day any record gives (publication, else incident date), or null when none is dated. */
export function newestDayOf(records: readonly RecordHead[]): string | null {
  let newest: string | null = null
  for (const r of records) {
    const day = recordDay(r)
    if (day !== null && (newest === null || day > newest)) newest = day
  }
  return newest
}

/** The day a feed's undated entries take: the feed's own newest day, else the archive's, else (nothing dated at all) today. */
const fallbackDay = (spec: FeedSpec, entries: readonly RecordHead[]): string => newestDayOf(entries) ?? spec.archiveDay ?? new Date().toISOString().slice(0, 10)

/** What a feed's bytes depend on beyond its entries: the archive's day, when the feed has no dated entry to take instead. */
export const feedDayKey = (spec: FeedSpec): string => (newestDayOf(spec.records.slice(0, FEED_SIZE)) === null ? (spec.archiveDay ?? '') : '')

/** Stable id for an Atom element: the absolute URL when the archive has one, else a URN from the path. */
function atomId(config: ResolvedConfig, rel: string, absolute: boolean): string {
  return absolute ? publicUrl(config, rel) : `urn:hindsight:${rel.replace(/(^|\/)index\.html$/, '$1') || 'home'}`
}

/** The entry's summary, then how long users were affected and how that is known ("Impact: 30 min (stated)."). */
function describe(r: RecordHead): string | undefined {
  const known = windowSource(r.impact?.source)
  const impact = r.durationMinutes !== null ? `Impact: ${formatMinutes(r.durationMinutes)}${known ? ` (${known})` : ''}.` : ''
  const text = [r.summary, impact].filter(Boolean).join(' ')
  return text ? escapeHtml(text) : undefined
}

/** Stand-in origin for archives without `config.url`: `feed` insists on absolute URLs, so it is stripped afterwards. */
const PLACEHOLDER_ORIGIN = 'https://hindsight.invalid'

/**
 * Renders an Atom 1.0 feed; `updated` comes from the newest record, so the same input gives the same bytes.
 * Links are absolute when `config.url` is set, else root-relative (Atom resolves them against the feed's own URL).
 * Characters XML 1.0 forbids are removed, so a control character in a title never makes the feed ill-formed.
 */
export function atomFeed(spec: FeedSpec, config: ResolvedConfig): string {
  const xml = xmlSafe(renderFeed(spec, { ...config, url: config.url || PLACEHOLDER_ORIGIN }, config.url !== ''))
  return config.url ? xml : xml.split(PLACEHOLDER_ORIGIN).join('')
}

function renderFeed(spec: FeedSpec, config: ResolvedConfig, absoluteIds: boolean): string {
  const records = spec.records.slice(0, FEED_SIZE)
  // An undated entry takes the feed's newest day (else the archive's), never the epoch nor a day that changes per build.
  const newestDay = fallbackDay(spec, records)
  const feed = new Feed({
    title: spec.title === config.title ? config.title : `${spec.title} · ${config.title}`,
    description: config.description || undefined,
    id: atomId(config, spec.page, absoluteIds),
    link: publicUrl(config, spec.page),
    updated: dayToDate(newestDay),
    feedLinks: { atom: publicUrl(config, spec.path) },
    generator: 'Hindsight',
    author: { name: config.title },
    copyright: '',
  })
  for (const r of records) {
    feed.addItem({
      title: escapeHtml(shownTitle(r)),
      id: atomId(config, `${r.slug}/`, absoluteIds),
      link: publicUrl(config, `${r.slug}/`),
      date: dayToDate(recordDay(r) ?? newestDay),
      ...(r.date ? { published: dayToDate(r.date) } : {}),
      description: describe(r),
      // The full entry: summary and card as HTML (every value escaped), which the `feed` package writes as CDATA.
      content: feedContent(r, publicUrl(config, `${r.slug}/`), (name) => siteLabel(config.sites ?? {}, name)),
      author: r.authors.map((name) => ({ name })),
      // Terms are slugs: the `feed` package would write a `<` in a label attribute unescaped (not well-formed XML).
      category: [...new Set([...r.tags, ...r.site].map(slugify))].map((term) => ({ term })),
    })
  }
  return feed.atom1()
}
