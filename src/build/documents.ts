/** The documents of a build: found in memory, in the cache folder or by normalizing, then assembled into the published archive. */
import { decodeEntry, encodeEntry, entrySummary, type DocumentSummary } from '../cache/entry.js'
import { openDocumentCache, type DocumentCache } from '../cache/store.js'
import type { BodyPlace } from '../cache/body-place.js'
import type { LoadedDocument } from '../document.js'
import { isWhole, type ArchiveDocument, type BodyReader } from '../site/site-document.js'
import { selectPublished } from '../site/publish.js'
import { passthroughFiles } from '../site/static-files.js'
import type { RecordHead, ResolvedConfig } from '../types.js'
import { byCodePoint } from '../compare.js'
import { readInputAgain, type Input } from './inputs.js'
import { readDocumentBody, summaryDocument, summaryFacts } from './summaries.js'
import { createStringPool } from './intern-head.js'
import type { BuildMode, BuildProgress, FileReport } from './types.js'
import type { WorkItem } from '../workers/pool.js'

/** What a work item's bytes become once its document is made (the pool never reads an item again after its result). */
const NO_BYTES = new Uint8Array(0)

/** A loaded document and the cache key of what it was loaded from. */
export interface KeyedDocument {
  key: string
  /** Whole (normalized here, or in `dev`), or a cached summary's head whose body `DocumentSet.readBody` reads. */
  doc: LoadedDocument<ArchiveDocument>
}

/** The published archive: documents by source, every file's report, and each document's output key (cache key and slug). */
export interface Assembled {
  documents: Map<string, ArchiveDocument>
  reports: Map<string, FileReport>
  /** Each published document's output key, in source order. */
  outputKeys: Map<ArchiveDocument, string>
}

/** The documents one builder holds between builds, and the cache they come from. */
export interface DocumentSet {
  /** Loaded documents by source. */
  readonly loaded: Map<string, KeyedDocument>
  /** Finds each input's document: in memory, in the cache folder, or by normalizing it (worker threads when many); drops the bytes it read. */
  load(inputs: Input[]): Promise<void>
  /** The document cached under `key` (its summary's head, as `load` keeps them in a build), or null. */
  cached(key: string): LoadedDocument<ArchiveDocument> | null
  /**
   * A published document whole, for a page that shows its body: the document itself when whole, else its body read
   * from the cache (`readDocumentBody`), a `CacheError` when the cache lost it. The one way the build reads a body.
   */
  readBody: BodyReader
  /** Where a document's body lies in the cache, for a render worker that reads it itself; null when it is whole or not cached. */
  bodyPlace(doc: ArchiveDocument): BodyPlace | null
  /** Applies slug deduplication over all loaded documents (in source order), with the files refused before loading; `imageExists` for the link checks. */
  assemble(refused: FileReport[], imageExists: (source: string) => boolean): Assembled
  /** The loaded entry a record is, unless slug deduplication renamed it (then it is a copy the cache does not hold). */
  asLoaded(record: RecordHead): KeyedDocument | undefined
  /** The record's compact JSON as the cache holds it (its line of `postmortems.json`), or null. */
  recordJson(key: string): Uint8Array | null
  /** Forgets documents whose source is no longer an input. */
  keepOnly(sources: ReadonlySet<string>): void
  /** Saves new cache entries; `live` (default: the loaded documents' keys) are those worth keeping. */
  flush(live?: Iterable<string>): void
  /** Forgets every document and the cache folder's entries, for a cache found unreadable mid-build. */
  discard(): void
}

/** The documents of one builder: `dev` keeps whole documents for its session; a build holds summaries and reads a body through `readBody`. */
export function createDocumentSet(config: ResolvedConfig, mode: BuildMode, workers?: number, onProgress?: (progress: BuildProgress) => void): DocumentSet {
  const loaded = new Map<string, KeyedDocument>()
  let store: DocumentCache | null = null
  const cache = (): DocumentCache => (store ??= openDocumentCache(config.cacheDir))
  // `dev` keeps its documents for the whole session, so it reads them whole once; a build reads summaries only.
  const whole = mode === 'dev'
  /** The cache key of each document made from a summary, for `readBody`; a whole document is not here. */
  const bodyKeys = new WeakMap<ArchiveDocument, string>()
  /** One copy of each string the heads repeat (tags, sites, dates, diagnostic messages). */
  const pool = createStringPool()
  /** The plain document of a summary, remembered by its key for `readBody`. */
  const fromSummary = (key: string, summary: DocumentSummary): LoadedDocument<ArchiveDocument> => {
    const loaded = summaryDocument(summary, pool)
    if (loaded.document) bodyKeys.set(loaded.document, key)
    return loaded
  }
  /** The document cached under `key`: whole (`wanted`), or its summary's; null on a miss. */
  const cachedDocument = (key: string, wanted: boolean): LoadedDocument<ArchiveDocument> | null => {
    const given = cache().given(key)
    if (given) return given
    if (wanted) return cache().document(key)
    const summary = cache().summary(key)
    return summary ? fromSummary(key, summary) : null
  }
  /**
   * Stores a normalized document (as a worker encoded it, or as loaded here) and returns the one to keep: in a build
   * its summary, whichever thread normalized it, so `--workers 1` (a one-core runner) holds heads, not 10,000 bodies.
   */
  const keep = (key: string, result: LoadedDocument | Uint8Array): LoadedDocument<ArchiveDocument> => {
    const doc = result instanceof Uint8Array ? null : result
    const bytes = doc ? encodeEntry(doc, summaryFacts(doc)) : (result as Uint8Array)
    // Without a place in a pack, the document is kept whole in memory: there is nothing to read its body from.
    if (!cache().put(key, bytes, whole ? (doc ?? undefined) : undefined) || whole) return doc ?? decodeEntry(bytes)
    return fromSummary(key, entrySummary(bytes))
  }
  /** A document normalized from bytes its key does not name: whole, in memory only. */
  const uncached = (result: LoadedDocument | Uint8Array): LoadedDocument<ArchiveDocument> => (result instanceof Uint8Array ? decodeEntry(result) : result)
  const readBody: BodyReader = (doc) => {
    if (isWhole(doc)) return doc
    const key = bodyKeys.get(doc)
    if (key === undefined) throw new Error(`${doc.record.source} is neither whole nor a cached summary`)
    return readDocumentBody(cache(), key)
  }
  return {
    loaded,
    async load(inputs) {
      const todo: Input[] = []
      for (const input of inputs) {
        if (loaded.get(input.source)?.key === input.stamp.key) continue
        const cached = cachedDocument(input.stamp.key, whole)
        if (cached && cached.source === input.source) loaded.set(input.source, { key: input.stamp.key, doc: cached })
        else todo.push(input)
      }
      if (todo.length === 0) return
      const { normalizeMany } = await import('../workers/pool.js')
      let normalized = 0
      // Bytes not kept by `findInputs` are read when the file's turn comes, not all at once here; a file edited since
      // it was stamped is normalized as it is now but kept out of the cache, whose key names the stamped bytes.
      const edited = new Set<number>()
      const items: WorkItem[] = todo.map((t, i) => ({
        source: t.source,
        bytes: t.bytes,
        size: t.stamp.size,
        read: () => {
          const again = readInputAgain(t)
          if (again.changed) edited.add(i)
          return again.bytes
        },
      }))
      await normalizeMany(items, config, workers, (i, result) => {
        const input = todo[i]!
        const doc = edited.has(i) ? uncached(result) : keep(input.stamp.key, result)
        loaded.set(input.source, { key: input.stamp.key, doc })
        // A file's bytes are done with once its document is: the inputs of a cold build held every file's to its end.
        input.bytes = null
        items[i]!.bytes = NO_BYTES
        onProgress?.({ phase: 'normalize', done: ++normalized, total: todo.length })
      })
    },
    cached: (key) => cachedDocument(key, false),
    readBody,
    bodyPlace(doc) {
      const key = isWhole(doc) ? undefined : bodyKeys.get(doc)
      return key === undefined ? null : cache().bodyPlace(key)
    },
    assemble(refused, imageExists) {
      const sources = [...loaded.keys()].sort(byCodePoint)
      const staticRoots = passthroughFiles(config).map((f) => f.path.split('/')[0]!)
      const { documents: docs, reports: files } = selectPublished(
        sources.map((s) => loaded.get(s)!.doc),
        config,
        staticRoots,
        imageExists,
        readBody,
      )
      return {
        documents: new Map(docs.map((d) => [d.record.source, d])),
        reports: new Map([...refused, ...files].sort((a, b) => byCodePoint(a.source, b.source)).map((f) => [f.source, f])),
        outputKeys: new Map(docs.map((d) => [d, `${loaded.get(d.record.source)!.key}/${d.record.slug}`])),
      }
    },
    asLoaded(record) {
      const entry = loaded.get(record.source)
      return entry?.doc.document?.record === record ? entry : undefined
    },
    recordJson: (key) => cache().recordJson(key),
    keepOnly(sources) {
      for (const source of [...loaded.keys()]) if (!sources.has(source)) loaded.delete(source)
      // Each build interns anew: `dev` would otherwise keep every string of every edit for its whole session.
      pool.clear()
    },
    flush(live = [...loaded.values()].map((l) => l.key)) {
      cache().flush(new Set(live))
    },
    discard() {
      cache().discard()
      loaded.clear()
      pool.clear()
    },
  }
}
