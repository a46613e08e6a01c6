import { actionPages } from './action-pages.js'
import { hashParts } from '../cache/hash.js'
import { boundHeap } from '../heap.js'
import type { FileContent } from './write.js'
import type { RecordHead, ResolvedConfig } from '../types.js'
import { wholeDocument, type ArchiveDocument, type BodyReader } from './site-document.js'
import { atomFeed, FEED_SIZE, feedDayKey, newestDayOf, type FeedSpec } from './feeds.js'
import { recordDay } from './record-day.js'
import { causeLabel, sortCauses } from '../enrich/derive-causes.js'
import { causeChart } from './cause-chart.js'
import { listingKey } from './listing-key.js'
import { exportKey, keyDigest } from './key-digest.js'
import { postmortemFiles, type OwnFileJob } from './own-files.js'
import { redirectHtml, resolveRedirects } from './redirects.js'
import type { RelatedSnapshot } from './related.js'
import { sitemapFiles } from './sitemap.js'
import { archiveStats, statsPageKey } from './stats.js'
import { severityLabel } from './severity.js'
import { groupRecords, siteLabel, sitesOf, sortYears, UNSORTED, yearOf } from './taxonomy.js'

export { sitesOf, UNSORTED }
export { isWhole, wholeDocument, type ArchiveDocument, type BodyReader, type SiteDocument } from './site-document.js'
export { compareRecords } from './list-pages.js'
export { ownFiles } from './own-files.js'
import { CAUSES_INTRO, compareRecords, homePages, monthLinks, monthPages, planFacet, type Facet } from './list-pages.js'

/**
 * One output file: rendered from a template, or written as is. Costly data and content are thunks with a `key`
 * naming everything they are made from, so a warm build skips computing them when the key has not changed.
 */
export type PlannedFile = (
  | { path: string; template: string; data: Record<string, unknown> | ((site: RenderSite) => Record<string, unknown>); key?: string }
  | { path: string; content: string | Uint8Array | (() => FileContent); key?: string }
) & {
  /** The content file a postmortem's own files come from, named when producing one fails. */
  source?: string
  /** A postmortem's page or JSON: what a renderer on another thread makes it from (`own-files.ts`). */
  own?: OwnFileJob
  /** Its data, once made, is plain values (no functions, maps or class instances): another thread may render it (a list page). */
  plain?: boolean
}

/** What a page's data may depend on of the configuration beyond its key: the base path (part of every page's render key). */
export interface RenderSite {
  base: string
}

/** A file written as it is (assets, the search index). */
export interface StaticFile {
  path: string
  content: Uint8Array
}

/** Identity of a document's content for output keys: the builder passes its cache keys; others get a hash of the document. */
export type DocumentKeys = (doc: ArchiveDocument) => string

const hashedKeys = new WeakMap<ArchiveDocument, string>()
const hashDocument: DocumentKeys = (doc) => {
  let key = hashedKeys.get(doc)
  if (key === undefined) {
    const whole = wholeDocument(doc)
    hashedKeys.set(doc, (key = hashParts(JSON.stringify(whole.record), whole.html)))
  }
  return key
}

/** A record's compact JSON when it is already known as UTF-8 (the cache keeps it), else null. */
export type RecordLine = (record: RecordHead) => Uint8Array | null

/**
 * `postmortems.json`: a JSON array with one compact record per line (valid JSON, greppable, diffable), in pieces:
 * at 10,000 postmortems it is over 100 MB, and holding it whole (then as bytes to hash and write) dominated peak
 * memory. `line` gives each item's compact JSON, as text or as UTF-8 the cache already holds.
 */
export function* exportJson<T>(items: T[], line: (item: T) => string | Uint8Array): Generator<string | Uint8Array> {
  yield '[\n'
  for (let i = 0; i < items.length; i++) {
    if (i > 0) yield ',\n'
    yield line(items[i]!)
  }
  yield '\n]\n'
}

/** An image under content/ (by its path there) as a thunk giving its bytes, or null when there is no such image. */
export type ImageContent = (source: string) => (() => Uint8Array) | null

/** Output files and the related-incidents snapshot they were planned with (to hand to the next plan). */
export interface SitePlan {
  files: PlannedFile[]
  related: RelatedSnapshot | null
}

/** The documents newest first, as every list of the archive shows them. */
export const inArchiveOrder = <D extends ArchiveDocument>(documents: D[]): D[] => [...documents].sort((a, b) => compareRecords(a.record, b.record))

/**
 * Plans only the pages of the given postmortems, exactly as `planSite` would: `dev` writes these first after a save.
 * `sorted`: already in archive order; `related`: the snapshot of the last plan.
 */
export function planPostmortems(
  documents: ArchiveDocument[],
  slugs: ReadonlySet<string>,
  keyOf: DocumentKeys = hashDocument,
  sorted = false,
  image?: ImageContent,
  related: RelatedSnapshot | null = null,
  body: BodyReader = wholeDocument,
): PlannedFile[] {
  return postmortemFiles(sorted ? documents : inArchiveOrder(documents), keyOf, slugs, image, related, body).files
}

/**
 * Plans every output file of the archive from the documents; pure, so the same input gives the same site. `known`:
 * records' JSON already at hand; `related`: the related-incidents snapshot of an earlier plan, reused while it holds.
 */
export function planSite(
  documents: ArchiveDocument[],
  config: ResolvedConfig,
  keyOf: DocumentKeys = hashDocument,
  known?: RecordLine,
  image?: ImageContent,
  related: RelatedSnapshot | null = null,
  body: BodyReader = wholeDocument,
): SitePlan {
  const docs = inArchiveOrder(documents)
  const records = docs.map((d) => d.record)
  const labelOf = (name: string): string => siteLabel(config.sites, name)
  const postmortems = postmortemFiles(docs, keyOf, undefined, image, related, body)
  // Relating every record leaves its features as garbage (about 1 kB a postmortem): at 100,000 the heap grew by 500 MB before V8 collected.
  boundHeap()
  const files = postmortems.files
  const facets: Array<[Facet, boolean]> = [
    [
      {
        dir: 'tags',
        title: 'Tags',
        noun: 'Tag',
        groups: groupRecords(
          records,
          (r) => r.tags,
          (r) => r.derivedTags,
        ),
        label: (n) => n,
      },
      true,
    ],
    [{ dir: 'sites', title: 'Sites', noun: 'Site', groups: groupRecords(records, sitesOf), label: labelOf }, true],
    [{ dir: 'years', title: 'Years', noun: 'Year', groups: sortYears(groupRecords(records, (r) => [yearOf(r)])), label: (n) => n, within: monthLinks }, true],
    [
      { dir: 'severity', title: 'Severity', noun: 'Severity', groups: groupRecords(records, (r) => [severityLabel(r) ?? ''].filter(Boolean)), label: (n) => n },
      false,
    ],
    [
      {
        dir: 'categories',
        title: 'Cause categories',
        noun: 'Cause',
        groups: sortCauses(groupRecords(records, (r) => r.derivedCauses ?? [])),
        label: causeLabel,
        intro: CAUSES_INTRO,
      },
      false,
    ],
  ]
  files.push(
    ...homePages(
      records,
      config,
      facets.map(([f]) => f),
    ),
  )
  const archiveDay = newestDayOf(records)
  const feeds: FeedSpec[] = [{ path: 'feed.xml', title: config.title, page: '', records, archiveDay }]
  for (const [facet, withFeeds] of facets) {
    const planned = planFacet(facet, config, withFeeds, listingKey)
    files.push(...planned.files)
    feeds.push(...planned.feeds.map((feed) => ({ ...feed, archiveDay })))
  }
  files.push(...monthPages(records, config))
  boundHeap()
  files.push({
    path: 'stats/index.html',
    template: 'stats',
    key: statsPageKey(records, config.sites),
    data: () => ({ title: 'Statistics', stats: archiveStats(records, labelOf), causes: causeChart(records) }),
  })
  files.push(...actionPages(records, config))
  files.push({ path: 'search/index.html', template: 'search', data: { title: 'Search' } })
  for (const feed of feeds)
    files.push({
      path: feed.path,
      key: keyDigest(`${feed.title}\0${feed.page}\0${feedDayKey(feed)}\0${feed.records.slice(0, FEED_SIZE).map(listingKey).join(' ')}`),
      content: () => atomFeed(feed, config),
    })
  const lastmod = new Map(records.map((r) => [`${r.slug}/index.html`, recordDay(r)]))
  const pages = files.filter((f) => f.path.endsWith('index.html')).map((f) => ({ path: f.path, lastmod: lastmod.get(f.path) ?? null }))
  files.push(...sitemapFiles(pages, config))
  // After the sitemap: neither the 404 page nor a redirect is a page to index.
  files.push({ path: '404.html', template: '404', data: { title: 'Page not found' } })
  for (const r of resolveRedirects(records).redirects)
    files.push({ path: r.path, key: `redirect\0${r.slug}\0${r.title}`, content: () => redirectHtml(r, config) })
  files.push({
    path: 'postmortems.json',
    key: exportKey(docs.map(keyOf)),
    content: () => exportJson(docs, (d) => known?.(d.record) ?? JSON.stringify(body(d).record)),
  })
  return { files, related: postmortems.related }
}
