/**
 * The search index of a build: the base index with a delta beside it when a warm build can (see `delta.ts`), else a
 * base rebuilt from every postmortem. A warm build then indexes only the delta's few pages instead of the archive.
 */
import { readCacheValue, writeCacheValue } from '../cache/files.js'
import { compareRecords, wholeDocument, type BodyReader, type PlannedFile, type StaticFile } from '../site/pages.js'
import type { ResolvedConfig } from '../types.js'
import {
  basePositions,
  baseId,
  planDelta,
  recordHash,
  type BaseEntry,
  type DeltaManifest,
  type SearchBase,
  type SearchDelta,
  type SearchSource,
  DELTA_MANIFEST,
  manifestFile,
  NO_DELTA,
  noDeltaFile,
} from './delta.js'
import { SEARCH_DIR } from '../constants.js'
import { startRecordsIndex, startScratchIndex } from './index.js'
import { DELTA_PREFIX } from './page-ids.js'
import { searchRecord, type SearchRecord } from './records.js'

/** Name of the base index's description in the cache folder. */
const BASE_VALUE = 'search-base'
/** The delta's folder inside the search folder. */
export const DELTA_FOLDER = 'delta'

type SearchConfig = Pick<ResolvedConfig, 'base' | 'sites' | 'cacheDir'>

/** Files of the delta, which every warm build with search replaces; the rest of `pagefind/` is the base. */
export const isDeltaFile = (p: string): boolean => p === DELTA_MANIFEST || p.startsWith(`${SEARCH_DIR}/${DELTA_FOLDER}/`)

/** The files of the delta index a search page needs beside the base: no library, worker or WebAssembly (the base's serve). */
const DELTA_WANTED = (name: string): boolean => name === 'pagefind-entry.json' || name.endsWith('.pf_meta') || /^(index|fragment|filter)\//.test(name)

/** What a build does for search: the state key to save, which of the last build's search files stay, and the files to write. */
export interface SearchPass {
  /** `<base id>:<delta key>`, saved as the build's `searchKey`. */
  key: string
  /** Whether a search file of the last build is kept as it is. */
  keeps: (path: string) => boolean
  /** Files to write, under `pagefind/`; null when the last build's are all current. */
  files: Promise<PlannedFile[]> | null
  /** How the index was made, for tests and timings. */
  kind: 'unchanged' | 'delta' | 'base'
  /** Removes what the files are read from (a base's scratch folder): called once the pass that writes them ends, written or not. */
  close?: () => Promise<void>
}

/**
 * Starts the search index of a build: `previousKey` is the last build's `searchKey` when its site can be trusted
 * (null otherwise: the base is rebuilt), `sources` the archive in any order, `identity` what records and pages depend
 * on beyond the documents (config, templates).
 */
export async function startSearch(
  previousKey: string | null,
  sources: SearchSource[],
  config: SearchConfig,
  identity: string,
  body: BodyReader = wholeDocument,
): Promise<SearchPass> {
  return (await startDeltaSearch(previousKey, sources, config, identity, body)) ?? startBase(sources, config, identity, body)
}

/** How a warm build takes its delta's files. */
export interface DeltaOptions {
  /** Not waited for: the pass writes its other files while the indexer runs, and awaits them once those are written. */
  deferred?: boolean
}

/** The search pass of a warm build that keeps the base (see `startSearch`), or null when the base must be rebuilt. */
export async function startDeltaSearch(
  previousKey: string | null,
  sources: SearchSource[],
  config: SearchConfig,
  identity: string,
  body: BodyReader = wholeDocument,
  options: DeltaOptions = {},
): Promise<SearchPass | null> {
  const base = previousKey ? readCacheValue<SearchBase>(config.cacheDir, BASE_VALUE) : null
  if (!base || !previousKey!.startsWith(`${base.id}:`)) return null
  const delta = planDelta(base, identity, sources, config, body)
  if (!delta) return null
  const key = `${base.id}:${delta.key}`
  if (key === previousKey) return { key, keeps: () => true, files: null, kind: 'unchanged' }
  const keeps = (p: string): boolean => !isDeltaFile(p)
  if (options.deferred) {
    const files = deltaFiles(base, delta)
    // Awaited by the pass once its other files are written: handled now, so a failure meanwhile is not an unhandled rejection.
    files.catch(() => {})
    return { key, keeps, files, kind: 'delta' }
  }
  return { key, keeps, files: Promise.resolve(await deltaFiles(base, delta)), kind: 'delta' }
}

/**
 * Indexes the delta's records (a few) and writes its manifest. Results carry Pagefind's page id, not their index: the
 * delta's ids have their own prefix (`DELTA_PREFIX`), so they never name a base page.
 */
async function deltaFiles(base: SearchBase, delta: SearchDelta): Promise<StaticFile[]> {
  const manifest: DeltaManifest = { ...NO_DELTA, total: base.entries.length, superseded: delta.superseded.map((e) => ({ id: e.id, filters: e.filters })) }
  if (delta.records.length === 0) return [manifestFile(manifest)]
  const { files, ids } = await (await startRecordsIndex(delta.records, `${SEARCH_DIR}/${DELTA_FOLDER}`, DELTA_WANTED, DELTA_PREFIX)).bundle
  const at = basePositions(base, delta.records)
  manifest.delta = `${DELTA_FOLDER}/`
  manifest.pages = delta.records.map((r) => ({ id: ids.get(r.url)!, at: at.get(r.url)!, filters: r.filters }))
  return [...files, manifestFile(manifest)]
}

/** Rebuilds the base index from every source and keeps its description in the cache folder once written. */
async function startBase(sources: SearchSource[], config: SearchConfig, identity: string, body: BodyReader): Promise<SearchPass> {
  const docs = sources.map((s) => ({ key: s.key, doc: s.doc() }))
  docs.sort((a, b) => compareRecords(a.doc.record, b.doc.record))
  const entries: Array<Omit<BaseEntry, 'id'>> = []
  function* records(): Generator<SearchRecord> {
    for (const { key, doc } of docs) {
      // Each document is read whole only when the indexer asks for its record.
      const record = searchRecord(body(doc), config)
      entries.push({ key, url: record.url, hash: recordHash(record), filters: record.filters, sort: record.sort.date ?? '' })
      yield record
    }
  }
  // The base's files stay in the indexer's scratch folder until written (`close` removes it).
  const { bundle } = await startScratchIndex(records(), SEARCH_DIR)
  // Every record is with the indexer now, so the base's id is known; its pages' ids come with the files.
  const id = baseId(identity, entries)
  const files = bundle.then(({ files, ids }): PlannedFile[] => {
    const base: SearchBase = { id, identity, entries: entries.map((e): BaseEntry => ({ ...e, id: ids.get(e.url)! })) }
    writeCacheValue(config.cacheDir, BASE_VALUE, base)
    return [...files, noDeltaFile()]
  })
  const close = async (): Promise<void> => {
    const made = await bundle.catch(() => null)
    await made?.close()
  }
  return { key: `${id}:`, keeps: () => false, files, kind: 'base', close }
}
