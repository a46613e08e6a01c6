import { readFileSync } from 'node:fs'
import { documentOptionsKey } from './cache/hash.js'
import { renderConfigKey, templatesKey } from './build/render-keys.js'
import { assertContentDir } from './config.js'
import { RULE } from './constants.js'
import { discoverContent } from './content/discover.js'
import { createDocumentSet, type Assembled } from './build/documents.js'
import { cacheFailure, editedPass } from './build/edited.js'
import { fullPass, type FullOutcome } from './build/full.js'
import { findInputs, inContent, isContentFile, isStructural, readInput, sourceOf, type Input } from './build/inputs.js'
import { pagesFirst } from './build/pages-first.js'
import { passRenderKey, type PassContext } from './build/pass.js'
import { createRelatedStore } from './build/related-store.js'
import { chooseScope } from './build/scope.js'
import { readBuildState, writeBuildState, type BuildState } from './build/state.js'
import type { BuildProgress, BuildResult, Builder, BuildMode, FileReport, UpdateOptions, UpdateResult } from './build/types.js'
import { PIPELINE_VERSION } from './constants.js'
import { assertSafeOutDir } from './site/out-guard.js'
import { templateLayers } from './site/templates-layers.js'
import { recoverOutDir, siteIdentity, type FileContent } from './site/write.js'
import { pausePoint } from './test-seam.js'
import { debugPhase } from './debug.js'
import type { PlannedFile } from './site/pages.js'
import type { ResolvedConfig } from './types.js'

export type { Builder, UpdateOptions, UpdateResult } from './build/types.js'

/** Options for tests and tools: `dev` writes changed files in place; `discover` can be replaced (tests shuffle it). */
export interface BuilderOptions {
  mode?: BuildMode
  discover?: typeof discoverContent
  /** Worker threads for normalizing; default: one per core beyond the first, when there is enough to do. */
  workers?: number
  /** Told how far a build is (files normalized, files written), for the CLI's progress line. */
  onProgress?: (progress: BuildProgress) => void
}

/** Creates a builder for one resolved config; it keeps documents and the output manifest in memory between calls. */
export function createBuilder(config: ResolvedConfig, options: BuilderOptions = {}): Builder {
  const mode = options.mode ?? 'build'
  const keys = { optionsKey: documentOptionsKey(config), renderKey: renderConfigKey(config), templatesKey: '' }
  const documents = createDocumentSet(config, mode, options.workers, options.onProgress)
  const related = createRelatedStore(config.cacheDir)
  let state: BuildState | null | undefined
  /** Images under content/ by their path there, as the last build found them. */
  let images = new Map<string, string>()
  const image = (source: string): (() => Uint8Array) | null => (images.has(source) ? () => readFileSync(images.get(source)!) : null)
  const imageExists = (source: string): boolean => images.has(source)
  let published: Assembled = { documents: new Map(), reports: new Map(), outputKeys: new Map() }
  /** Set when a build returned without reading every document (nothing or only edits changed): what `complete` still has to load. */
  let unread: { inputs: Input[]; refused: FileReport[] } | null = null
  let lastPlan: FullOutcome['plan'] | null = null
  /** One renderer per templates state, so eta compiles each template once per build or per run of `dev`. */
  let renderer: { key: string; render: (file: PlannedFile) => FileContent } | null = null
  let phases: BuildResult['phases'] = []
  const progress = options.onProgress ? (done: number, total: number): void => options.onProgress!({ phase: 'write', done, total }) : undefined

  const passContext = async (): Promise<PassContext> => {
    if (renderer?.key !== keys.templatesKey) renderer = { key: keys.templatesKey, render: (await import('./site/render.js')).createRenderer(config) }
    return { config, mode, renderKey: passRenderKey(keys.renderKey, keys.templatesKey), render: renderer.render, progress }
  }
  const siteTrusted = (s: BuildState | null | undefined): s is BuildState => !!s?.site && JSON.stringify(siteIdentity(config.outDir)) === JSON.stringify(s.site)
  const full = async (withSearch: boolean): Promise<FullOutcome> => {
    const out = await fullPass({ pass: await passContext(), documents, related, image }, published.outputKeys, siteTrusted(state) ? state : null, withSearch)
    lastPlan = out.plan
    return out
  }
  const save = (next: Omit<BuildState, 'pipeline' | 'outDir' | 'site' | 'optionsKey'>, persist: boolean): void => {
    state = { pipeline: PIPELINE_VERSION, outDir: config.outDir, site: siteIdentity(config.outDir), optionsKey: keys.optionsKey, ...next }
    // In dev the site keeps changing after this without the state being saved, so the saved manifest is marked untrusted.
    if (persist) writeBuildState(config.cacheDir, mode === 'dev' ? { ...state, site: null } : state)
  }
  const result = (started: number, pagesWritten: number, scope: BuildResult['scope'] = 'full'): BuildResult => {
    const files = [...published.reports.values()]
    const all = files.flatMap((f) => f.diagnostics)
    const count = (severity: string): number => all.filter((d) => d.severity === severity).length
    return {
      files,
      get documents() {
        complete()
        return [...published.documents.values()]
      },
      pagesWritten,
      scope,
      errors: count('error'),
      warnings: count('warning'),
      durationMs: performance.now() - started,
      phases,
    }
  }
  /** Loads the documents a build left unread (heads, from the cache) and assembles them, so `documents` and `update` see the whole archive. */
  const complete = (): void => {
    if (!unread) return
    const { inputs, refused } = unread
    unread = null
    for (const i of inputs) {
      if (documents.loaded.get(i.source)?.key === i.stamp.key) continue
      const doc = documents.cached(i.stamp.key)
      if (doc) documents.loaded.set(i.source, { key: i.stamp.key, doc })
    }
    published = documents.assemble(refused, imageExists)
  }

  async function build(): Promise<BuildResult> {
    const started = performance.now()
    phases = []
    // Before anything is touched: the output folder is replaced, so it must be Hindsight's to replace.
    assertSafeOutDir(config)
    assertContentDir(config)
    recoverOutDir(config.outDir)
    if (state === undefined) state = readBuildState(config.cacheDir, config.outDir)
    keys.templatesKey = await templatesKey(templateLayers(config.templatesDir))
    const { inputs, refused, images: found, structureKey, buildKey, startedAt } = await findInputs(config, options.discover ?? discoverContent, state, keys)
    images = found
    const stamps = new Map(inputs.map((i) => [i.source, i.stamp]))
    const scope = chooseScope(state, { mode, siteTrusted: siteTrusted(state), buildKey, structureKey, inputs })
    if (scope.kind === 'unchanged') {
      published = { ...published, reports: new Map(state!.reports.map((f) => [f.source, f])) }
      unread = { inputs, refused }
      return result(started, 0, 'unchanged')
    }
    await pausePoint('load')
    const edited =
      scope.kind === 'edited' ? await editedPass({ pass: await passContext(), documents, related, image, imageExists }, state!, inputs, scope.changed) : null
    if (edited) {
      documents.flush(inputs.map((i) => i.stamp.key))
      published = { ...published, reports: new Map(edited.reports.map((f) => [f.source, f])) }
      const { archive, relatedId } = state!
      save(
        {
          buildKey,
          searchKey: edited.searchKey,
          startedAt,
          inputs: stamps,
          reports: edited.reports,
          manifest: edited.manifest,
          structureKey,
          archive,
          relatedId,
        },
        true,
      )
      unread = { inputs, refused }
      return result(started, edited.written.length, 'edited')
    }
    unread = null
    documents.keepOnly(new Set(inputs.map((i) => i.source)))
    let mark = performance.now()
    const phase = (name: string): void => {
      phases.push({ name, ms: Math.round(performance.now() - mark) })
      debugPhase(name, performance.now() - mark)
      mark = performance.now()
    }
    await documents.load(inputs)
    phase('load')
    let out: FullOutcome
    try {
      published = documents.assemble(refused, imageExists)
      out = await full(true)
    } catch (error) {
      const bad = cacheFailure(error)
      if (!bad) throw error
      // A cached entry went bad under the build (disk, a hand edit): build without the cache rather than fail.
      process.emitWarning(`${bad.message.replace(/;.*$/, '')}; the cache is discarded and every file normalized again`, 'HindsightCacheWarning')
      documents.discard()
      await documents.load(inputs)
      published = documents.assemble(refused, imageExists)
      out = await full(true)
    }
    phase('emit')
    documents.flush()
    phase('cache')
    const { searchKey, manifest, archive, relatedId } = out
    save({ buildKey, searchKey, startedAt, inputs: stamps, reports: [...published.reports.values()], manifest, structureKey, archive, relatedId }, true)
    return result(started, out.written.length)
  }

  async function update(paths: string[], opts: UpdateOptions = {}): Promise<UpdateResult> {
    const started = performance.now()
    if (!state || isStructural(config, paths)) {
      const { files } = await build()
      return { written: [], removed: [], files, durationMs: performance.now() - started, full: true }
    }
    complete()
    const last: BuildState = state
    const touched: FileReport[] = []
    const startedAt = Date.now()
    const inputs = new Map(last.inputs)
    for (const file of paths.filter((p) => inContent(config, p))) {
      const source = sourceOf(config, file)
      if (!isContentFile(source)) continue
      let input: Input
      try {
        input = readInput(source, file, undefined, startedAt, keys.optionsKey, true)
      } catch {
        documents.loaded.delete(source)
        inputs.delete(source)
        continue
      }
      const before = documents.loaded.get(source)
      await documents.load([input])
      const after = documents.loaded.get(source)!
      if (opts.keepLastGood && before && after.doc.diagnostics.some((d) => d.severity === 'error')) {
        touched.push({ source, slug: null, diagnostics: after.doc.diagnostics })
        documents.loaded.set(source, before)
        continue
      }
      inputs.set(source, input.stamp)
    }
    const refused = [...published.reports.values()].filter(
      (r) => r.slug === null && !documents.loaded.has(r.source) && r.diagnostics.some((d) => d.ruleId === RULE.fileSymlink),
    )
    const saved = [...inputs.keys()].filter((s) => inputs.get(s) !== last.inputs.get(s) && last.inputs.get(s))
    const onlySaves = saved.length === paths.length && paths.every((p) => inContent(config, p))
    const early = opts.onPages && mode === 'dev' && onlySaves ? await savedPagesFirst(last, saved, opts.onPages) : []
    // Let the server answer the reload of the saved page before the indexes are planned.
    if (early.length) await new Promise((resolve) => setImmediate(resolve))
    if (early.length && (await opts.deferIndexes?.())) {
      // Another save is waiting: its update plans the indexes for both, so a burst of saves is not a queue of full passes.
      last.inputs = inputs
      const reportOf = (source: string): FileReport => ({
        source,
        slug: documents.loaded.get(source)!.doc.document?.record.slug ?? null,
        diagnostics: documents.loaded.get(source)!.doc.diagnostics,
      })
      return { written: early, removed: [], files: [...touched, ...saved.map(reportOf)], durationMs: performance.now() - started, full: false }
    }
    published = documents.assemble(refused, imageExists)
    const out = await full(mode === 'build')
    documents.flush()
    const sources = new Set(paths.filter((p) => inContent(config, p)).map((p) => sourceOf(config, p)))
    const files = [...touched, ...[...published.reports.values()].filter((r) => sources.has(r.source) && !touched.some((t) => t.source === r.source))]
    save({ buildKey: '', searchKey: out.searchKey, startedAt, inputs, reports: [...published.reports.values()], manifest: out.manifest }, mode !== 'dev')
    return { written: [...early, ...out.written], removed: out.removed, files, durationMs: performance.now() - started, full: false }
  }

  /** `dev`'s saved postmortems' own pages, written before the indexes (see `build/pages-first.ts`); their paths, or none. */
  async function savedPagesFirst(last: BuildState, sources: string[], onPages: (paths: string[]) => void): Promise<string[]> {
    if (!lastPlan || sources.length === 0) return []
    const first = { pass: await passContext(), documents, related, image, lastPlan, before: published.documents }
    const out = await pagesFirst(first, last.manifest, sources)
    if (!out) return []
    last.manifest = out.manifest
    if (last.site) last.site = siteIdentity(config.outDir)
    if (out.written.length) onPages(out.written)
    return out.written
  }

  return {
    build,
    update,
    get documents() {
      complete()
      return published.documents
    },
  }
}
