import { lstatSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { BuildProgress, BuildResult, FileReport } from './build.js'
import { documentKey, documentOptionsKey, hashParts, renderConfigKey, templatesKey } from './cache/hash.js'
import { createPlanHasher } from './cache/plan-key.js'
import { openDocumentCache, readBuildState, readCacheValue, writeBuildState, writeCacheValue, type ArchiveEntry, type BuildState, type DocumentCache, type InputStamp, type ManifestEntry } from './cache/store.js'
import { assertContentDir, CONFIG_FILE } from './config.js'
import { CONTENT_EXTENSIONS, PIPELINE_VERSION, RULE } from './constants.js'
import { discoverContent } from './content/discover.js'
import { renamedDocument } from './dedupe-slugs.js'
import type { LoadedDocument } from './document.js'
import { CacheError } from './errors.js'
import { isImageFile } from './site/images.js'
import { unreadableDiagnostic } from './content/unreadable.js'
import type { PlannedFile, SiteDocument } from './site/pages.js'
import type { RelatedMemo } from './site/related.js'
import { writeFiles } from './site/produce.js'
import { passthroughFiles, plannedPassthrough, type PassthroughFile } from './site/static-files.js'
import { listLayered, templateLayers } from './site/templates-layers.js'
import { isHidden, selectPublished } from './site/publish.js'
import { referenceDiagnostics, slugsBySource } from './site/references.js'
import { assertSafeOutDir, SITE_MARKER, SITE_MARKER_TEXT } from './site/out-guard.js'
import { MissingOutputError, openSiteWriter, recoverOutDir, siteIdentity, type FileContent, type SiteWriter } from './site/write.js'
import { pausePoint } from './test-seam.js'
import { debugPhase } from './debug.js'
import type { ResolvedConfig } from './types.js'

/** Outcome of `update`: what changed on disk, the reports of the touched files, and whether it was a full rebuild. */
export interface UpdateResult { written: string[]; removed: string[]; files: FileReport[]; durationMs: number; full: boolean }

/** Options of `update`: `dev` keeps the last good page of a broken save, and hears first of the saved postmortems' pages. */
export interface UpdateOptions {
  keepLastGood?: boolean
  /** Called with the site paths of the saved postmortems' pages once they are written, before indexes and feeds follow. */
  onPages?: (paths: string[]) => void
  /** Asked once those pages are written: `true` leaves indexes, feeds and the export to the next update (another save is queued). */
  deferIndexes?: () => boolean | Promise<boolean>
}

/** The incremental build engine behind `build` (CLI, CI) and `dev`. */
export interface Builder {
  /** Full build (uses the cache): renders what changed, writes only changed files, swaps the site in atomically. */
  build(): Promise<BuildResult>
  /** Absolute paths changed, added or removed; a template or config path means a full rebuild; rewrites only touched pages. */
  update(paths: string[], options?: UpdateOptions): Promise<UpdateResult>
  /** Current documents by source path. */
  readonly documents: ReadonlyMap<string, SiteDocument>
}

/** Options for tests and tools: `dev` writes changed files in place; `discover` can be replaced (tests shuffle it). */
export interface BuilderOptions {
  mode?: 'build' | 'dev'
  discover?: typeof discoverContent
  /** Worker threads for normalizing; default: one per core beyond the first, when there is enough to do. */
  workers?: number
  /** Told how far a build is (files normalized, files written), for the CLI's progress line. */
  onProgress?: (progress: BuildProgress) => void
}

/** What a pass over the outputs did, and what the next build needs of it. */
interface Emitted {
  written: string[]
  removed: string[]
  manifest: Record<string, ManifestEntry>
  searchKey: string | null
  archive: ArchiveEntry[]
  relatedId: string | null
}

interface Input { source: string; absolutePath: string; stamp: InputStamp; bytes: Uint8Array | null }

/** Name of the related-incidents memo in the cache folder. */
const RELATED_MEMO = 'related'

/** Folder of the search index inside the site (as in search/index.ts, which is loaded only when the index is rebuilt). */
const SEARCH_DIR = 'pagefind'

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Edited files a warm build still builds alone (see `editedOnly`); more than this is cheaper as one full pass. */
const EDITED_ONLY_MAX = 64

/** Assets only `dev` serves (from `/__hindsight/`), never part of a published site. */
const DEV_ONLY_ASSETS = new Set(['live-reload.js'])

/** The assets (sub-folders too), each from the project's templates folder when it has it, else the bundled one. */
function assetFiles(config: ResolvedConfig): PlannedFile[] {
  return listLayered(templateLayers(config.templatesDir), 'assets')
    .filter(({ rel }) => !DEV_ONLY_ASSETS.has(rel))
    .map(({ rel, file }) => ({ path: `assets/${rel}`, content: () => readFileSync(file) }))
}

/** The planned files with the static folder, logo and favicon on top (a static `robots.txt` replaces the generated one), and the marker last. */
function withPassthrough(planned: PlannedFile[], passthrough: PassthroughFile[]): PlannedFile[] {
  const taken = new Set([...passthrough.map((f) => f.path), SITE_MARKER])
  return [...planned.filter((f) => !taken.has(f.path)), ...plannedPassthrough(passthrough), { path: SITE_MARKER, content: SITE_MARKER_TEXT }]
}

/** Creates a builder for one resolved config; it keeps documents and the output manifest in memory between calls. */
export function createBuilder(config: ResolvedConfig, options: BuilderOptions = {}): Builder {
  const mode = options.mode ?? 'build'
  const optionsKey = documentOptionsKey(config)
  const renderKey = renderConfigKey(config)
  const loaded = new Map<string, { key: string; doc: LoadedDocument }>()
  let documents = new Map<string, SiteDocument>()
  let reports = new Map<string, FileReport>()
  let state: BuildState | null | undefined
  let tplKey = ''
  let cacheStore: DocumentCache | null = null
  /** Related incidents as last saved in the cache folder (`undefined` until read): a warm build reuses them when no record's features changed. */
  let savedRelated: RelatedMemo | null | undefined
  /** Images under content/ by their path there (see `site/images.ts`), as the last build found them. */
  let images = new Map<string, string>()
  const image = (source: string): (() => Uint8Array) | null => {
    const file = images.get(source)
    return file ? () => readFileSync(file) : null
  }
  /** Set when a build returned without reading every document (nothing or only edits changed): what `complete` still has to load. */
  let partial: { inputs: Input[]; refused: FileReport[] } | null = null
  const cache = (): DocumentCache => (cacheStore ??= openDocumentCache(config.cacheDir))
  const flushCache = (live: Iterable<string> = [...loaded.values()].map((l) => l.key)): void => cache().flush(new Set(live))
  /** The documents and keys of the last plan, from which `dev` patches the saved postmortems in for `pagesFirst`. */
  let lastPlan: { docs: SiteDocument[]; keys: Map<SiteDocument, string> } | null = null
  let renderer: { key: string; render: (file: PlannedFile) => FileContent } | null = null
  /** One renderer per templates state, so eta compiles each template once per build or per run of `dev`. */
  const rendererFor = async (): Promise<(file: PlannedFile) => FileContent> => {
    if (renderer?.key !== tplKey) renderer = { key: tplKey, render: (await import('./site/render.js')).createRenderer(config) }
    return renderer!.render
  }

  const readInput = (source: string, absolutePath: string, previous: InputStamp | undefined, startedAt: number): Input => {
    const info = statSync(absolutePath)
    if (previous && previous.size === info.size && previous.mtimeMs === info.mtimeMs && previous.ino === info.ino && info.mtimeMs < startedAt - 2000) {
      // The key is worked out again only when the options changed since (hashing 10,000 keys is 45 ms of a warm build).
      const key = state?.optionsKey === optionsKey ? previous.key : documentKey(source, previous.hash, optionsKey)
      return { source, absolutePath, stamp: { ...previous, key }, bytes: null }
    }
    const bytes = readFileSync(absolutePath)
    const hash = hashParts(bytes)
    return { source, absolutePath, bytes, stamp: { hash, key: documentKey(source, hash, optionsKey), size: info.size, mtimeMs: info.mtimeMs, ino: info.ino } }
  }

  /** Finds each input's document: in memory, in the cache folder, or by normalizing it (worker threads when many). */
  const loadInputs = async (inputs: Input[]): Promise<void> => {
    const todo: Input[] = []
    for (const input of inputs) {
      if (loaded.get(input.source)?.key === input.stamp.key) continue
      // `dev` keeps its documents for the whole session, so it reads them whole once; a build reads heads only.
      const cached = cache().get(input.stamp.key, mode === 'dev')
      if (cached && cached.source === input.source) loaded.set(input.source, { key: input.stamp.key, doc: cached })
      else todo.push(input)
    }
    if (todo.length === 0) return
    const { normalizeMany } = await import('./workers/pool.js')
    let normalized = 0
    await normalizeMany(todo.map((t) => ({ source: t.source, bytes: t.bytes ?? readFileSync(t.absolutePath) })), config, options.workers, (i, result) => {
      const key = todo[i]!.stamp.key
      loaded.set(todo[i]!.source, { key, doc: cache().put(key, result, mode === 'dev') })
      options.onProgress?.({ phase: 'normalize', done: ++normalized, total: todo.length })
    })
  }

  /** Applies slug deduplication over all loaded documents (in source order) and refreshes documents and reports. */
  const assemble = (refused: FileReport[]): Array<[SiteDocument, string]> => {
    const sources = [...loaded.keys()].sort(byCodePoint)
    const { documents: docs, reports: files } = selectPublished(sources.map((s) => loaded.get(s)!.doc), config, passthroughFiles(config).map((f) => f.path.split('/')[0]!), (s) => images.has(s))
    documents = new Map(docs.map((d) => [d.record.source, d]))
    reports = new Map([...refused, ...files].sort((a, b) => byCodePoint(a.source, b.source)).map((f) => [f.source, f]))
    return docs.map((d) => [d, `${loaded.get(d.record.source)!.key}/${d.record.slug}`])
  }

  /** The related-incidents memo the last process saved, adopted by `related.ts` unless it has computed its own. */
  const memoOnDisk = async (): Promise<RelatedMemo | null> => {
    if (savedRelated === undefined) (await import('./site/related.js')).restoreRelatedMemo((savedRelated = readCacheValue<RelatedMemo>(config.cacheDir, RELATED_MEMO)))
    return savedRelated
  }

  /** Plans the site, renders only files whose inputs changed, writes only files whose bytes changed. */
  const emit = async (keyed: Array<[SiteDocument, string]>, withSearch: boolean, trust = true): Promise<Emitted> => {
    const previous = trust && state && state.site && JSON.stringify(siteIdentity(config.outDir)) === JSON.stringify(state.site) ? state : null
    const { planSite, inArchiveOrder } = await import('./site/pages.js')
    const { relatedMemo } = await import('./site/related.js')
    const { outsideKey } = await import('./site/outside.js')
    await memoOnDisk()
    const docs = inArchiveOrder(keyed.map(([d]) => d))
    const keys = new Map(keyed)
    /** The loaded entry a record is, unless slug deduplication renamed it (then it is a copy the cache does not hold). */
    const asLoaded = (record: SiteDocument['record']): { key: string } | undefined => {
      const entry = loaded.get(record.source)
      return entry?.doc.document?.record === record ? entry : undefined
    }
    // Records as loaded have their JSON in the cache already.
    const known = (record: SiteDocument['record']): Uint8Array | null => {
      const entry = asLoaded(record)
      return entry ? cache().line(entry.key) : null
    }
    const planned = withPassthrough([...planSite(docs, config, (d) => keys.get(d)!, known, image), ...assetFiles(config)], passthroughFiles(config))
    lastPlan = { docs, keys }
    const inputHash = planHasher(keyed)
    const manifest: Record<string, ManifestEntry> = {}
    const kept: string[] = []
    let searchKey: string | null = previous?.searchKey ?? null
    /** The search index's files, which the indexer writes while the pages render. */
    let search: Promise<PlannedFile[]> | null = null
    if (withSearch && config.search) {
      // A base index and a delta of what changed since (see `search/delta.ts`), or a new base.
      const pass = await (await import('./search/incremental.js')).startSearch(previous?.searchKey ?? null, keyed.map(([doc, key]) => ({ key, doc: () => doc })), config, searchIdentity())
      searchKey = pass.key
      if (previous) kept.push(...Object.keys(previous.manifest).filter((p) => p.startsWith(`${SEARCH_DIR}/`) && pass.keeps(p)))
      search = pass.files
    } else if (previous) {
      kept.push(...Object.keys(previous.manifest).filter((p) => p.startsWith(`${SEARCH_DIR}/`)))
    }
    const writer: SiteWriter = openSiteWriter(config.outDir, { incremental: previous !== null })
    try {
      for (const p of kept) if (writer.keep(p)) manifest[p] = previous!.manifest[p]!
      const written = await writePlanned(planned, inputHash, previous, manifest, writer)
      if (search) written.push(...(await writePlanned(await search, inputHash, previous, manifest, writer)))
      const removed = previous ? Object.keys(previous.manifest).filter((p) => !(p in manifest) && !(mode === 'dev' && p.startsWith(`${SEARCH_DIR}/`))) : []
      for (const p of removed) writer.remove(p)
      await writer.commit()
      if (relatedMemo() !== savedRelated) writeCacheValue(config.cacheDir, RELATED_MEMO, (savedRelated = relatedMemo()))
      const archive = docs.map((d): ArchiveEntry => [d.record.source, d.record.slug, outsideKey(d.record), asLoaded(d.record) ? 0 : 1])
      return { written, removed, manifest, searchKey, archive, relatedId: relatedMemo()?.id ?? null }
    } catch (error) {
      writer.abort()
      // Let the indexer finish (and its scratch folder go) before anything else starts one.
      await search?.catch(() => {})
      if (error instanceof MissingOutputError && previous) return emit(keyed, withSearch, false)
      throw error
    }
  }

  /** What search records and the search page depend on beyond the documents: a change rebuilds the base index. */
  const searchIdentity = (): string => hashParts(renderKey, tplKey)

  /** Hashes what each planned file is made from (see `cache/plan-key.ts`), standing `documents` in for their keys. */
  const planHasher = (documents: Array<[SiteDocument, string]> = []): ((file: PlannedFile) => string) => createPlanHasher(documents, hashParts(renderKey, tplKey))

  /** The output pass of this builder's mode (see `site/produce.ts`). */
  const writePlanned = async (planned: PlannedFile[], inputHash: (file: PlannedFile) => string, previous: BuildState | null, manifest: Record<string, ManifestEntry>, writer: SiteWriter): Promise<string[]> =>
    writeFiles(planned, { inputHash, previous: previous?.manifest ?? null, manifest, writer, render: await rendererFor(), mode, progress: onWrite })

  /**
   * A warm build in which every edited postmortem shows the rest of the archive what it showed before (same slug, same
   * outside key, see `site/outside.ts`): only its own page and JSON and the export can change, so nothing else is
   * planned and the other documents are not read. Null when that does not hold; the full pass follows.
   */
  const editedOnly = async (inputs: Input[], shape: string): Promise<Omit<Emitted, 'removed'> & { reports: FileReport[] } | null> => {
    const last = state
    if (mode !== 'build' || !last?.archive || last.shape !== shape) return null
    const changed = inputs.filter((i) => last.inputs[i.source]?.key !== i.stamp.key)
    if (changed.length === 0 || changed.length > EDITED_ONLY_MAX) return null
    const archive = last.archive
    const at = new Map(archive.map((entry, i) => [entry[0], i]))
    const keys = new Map(inputs.map((i) => [i.source, i.stamp.key]))
    await loadInputs(changed)
    const { outsideKey } = await import('./site/outside.js')
    const edited: SiteDocument[] = []
    for (const input of changed) {
      const entry = archive[at.get(input.source) ?? -1]
      const doc = loaded.get(input.source)?.doc.document
      // A hidden draft leaves pages, and an alias's redirect is checked against the whole archive: both need the full pass.
      if (!entry || entry[3] || !doc || isHidden(doc.record, config) || doc.record.aliases || doc.record.slug !== entry[1] || outsideKey(doc.record) !== entry[2]) return null
      edited.push(doc)
    }
    const memo = await memoOnDisk()
    if (!memo || memo.id !== last.relatedId || memo.slugs.length !== archive.length) return null
    const reports = new Map(last.reports.map((r) => [r.source, r]))
    /** A postmortem as the last build published it (renamed ones as slug deduplication renamed them). */
    const published = ([source, slug, , renamed]: ArchiveEntry): SiteDocument => {
      let doc = loaded.get(source)?.doc
      if (!doc) {
        doc = cache().get(keys.get(source)!) ?? undefined
        if (doc) loaded.set(source, { key: keys.get(source)!, doc })
      }
      if (!doc?.document) throw new CacheError(`The cached document of ${source} is gone from ${config.cacheDir}; build again`)
      return renamed ? renamedDocument(doc.document, slug, reports.get(source)!.diagnostics) : doc.document
    }
    const { ownFiles, exportJson } = await import('./site/pages.js')
    const bySlug = new Map(archive.map((entry) => [entry[1], entry]))
    const slugOf = slugsBySource(archive.map(([source, slug]) => ({ record: { source, slug } })))
    const keyOf = (d: SiteDocument): string => `${keys.get(d.record.source)}/${d.record.slug}`
    const planned: PlannedFile[] = []
    let writer: SiteWriter | null = null
    try {
      for (const doc of edited) {
        const i = at.get(doc.record.source)!
        if (memo.slugs[i] !== doc.record.slug) return null
        planned.push(...ownFiles(doc, keyOf, memo.related[i]!.map((slug) => published(bySlug.get(slug)!)), image, slugOf))
        const checked = referenceDiagnostics(doc.record.source, doc.refs ?? [], { slugOf, imageExists: (s) => images.has(s) })
        reports.set(doc.record.source, { source: doc.record.source, slug: doc.record.slug, diagnostics: [...doc.record.diagnostics, ...checked] })
      }
      const line = (entry: ArchiveEntry): string | Uint8Array => (entry[3] ? null : cache().line(keys.get(entry[0])!)) ?? JSON.stringify(published(entry).record)
      planned.push({ path: 'postmortems.json', key: archive.map(([source, slug]) => `${keys.get(source)}/${slug}`).join(' '), content: () => exportJson(archive, line) })
      // Search: a delta beside the base index, or the full pass when the base must be rebuilt.
      const search = config.search ? await (await import('./search/incremental.js')).startDeltaSearch(last.searchKey, archive.map((entry) => ({ key: `${keys.get(entry[0])}/${entry[1]}`, doc: () => published(entry) })), config, searchIdentity()) : null
      if (config.search && !search) return null
      const manifest = { ...last.manifest }
      writer = openSiteWriter(config.outDir, { incremental: true })
      const written = await writePlanned(planned, planHasher(), last, manifest, writer)
      if (search?.files) {
        const files = await search.files
        written.push(...(await writePlanned(files, planHasher(), last, manifest, writer)))
        const now = new Set(files.map((f) => f.path))
        for (const p of Object.keys(manifest)) {
          if (p.startsWith(`${SEARCH_DIR}/`) && !search.keeps(p) && !now.has(p)) {
            writer.remove(p)
            delete manifest[p]
          }
        }
      }
      await writer.commit()
      return { written, manifest, searchKey: search?.key ?? last.searchKey, archive, relatedId: last.relatedId ?? null, reports: [...reports.values()] }
    } catch (error) {
      writer?.abort()
      // A kept file gone from site/, or a cached document gone from the cache folder: the full pass deals with both.
      if (error instanceof MissingOutputError || cacheFailure(error)) return null
      throw error
    }
  }

  const save = (next: Omit<BuildState, 'pipeline' | 'outDir' | 'site' | 'optionsKey'>, persist: boolean): void => {
    state = { pipeline: PIPELINE_VERSION, outDir: config.outDir, site: siteIdentity(config.outDir), optionsKey, ...next }
    // In dev the site keeps changing after this without the state being saved, so the saved manifest is marked untrusted.
    if (persist) writeBuildState(config.cacheDir, mode === 'dev' ? { ...state, site: null } : state)
  }

  const result = (started: number, pagesWritten: number, scope: BuildResult['scope'] = 'full'): BuildResult => {
    const files = [...reports.values()]
    const all = files.flatMap((f) => f.diagnostics)
    return {
      files,
      get documents() {
        complete()
        return [...documents.values()]
      },
      pagesWritten,
      scope,
      errors: all.filter((d) => d.severity === 'error').length,
      warnings: all.filter((d) => d.severity === 'warning').length,
      durationMs: performance.now() - started,
      phases,
    }
  }

  const discover = options.discover ?? discoverContent
  const onWrite = options.onProgress ? (done: number, total: number): void => options.onProgress!({ phase: 'write', done, total }) : undefined
  /** Time of each phase of the last full pass, for `--verbose`. */
  let phases: BuildResult['phases'] = []

  async function build(): Promise<BuildResult> {
    const started = performance.now()
    phases = []
    // Before anything is touched: the output folder is replaced, so it must be Hindsight's to replace.
    assertSafeOutDir(config)
    assertContentDir(config)
    recoverOutDir(config.outDir)
    if (state === undefined) state = readBuildState(config.cacheDir, config.outDir)
    tplKey = await templatesKey(templateLayers(config.templatesDir))
    const found = await discover(config.contentDir)
    const refused = found.refused.map((r): FileReport => ({ source: r.source, slug: null, diagnostics: [r.diagnostic] }))
    const startedAt = Date.now()
    const inputs: Input[] = []
    for (const f of [...found.files].sort((a, b) => byCodePoint(a.source, b.source))) {
      try {
        inputs.push(readInput(f.source, f.absolutePath, state?.inputs[f.source], state?.startedAt ?? 0))
      } catch (error) {
        refused.push({ source: f.source, slug: null, diagnostics: [unreadableDiagnostic(error)] })
      }
    }
    images = new Map(found.images.map((i) => [i.source, i.absolutePath]))
    // Images are not documents: any change to one (or a new one) makes the next build a full pass, which compares bytes.
    const imageStamps = found.images.map((i) => {
      const info = statSync(i.absolutePath)
      return `image\0${i.source}\0${info.size}\0${info.mtimeMs}\0${info.ino}`
    })
    // Static files, logo and favicon are not documents either: a change to any makes a full pass, which carries the rest over.
    const passthroughStamps = passthroughFiles(config).map((f) => `static\0${f.path}\0${f.stamp}`)
    const siteValid = state?.site && JSON.stringify(siteIdentity(config.outDir)) === JSON.stringify(state.site)
    const shape = hashParts(optionsKey, renderKey, tplKey, ...inputs.map((i) => i.source), ...refused.map((r) => `refused\0${r.source}`), ...imageStamps, ...passthroughStamps)
    // The build key is the shape and what each file holds: equal keys mean nothing changed at all.
    const buildKey = hashParts(shape, ...inputs.map((i) => i.stamp.key))
    const stamps = (): Record<string, InputStamp> => Object.fromEntries(inputs.map((i) => [i.source, i.stamp]))
    if (mode === 'build' && state && siteValid && state.buildKey === buildKey) {
      reports = new Map(state.reports.map((f) => [f.source, f]))
      partial = { inputs, refused }
      return result(started, 0, 'unchanged')
    }
    await pausePoint('load')
    const edited = siteValid ? await editedOnly(inputs, shape) : null
    if (edited) {
      flushCache(inputs.map((i) => i.stamp.key))
      reports = new Map(edited.reports.map((f) => [f.source, f]))
      save({ buildKey, searchKey: edited.searchKey, startedAt, inputs: stamps(), reports: edited.reports, manifest: edited.manifest, shape, archive: edited.archive, relatedId: edited.relatedId }, true)
      partial = { inputs, refused }
      return result(started, edited.written.length, 'edited')
    }
    partial = null
    const present = new Set(inputs.map((i) => i.source))
    for (const source of [...loaded.keys()]) if (!present.has(source)) loaded.delete(source)
    let mark = performance.now()
    const phase = (name: string): void => {
      phases.push({ name, ms: Math.round(performance.now() - mark) })
      debugPhase(name, performance.now() - mark)
      mark = performance.now()
    }
    await loadInputs(inputs)
    phase('load')
    let out: Emitted
    try {
      out = await emit(assemble(refused), true)
    } catch (error) {
      const bad = cacheFailure(error)
      if (!bad) throw error
      // A cached entry went bad under the build (disk, a hand edit): build without the cache rather than fail.
      process.emitWarning(`${bad.message.replace(/;.*$/, '')}; the cache is discarded and every file normalized again`, 'HindsightCacheWarning')
      cache().discard()
      loaded.clear()
      await loadInputs(inputs)
      out = await emit(assemble(refused), true)
    }
    phase('emit')
    flushCache()
    phase('cache')
    save({ buildKey, searchKey: out.searchKey, startedAt, inputs: stamps(), reports: [...reports.values()], manifest: out.manifest, shape, archive: out.archive, relatedId: out.relatedId }, true)
    return result(started, out.written.length)
  }

  /** Loads the documents a build left unread (heads, from the cache) and assembles them, so `documents` and `update` see the whole archive. */
  function complete(): void {
    if (!partial) return
    const { inputs, refused } = partial
    partial = null
    const missing = inputs.filter((i) => loaded.get(i.source)?.key !== i.stamp.key)
    for (const i of missing) {
      const doc = cache().get(i.stamp.key)
      if (doc) loaded.set(i.source, { key: i.stamp.key, doc })
    }
    assemble(refused)
  }

  /**
   * Writes the saved postmortems' own pages first, when no slug moves (a renamed or colliding page moves links and
   * indexes too, and only the full pass is right): the last plan's documents with the saved ones swapped in, so the
   * cost does not grow with the archive. The full pass then finds these pages current and skips them.
   */
  const pagesFirst = async (sources: string[], onPages: (paths: string[]) => void): Promise<string[]> => {
    if (!state || !lastPlan || sources.length === 0) return []
    const docs = [...lastPlan.docs]
    const keys = new Map(lastPlan.keys)
    const slugs = new Set<string>()
    let sorted = true
    for (const source of sources) {
      const before = documents.get(source)
      const now = loaded.get(source)
      const doc = now?.doc.document
      if (!before || !doc || isHidden(doc.record, config) || doc.record.slug !== before.record.slug || before.record.diagnostics.some((d) => d.ruleId === RULE.slugDuplicate)) return []
      const at = docs.indexOf(before)
      if (at < 0) return []
      docs[at] = doc
      sorted &&= doc.record.date === before.record.date && doc.record.published === before.record.published
      keys.set(doc, `${now.key}/${doc.record.slug}`)
      slugs.add(doc.record.slug)
    }
    const { planPostmortems } = await import('./site/pages.js')
    const files = planPostmortems(docs, slugs, (d) => keys.get(d)!, sorted, image)
    const writer = openSiteWriter(config.outDir, { incremental: true })
    let written: string[]
    try {
      written = await writePlanned(files, planHasher(), state, state.manifest, writer)
      await writer.commit()
    } catch (error) {
      writer.abort()
      throw error
    }
    if (state.site) state.site = siteIdentity(config.outDir)
    if (written.length) onPages(written)
    return written
  }

  async function update(paths: string[], opts: UpdateOptions = {}): Promise<UpdateResult> {
    const started = performance.now()
    const inContent = (p: string): boolean => p.startsWith(config.contentDir + path.sep)
    const structural = paths.some((p) => p.startsWith(config.templatesDir + path.sep) || p === config.templatesDir || p.startsWith(config.staticDir + path.sep) || p === config.logo || p === config.favicon || path.basename(p) === CONFIG_FILE || (inContent(p) && (isLink(p) || isImageFile(p))))
    if (!state || structural) {
      const full = await build()
      return { written: [], removed: [], files: full.files, durationMs: performance.now() - started, full: true }
    }
    complete()
    const touched: FileReport[] = []
    const startedAt = Date.now()
    const inputs = { ...state!.inputs }
    for (const file of paths.filter(inContent)) {
      const source = path.relative(config.contentDir, file).split(path.sep).join('/').normalize('NFC')
      if (!CONTENT_EXTENSIONS.some((ext) => source.toLowerCase().endsWith(ext))) continue
      let input: Input
      try {
        input = readInput(source, file, undefined, startedAt)
      } catch {
        loaded.delete(source)
        delete inputs[source]
        continue
      }
      const before = loaded.get(source)
      await loadInputs([input])
      const after = loaded.get(source)!
      if (opts.keepLastGood && before && after.doc.diagnostics.some((d) => d.severity === 'error')) {
        touched.push({ source, slug: null, diagnostics: after.doc.diagnostics })
        loaded.set(source, before)
        continue
      }
      inputs[source] = input.stamp
    }
    const refused = [...reports.values()].filter((r) => r.slug === null && !loaded.has(r.source) && r.diagnostics.some((d) => d.ruleId === RULE.fileSymlink))
    const saved = Object.keys(inputs).filter((s) => inputs[s] !== state!.inputs[s] && state!.inputs[s])
    const onlySaves = saved.length === paths.length && paths.every(inContent)
    const early = opts.onPages && mode === 'dev' && onlySaves ? await pagesFirst(saved, opts.onPages) : []
    // Let the server answer the reload of the saved page before the indexes are planned.
    if (early.length) await new Promise((resolve) => setImmediate(resolve))
    if (early.length && (await opts.deferIndexes?.())) {
      // Another save is waiting: its update plans the indexes for both, so a burst of saves is not a queue of full passes.
      state!.inputs = inputs
      const files = [...touched, ...saved.map((source): FileReport => ({ source, slug: loaded.get(source)!.doc.document?.record.slug ?? null, diagnostics: loaded.get(source)!.doc.diagnostics }))]
      return { written: early, removed: [], files, durationMs: performance.now() - started, full: false }
    }
    const keyed = assemble(refused)
    const out = await emit(keyed, mode === 'build')
    flushCache()
    const sources = new Set(paths.filter(inContent).map((p) => path.relative(config.contentDir, p).split(path.sep).join('/').normalize('NFC')))
    const files = [...touched, ...[...reports.values()].filter((r) => sources.has(r.source) && !touched.some((t) => t.source === r.source))]
    save({ buildKey: '', searchKey: out.searchKey, startedAt, inputs, reports: [...reports.values()], manifest: out.manifest }, mode !== 'dev')
    return { written: [...early, ...out.written], removed: out.removed, files, durationMs: performance.now() - started, full: false }
  }

  return {
    build,
    update,
    get documents() {
      complete()
      return documents
    },
  }
}

/** The cache failure behind an error (rendering wraps it in a `TemplateError`), or null. */
function cacheFailure(error: unknown): CacheError | null {
  for (let e = error; e instanceof Error; e = e.cause) if (e instanceof CacheError) return e
  return null
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink()
  } catch {
    return false
  }
}

