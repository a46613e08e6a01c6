/** One output pass: opens the site writer, writes what changed, removes what is gone, commits, or aborts on failure. */
import { hashParts } from '../cache/hash.js'
import { createPlanHasher } from './plan-key.js'
import type { PlannedFile, ArchiveDocument } from '../site/pages.js'
import { writeFiles, type Offloaded } from '../site/produce.js'
import { MissingOutputError, openSiteWriter, type FileContent } from '../site/write.js'
import type { ResolvedConfig } from '../types.js'
import type { ManifestEntry } from './state.js'
import { PackedManifest } from './manifest.js'
import type { BuildMode } from './types.js'

/** What every pass of one builder shares. */
export interface PassContext {
  config: ResolvedConfig
  mode: BuildMode
  /** Hash of the render config and the templates: part of every output's input hash. */
  renderKey: string
  /** Renders a planned file with the current templates. */
  render: (file: PlannedFile) => FileContent
  /** Told after each planned file, kept or produced, for a progress line. */
  progress?: (done: number, total: number) => void
  /** Threads asked for (`--workers`): a full build renders its postmortem pages on as many (`build/render-offload.ts`). */
  threads?: number
}

/** What a pass writes: planned files, then those a job still running produces (the search index), and files carried over unread. */
export interface PassPlan {
  files: PlannedFile[]
  later?: Promise<PlannedFile[]> | null
  /** Output keys of the documents the plan holds, so planning need not serialise them (see `cache/plan-key.ts`). */
  outputKeys?: ReadonlyMap<ArchiveDocument, string>
  /** Paths of the last output kept as they are without being planned (the search index while its key holds). */
  carried?: string[]
  /** Renders some files on other threads (a full build's postmortem pages); closed when the pass ends, however it ends. */
  offload?: PassOffload | null
}

/** Files rendered on other threads: `render` says null for a file rendered here. */
export interface PassOffload {
  render: (file: PlannedFile, target: string | null) => Promise<Offloaded> | null
  close: () => Promise<void>
}

/** What a pass did, and the manifest of the output it leaves. */
export interface PassOutcome {
  written: string[]
  removed: string[]
  manifest: Map<string, ManifestEntry>
}

/** How a pass treats the last output. */
export interface PassOptions {
  /**
   * Only some outputs are planned (edited-only, `dev`'s pages first): the rest of the last manifest stands and
   * nothing is removed. Otherwise every output is planned, and what the plan lacks is removed.
   */
  partial?: boolean
  /** Paths of the last manifest never removed although not planned (`dev`'s search index, which `dev` writes itself). */
  keep?: (path: string) => boolean
  /** In a partial pass: paths of the last manifest removed when this pass did not produce them (a search index replaced by a delta). */
  removeUnplanned?: (path: string) => boolean
  /** A file of the last output gone from site/: plan again without trusting the last manifest (else the error is thrown). */
  retryUntrusted?: boolean
}

/**
 * Runs one output pass: the planned files whose inputs changed are rendered, those whose bytes changed written. The
 * last manifest (`previous`, null when it cannot be trusted) says what is on disk; with none, site/ is written anew.
 */
export async function runPass(
  context: PassContext,
  previous: ReadonlyMap<string, ManifestEntry> | null,
  plan: (previous: ReadonlyMap<string, ManifestEntry> | null) => Promise<PassPlan>,
  options: PassOptions = {},
): Promise<PassOutcome> {
  try {
    return await passOnce(context, previous, await plan(previous), options)
  } catch (error) {
    if (!(error instanceof MissingOutputError && previous && options.retryUntrusted)) throw error
    return passOnce(context, null, await plan(null), options)
  }
}

async function passOnce(context: PassContext, previous: ReadonlyMap<string, ManifestEntry> | null, plan: PassPlan, options: PassOptions): Promise<PassOutcome> {
  const { config, mode, render, progress } = context
  // Packed (`manifest.ts`): at 100,000 postmortems it lists about 455,000 files.
  const manifest = new PackedManifest(options.partial ? previous : null)
  const inputHash = createPlanHasher(plan.outputKeys ?? new Map(), context.renderKey)
  const writer = openSiteWriter(config.outDir, { incremental: previous !== null })
  try {
    for (const p of plan.carried ?? []) if (writer.keep(p)) manifest.set(p, previous!.get(p)!)
    // A full pass's plan is made for this pass alone: its files are dropped as they are written (`release`).
    const offload = plan.offload?.render
    const pass = { inputHash, previous, manifest, writer, render, mode, progress, release: !options.partial, offload }
    const written = await writeFiles(plan.files, pass)
    const later = plan.later ? await plan.later : []
    // One by one: the search index is a file a page, past what a spread call can pass at 100,000 pages.
    if (later.length) for (const p of await writeFiles(later, pass)) written.push(p)
    const removed = previous && !options.partial ? [...previous.keys()].filter((p) => !manifest.has(p) && !options.keep?.(p)) : []
    if (options.partial && options.removeUnplanned) {
      const produced = new Set([...plan.files, ...later].map((f) => f.path))
      removed.push(...[...manifest.keys()].filter((p) => !produced.has(p) && options.removeUnplanned!(p)))
      for (const p of removed) manifest.delete(p)
    }
    for (const p of removed) writer.remove(p)
    await writer.commit()
    return { written, removed, manifest }
  } catch (error) {
    // Render threads write into the staging folder: stopped first, so none writes there once it is gone.
    await plan.offload?.close()
    await writer.abort()
    // Let a job still running (the indexer) finish, and its scratch folder go, before anything else starts one.
    await plan.later?.catch(() => {})
    throw error
  } finally {
    await plan.offload?.close()
  }
}

/** The render key of a pass: the render config's key and the templates' key. */
export const passRenderKey = (renderConfigKey: string, templatesKey: string): string => hashParts(renderConfigKey, templatesKey)
