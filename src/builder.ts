import { createHash } from 'node:crypto'
import { lstatSync, readFileSync, statSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { BuildResult, FileReport } from './build.js'
import { documentKey, documentOptionsKey, hashParts, renderConfigKey, templatesKey } from './cache/hash.js'
import { createPlanHasher } from './cache/plan-key.js'
import { openDocumentCache, readBuildState, readCacheValue, writeBuildState, writeCacheValue, type BuildState, type DocumentCache, type InputStamp, type ManifestEntry } from './cache/store.js'
import { CONFIG_FILE } from './config.js'
import { CONTENT_EXTENSIONS, PIPELINE_VERSION, RULE } from './constants.js'
import { boundHeap } from './heap.js'
import { discoverContent } from './content/discover.js'
import { dedupeSlugs } from './dedupe-slugs.js'
import type { LoadedDocument } from './document.js'
import type { PlannedFile, SiteDocument } from './site/pages.js'
import type { RelatedMemo } from './site/related.js'
import { isStreamed, MissingOutputError, openSiteWriter, pausePoint, recoverOutDir, siteIdentity, type FileContent, type SiteWriter } from './site/write.js'
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
}

interface Input { source: string; absolutePath: string; stamp: InputStamp; bytes: Uint8Array | null }

/** Name of the related-incidents memo in the cache folder. */
const RELATED_MEMO = 'related'

/** Folder of the search index inside the site (as in search/index.ts, which is loaded only when the index is rebuilt). */
const SEARCH_DIR = 'pagefind'

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Longest stretch of rendering in `dev` before the event loop gets a turn. */
const DEV_SLICE_MS = 20

/** Assets only `dev` serves (from `/__hindsight/`), never part of a published site. */
const DEV_ONLY_ASSETS = new Set(['live-reload.js'])

async function assetFiles(config: ResolvedConfig): Promise<PlannedFile[]> {
  const dir = path.join(config.templatesDir, 'assets')
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => !DEV_ONLY_ASSETS.has(name))
  return Promise.all(names.sort().map(async (name) => ({ path: `assets/${name}`, content: await readFile(path.join(dir, name)) })))
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
  const cache = (): DocumentCache => (cacheStore ??= openDocumentCache(config.cacheDir))
  const flushCache = (): void => cache().flush(new Set([...loaded.values()].map((l) => l.key)))
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
      return { source, absolutePath, stamp: { ...previous, key: documentKey(source, previous.hash, optionsKey) }, bytes: null }
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
    await normalizeMany(todo.map((t) => ({ source: t.source, bytes: t.bytes ?? readFileSync(t.absolutePath) })), config, options.workers, (i, result) => {
      const key = todo[i]!.stamp.key
      loaded.set(todo[i]!.source, { key, doc: cache().put(key, result, mode === 'dev') })
    })
  }

  /** Applies slug deduplication over all loaded documents (in source order) and refreshes documents and reports. */
  const assemble = (refused: FileReport[]): Array<[SiteDocument, string]> => {
    const sources = [...loaded.keys()].sort(byCodePoint)
    const { documents: docs, reports: files } = dedupeSlugs(sources.map((s) => loaded.get(s)!.doc))
    documents = new Map(docs.map((d) => [d.record.source, d]))
    reports = new Map([...refused, ...files].sort((a, b) => byCodePoint(a.source, b.source)).map((f) => [f.source, f]))
    return docs.map((d) => [d, `${loaded.get(d.record.source)!.key}/${d.record.slug}`])
  }

  /** Plans the site, renders only files whose inputs changed, writes only files whose bytes changed. */
  const emit = async (keyed: Array<[SiteDocument, string]>, withSearch: boolean, trust = true): Promise<{ written: string[]; removed: string[]; manifest: Record<string, ManifestEntry>; searchKey: string | null }> => {
    const previous = trust && state && state.site && JSON.stringify(siteIdentity(config.outDir)) === JSON.stringify(state.site) ? state : null
    const { planSite, inArchiveOrder } = await import('./site/pages.js')
    const { relatedMemo, restoreRelatedMemo } = await import('./site/related.js')
    if (savedRelated === undefined) restoreRelatedMemo((savedRelated = readCacheValue<RelatedMemo>(config.cacheDir, RELATED_MEMO)))
    const docs = inArchiveOrder(keyed.map(([d]) => d))
    const keys = new Map(keyed)
    // Records as loaded (not renamed by slug deduplication) have their JSON in the cache already.
    const cacheKeys = new Map([...loaded.values()].map((l) => [l.doc.document?.record, l.key]))
    const known = (record: SiteDocument['record']): Uint8Array | null => {
      const key = cacheKeys.get(record)
      return key === undefined ? null : cache().line(key)
    }
    const planned = [...planSite(docs, config, (d) => keys.get(d)!, known), ...(await assetFiles(config))]
    lastPlan = { docs, keys }
    const inputHash = createPlanHasher(keyed, hashParts(renderKey, tplKey))
    const manifest: Record<string, ManifestEntry> = {}
    const kept: string[] = []
    let searchKey: string | null = previous?.searchKey ?? null
    if (withSearch && config.search) {
      searchKey = hashParts(renderKey, ...keyed.map(([, k]) => k).sort())
      if (previous?.searchKey === searchKey) kept.push(...Object.keys(previous.manifest).filter((p) => p.startsWith(`${SEARCH_DIR}/`)))
      else planned.push(...(await (await import('./search/index.js')).searchIndexFiles(docs, config)))
    } else if (previous) {
      kept.push(...Object.keys(previous.manifest).filter((p) => p.startsWith(`${SEARCH_DIR}/`)))
    }
    const writer: SiteWriter = openSiteWriter(config.outDir, { incremental: previous !== null })
    const written: string[] = []
    try {
      const render = await rendererFor()
      for (const p of kept) if (writer.keep(p)) manifest[p] = previous!.manifest[p]!
      let ranSince = performance.now()
      let done = 0
      for (const file of planned) {
        if (mode === 'build' && ++done % 256 === 0) boundHeap()
        // `dev` serves pages from this process: a long pass lets the server answer between slices of work.
        if (mode === 'dev' && performance.now() - ranSince > DEV_SLICE_MS) {
          await new Promise((resolve) => setImmediate(resolve))
          ranSince = performance.now()
        }
        const input = inputHash(file)
        const before = previous?.manifest[file.path]
        if (before && input !== '' && before[0] === input && writer.keep(file.path)) {
          manifest[file.path] = before
          continue
        }
        const { entry, wrote } = produce(file, input, before, writer, render)
        manifest[file.path] = entry
        if (!wrote) continue
        written.push(file.path)
        if (written.length === 100) await pausePoint('staging')
      }
      const removed = previous ? Object.keys(previous.manifest).filter((p) => !(p in manifest) && !(mode === 'dev' && p.startsWith(`${SEARCH_DIR}/`))) : []
      for (const p of removed) writer.remove(p)
      await writer.commit()
      if (relatedMemo() !== savedRelated) writeCacheValue(config.cacheDir, RELATED_MEMO, (savedRelated = relatedMemo()))
      return { written, removed, manifest, searchKey }
    } catch (error) {
      writer.abort()
      if (error instanceof MissingOutputError && previous) return emit(keyed, withSearch, false)
      throw error
    }
  }

  const save = (next: Omit<BuildState, 'pipeline' | 'outDir' | 'site'>, persist: boolean): void => {
    state = { pipeline: PIPELINE_VERSION, outDir: config.outDir, site: siteIdentity(config.outDir), ...next }
    // In dev the site keeps changing after this without the state being saved, so the saved manifest is marked untrusted.
    if (persist) writeBuildState(config.cacheDir, mode === 'dev' ? { ...state, site: null } : state)
  }

  const result = (started: number, pagesWritten: number): BuildResult => {
    const files = [...reports.values()]
    const all = files.flatMap((f) => f.diagnostics)
    return {
      files,
      get documents() {
        return [...documents.values()]
      },
      pagesWritten,
      errors: all.filter((d) => d.severity === 'error').length,
      warnings: all.filter((d) => d.severity === 'warning').length,
      durationMs: performance.now() - started,
    }
  }

  const discover = options.discover ?? discoverContent

  async function build(): Promise<BuildResult> {
    const started = performance.now()
    recoverOutDir(config.outDir)
    if (state === undefined) state = readBuildState(config.cacheDir, config.outDir)
    tplKey = await templatesKey(config.templatesDir)
    const found = await discover(config.contentDir)
    const refused = found.refused.map((r): FileReport => ({ source: r.source, slug: null, diagnostics: [r.diagnostic] }))
    const startedAt = Date.now()
    const inputs = [...found.files].sort((a, b) => byCodePoint(a.source, b.source)).map((f) => readInput(f.source, f.absolutePath, state?.inputs[f.source], state?.startedAt ?? 0))
    const buildKey = hashParts(optionsKey, renderKey, tplKey, ...inputs.map((i) => `${i.source}\0${i.stamp.key}`), ...refused.map((r) => `refused\0${r.source}`))
    const siteValid = state?.site && JSON.stringify(siteIdentity(config.outDir)) === JSON.stringify(state.site)
    if (mode === 'build' && state && siteValid && state.buildKey === buildKey) {
      reports = new Map(state.reports.map((f) => [f.source, f]))
      const out = result(started, 0)
      Object.defineProperty(out, 'documents', { get: () => lazyDocuments(inputs, refused), enumerable: true })
      return out
    }
    await pausePoint('load')
    const present = new Set(inputs.map((i) => i.source))
    for (const source of [...loaded.keys()]) if (!present.has(source)) loaded.delete(source)
    let mark = performance.now()
    const phase = (name: string): void => {
      if (process.env.HINDSIGHT_TIMINGS) process.stderr.write(`hindsight-timing ${name} ${Math.round(performance.now() - mark)} ms, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB, heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB\n`)
      mark = performance.now()
    }
    await loadInputs(inputs)
    phase('load')
    const keyed = assemble(refused)
    const out = await emit(keyed, true)
    phase('emit')
    flushCache()
    phase('cache')
    save({ buildKey, searchKey: out.searchKey, startedAt, inputs: Object.fromEntries(inputs.map((i) => [i.source, i.stamp])), reports: [...reports.values()], manifest: out.manifest }, true)
    return result(started, out.written.length)
  }

  function lazyDocuments(inputs: Input[], refused: FileReport[]): SiteDocument[] {
    const missing = inputs.filter((i) => loaded.get(i.source)?.key !== i.stamp.key)
    for (const i of missing) {
      const doc = cache().get(i.stamp.key)
      if (doc) loaded.set(i.source, { key: i.stamp.key, doc })
    }
    assemble(refused)
    return [...documents.values()]
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
      if (!before || !doc || doc.record.slug !== before.record.slug || before.record.diagnostics.some((d) => d.ruleId === RULE.slugDuplicate)) return []
      const at = docs.indexOf(before)
      if (at < 0) return []
      docs[at] = doc
      sorted &&= doc.record.date === before.record.date && doc.record.published === before.record.published
      keys.set(doc, `${now.key}/${doc.record.slug}`)
      slugs.add(doc.record.slug)
    }
    const { planPostmortems } = await import('./site/pages.js')
    const files = planPostmortems(docs, slugs, (d) => keys.get(d)!, sorted)
    const inputHash = createPlanHasher([], hashParts(renderKey, tplKey))
    const render = await rendererFor()
    const writer = openSiteWriter(config.outDir, { incremental: true })
    const written: string[] = []
    try {
      for (const file of files) {
        const { entry, wrote } = produce(file, inputHash(file), state.manifest[file.path], writer, render)
        state.manifest[file.path] = entry
        if (wrote) written.push(file.path)
      }
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
    const structural = paths.some((p) => p.startsWith(config.templatesDir + path.sep) || p === config.templatesDir || path.basename(p) === CONFIG_FILE || (inContent(p) && isLink(p)))
    if (!state || structural) {
      const full = await build()
      return { written: [], removed: [], files: full.files, durationMs: performance.now() - started, full: true }
    }
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
    const refused = [...reports.values()].filter((r) => r.slug === null && !loaded.has(r.source) && r.diagnostics.some((d) => d.ruleId === 'file-symlink-outside'))
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
      return documents
    },
  }
}

/**
 * Renders one planned file and hands it to the writer unless its bytes equal those of `before` (then it is kept);
 * returns its manifest entry. Shared by the full pass and `dev`'s pages-first pass, so both decide alike.
 */
function produce(file: PlannedFile, input: string, before: ManifestEntry | undefined, writer: SiteWriter, render: (file: PlannedFile) => FileContent): { entry: ManifestEntry; wrote: boolean } {
  const content = render(file)
  if (isStreamed(content)) {
    // Too large to hold twice, so not compared first: written whenever its key changed, hashed as it goes out.
    const hash = createHash('sha256')
    writer.write(file.path, encoded(content, (bytes) => hash.update(bytes)))
    return { entry: [input, `stream:${hash.digest('hex').slice(0, 32)}`], wrote: true }
  }
  // Encoded once, for both the hash and the write (hashing and writing a string would encode it twice more).
  const bytes = typeof content === 'string' ? Buffer.from(content) : content
  const output = hashParts(bytes)
  if (before && before[1] === output && writer.keep(file.path)) return { entry: [input, output], wrote: false }
  writer.write(file.path, bytes)
  return { entry: [input, output], wrote: true }
}

/** Text and byte pieces as UTF-8 chunks of about a megabyte (so writes are few and only one chunk is held), each shown to `see` on its way out. */
function* encoded(pieces: Iterable<string | Uint8Array>, see: (bytes: Uint8Array) => void): Generator<Uint8Array> {
  let text: string[] = []
  let parts: Uint8Array[] = []
  let size = 0
  const settle = (): void => {
    if (text.length) parts.push(Buffer.from(text.join('')))
    text = []
  }
  const chunk = (): Uint8Array => {
    settle()
    const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts)
    parts = []
    size = 0
    see(bytes)
    return bytes
  }
  for (const piece of pieces) {
    if (typeof piece === 'string') text.push(piece)
    else {
      settle()
      parts.push(piece)
    }
    size += piece.length
    if (size >= 1 << 20) yield chunk()
  }
  if (size > 0 || text.length) yield chunk()
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink()
  } catch {
    return false
  }
}

