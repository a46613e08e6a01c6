/**
 * Plans the search index of a warm build as a log-structured merge: a large base index, rebuilt rarely, plus a small
 * delta index of the postmortems added or changed since, with the base pages the delta supersedes (edited or deleted
 * postmortems) listed for the search page to drop. Pure: the indexer itself runs in `incremental.ts`.
 */
import { hashList, hashParts } from '../cache/hash.js'
import { compareRecords, wholeDocument, type ArchiveDocument, type BodyReader, type StaticFile } from '../site/pages.js'
import type { ResolvedConfig } from '../types.js'
import { searchRecord, type SearchRecord } from './records.js'
import { byCodePoint } from '../compare.js'

/** One page of the base index: the document key it was made from, its record's hash, and what the search page needs to drop it. */
export interface BaseEntry {
  /** The builder's key of the document (`<cache key>/<slug>`). */
  key: string
  url: string
  /** Hash of the search record, so an edit that leaves the record as it was needs no delta. */
  hash: string
  /** Pagefind's id of the page (its fragment's name), the `id` of a search result in the browser. */
  id: string
  filters: Record<string, string[]>
  sort: string
}

/** The base index as the cache folder keeps it. */
export interface SearchBase {
  /** Identity of the base: what it was built with (config, templates, Pagefind) and its pages. */
  id: string
  /** What the base was built with; a warm build with another identity rebuilds it. */
  identity: string
  entries: BaseEntry[]
}

/** A postmortem of the current archive: the builder's key and, only when needed, its document (read whole by a `BodyReader`). */
export interface SearchSource {
  key: string
  doc: () => ArchiveDocument
}

/** The delta of a warm build: records to index beside the base, and the base pages they (or deletions) supersede. */
export interface SearchDelta {
  records: SearchRecord[]
  superseded: BaseEntry[]
  key: string
}

/** Delta pages plus superseded pages a build still keeps beside the base: a share of the archive, within bounds. */
export const DELTA_SHARE = 0.02
export const DELTA_MIN = 32
export const DELTA_MAX = 500

/** Most pages the delta may hold (added or changed, plus superseded) before the base is rebuilt. */
export function deltaLimit(archiveSize: number): number {
  return Math.min(DELTA_MAX, Math.max(DELTA_MIN, Math.ceil(archiveSize * DELTA_SHARE)))
}

/** Hash of a search record as indexed. */
export const recordHash = (record: SearchRecord): string => hashParts(JSON.stringify(record))

/** Identity of a base built from these pages. */
export const baseId = (identity: string, entries: Array<Pick<BaseEntry, 'key' | 'hash'>>): string =>
  hashList([identity, ...entries.map((e) => `${e.key}\0${e.hash}`)])

/**
 * The delta against `base`, or null when the base must be rebuilt: no base, another identity, or a delta past the
 * threshold. A source whose key the base holds is in the base; one whose record equals the base's page at its URL is
 * too (an edit search does not see); any other is a delta record; base pages no source claims are superseded.
 */
export function planDelta(
  base: SearchBase | null,
  identity: string,
  sources: SearchSource[],
  config: Pick<ResolvedConfig, 'base' | 'sites'>,
  body: BodyReader = wholeDocument,
): SearchDelta | null {
  if (!base || base.identity !== identity) return null
  const byKey = new Map(base.entries.map((e) => [e.key, e]))
  // By URL only once a source is not in the base by its key (an edit): a warm build with no change never needs it.
  let byUrlMap: Map<string, BaseEntry> | null = null
  const byUrl = (): Map<string, BaseEntry> => (byUrlMap ??= new Map(base.entries.map((e) => [e.url, e])))
  const claimed = new Set<BaseEntry>()
  const records: SearchRecord[] = []
  const limit = deltaLimit(sources.length)
  for (const source of sources) {
    const entry = byKey.get(source.key)
    if (entry) {
      claimed.add(entry)
      continue
    }
    const record = searchRecord(body(source.doc()), config)
    const same = byUrl().get(record.url)
    if (same && !claimed.has(same) && same.hash === recordHash(record)) {
      claimed.add(same)
      continue
    }
    records.push(record)
    if (records.length > limit) return null
  }
  const superseded = base.entries.filter((e) => !claimed.has(e))
  if (records.length + superseded.length > limit) return null
  records.sort((a, b) => byCodePoint(a.url, b.url))
  const key = hashParts(base.id, ...records.map(recordHash), ...superseded.map((e) => e.id))
  return { records, superseded, key }
}

/** Whether a search page comes before another in the archive's order (`compareRecords`, by its date key and URL). */
function comesBefore(a: { sort: string; url: string }, b: { sort: string; url: string }): boolean {
  // URLs are the base, the slug and a slash: without the slash they compare as the slugs do.
  const head = (page: { sort: string; url: string }) => ({ date: page.sort, published: null, slug: page.url.slice(0, -1) })
  return compareRecords(head(a), head(b)) < 0
}

/**
 * Where each delta page sits among the base's pages in the archive's order (newest first, then by slug): the base's
 * page ids are their places (see `page-ids.ts`), and the search page sorts a list by date by those places, so each
 * delta page gets a place between the base pages around it, the delta's own pages in their order, as one index would.
 */
export function basePositions(base: SearchBase, records: SearchRecord[]): Map<string, number> {
  const pages = records.map((r) => ({ url: r.url, sort: r.sort.date ?? '' }))
  pages.sort((a, b) => (comesBefore(a, b) ? -1 : comesBefore(b, a) ? 1 : 0))
  const positions = new Map<string, number>()
  // The base's entries are in the archive's order (the base is built from the sorted archive).
  const entries = base.entries
  pages.forEach((page, i) => {
    let lo = 0
    let hi = entries.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (comesBefore(entries[mid]!, page)) lo = mid + 1
      else hi = mid
    }
    // Between base places lo - 1 and lo, and the delta's pages in order among themselves.
    positions.set(page.url, lo - 1 + (i + 1) / (pages.length + 1))
  })
  return positions
}

/**
 * What the search page reads beside the index (`pagefind/delta.json`): the delta's folder (none when the delta holds
 * no page), its pages by Pagefind id with their positions in the base's order by date and their filter values, and the
 * base pages to drop with their filter values (to take them out of the counts).
 */
export interface DeltaManifest {
  version: 1
  delta: string | null
  /** Pages in the base index, superseded ones included (Pagefind's statistics count them). */
  total: number
  /** Each delta page's `at`: its place among the base's pages in the archive's order (see `basePositions`). */
  pages: Array<{ id: string; at: number; filters: Record<string, string[]> }>
  superseded: Array<{ id: string; filters: Record<string, string[]> }>
}

/** The file the search page reads before its first query. */
export const DELTA_MANIFEST = 'pagefind/delta.json'

/** The delta manifest of an index without delta: the search page loads the base alone. */
export const NO_DELTA: DeltaManifest = { version: 1, delta: null, total: 0, pages: [], superseded: [] }

export const manifestFile = (manifest: DeltaManifest): StaticFile => ({ path: DELTA_MANIFEST, content: Buffer.from(JSON.stringify(manifest)) })
export const noDeltaFile = (): StaticFile => manifestFile(NO_DELTA)
