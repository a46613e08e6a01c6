/** `update`, the path of `dev` and watch: reads the changed content files, writes the saved pages first in `dev`, then a full pass. */
import { RULE } from '../constants.js'
import { siteIdentity } from '../site/write.js'
import { completeArchive } from './complete.js'
import { inContent, isContentFile, isStructural, readInput, sourceOf, type Input } from './inputs.js'
import { pagesFirst } from './pages-first.js'
import { runFull } from './run-full.js'
import { saveState } from './save-state.js'
import { passContext } from './pass-context.js'
import { imageContent, imageExists, type BuilderSession } from './session.js'
import type { BuildState } from './state.js'
import type { BuildResult, FileReport, UpdateOptions, UpdateResult } from './types.js'

/**
 * Applies changed paths (absolute) to the session's archive and output; a structural change (config, templates, a
 * folder) or no earlier build means `build` runs instead. Only the touched files' reports are returned.
 */
export async function updateBuild(session: BuilderSession, paths: string[], opts: UpdateOptions, build: () => Promise<BuildResult>): Promise<UpdateResult> {
  const started = performance.now()
  const { config, documents, mode } = session
  if (!session.state || isStructural(config, paths)) {
    const { files } = await build()
    return { written: [], removed: [], files, durationMs: performance.now() - started, full: true }
  }
  completeArchive(session)
  const last: BuildState = session.state
  // Changed in place below, so no longer the state on disk: the next save writes it whole.
  last.stored = undefined
  const touched: FileReport[] = []
  const startedAt = Date.now()
  const inputs = new Map(last.inputs)
  for (const file of paths.filter((p) => inContent(config, p))) {
    const source = sourceOf(config, file)
    if (!isContentFile(source)) continue
    let input: Input
    try {
      input = readInput(source, file, undefined, startedAt, session.keys.optionsKey, true)
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
  const refused = [...session.published.reports.values()].filter(
    (r) => r.slug === null && !documents.loaded.has(r.source) && r.diagnostics.some((d) => d.ruleId === RULE.fileSymlink),
  )
  const saved = [...inputs.keys()].filter((s) => inputs.get(s) !== last.inputs.get(s) && last.inputs.get(s))
  const onlySaves = saved.length === paths.length && paths.every((p) => inContent(config, p))
  const early = opts.onPages && mode === 'dev' && onlySaves ? await savedPagesFirst(session, last, saved, opts.onPages) : []
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
  session.published = documents.assemble(refused, imageExists(session))
  const out = await runFull(session, mode === 'build')
  documents.flush()
  const sources = new Set(paths.filter((p) => inContent(config, p)).map((p) => sourceOf(config, p)))
  const all = [...session.published.reports.values()]
  const files = [...touched, ...all.filter((r) => sources.has(r.source) && !touched.some((t) => t.source === r.source))]
  saveState(session, { buildKey: '', searchKey: out.searchKey, startedAt, inputs, reports: all, manifest: out.manifest }, mode !== 'dev')
  return { written: [...early, ...out.written], removed: out.removed, files, durationMs: performance.now() - started, full: false }
}

/** `dev`'s saved postmortems' own pages, written before the indexes (see `build/pages-first.ts`); their paths, or none. */
async function savedPagesFirst(session: BuilderSession, last: BuildState, sources: string[], onPages: (paths: string[]) => void): Promise<string[]> {
  if (!session.lastPlan || sources.length === 0) return []
  const { documents, related } = session
  const first = {
    pass: await passContext(session),
    documents,
    related,
    image: imageContent(session),
    lastPlan: session.lastPlan,
    before: session.published.documents,
  }
  const out = await pagesFirst(first, last.manifest, sources)
  if (!out) return []
  last.manifest = out.manifest
  if (last.site) last.site = siteIdentity(session.config.outDir)
  if (out.written.length) onPages(out.written)
  return out.written
}
