/** The incremental build engine's orchestration: each build finds its inputs, chooses its scope and runs one pass (see `src/build/`). */
import { assertContentDir } from './config.js'
import { discoverContent } from './content/discover.js'
import { completeArchive } from './build/complete.js'
import { findInputs } from './build/inputs.js'
import { buildResult } from './build/result.js'
import { lastStateForFullPass, saveState } from './build/save-state.js'
import { chooseScope } from './build/scope.js'
import { createSession, imageContent, imageExists, siteTrusted } from './build/session.js'
import { readBuildState } from './build/state.js'
import type { BuildProgress, BuildResult, Builder, BuildMode } from './build/types.js'
import { templatesKey } from './build/render-keys.js'
import { assertSafeOutDir } from './site/out-guard.js'
import { templateLayers } from './site/templates-layers.js'
import { recoverOutDir } from './site/write.js'
import { debug } from './debug.js'
import { pausePoint } from './test-seam.js'
import type { ResolvedConfig } from './types.js'

/**
 * The pass modules (planning, rendering, search: about 0.15 s of CPU to load, measured) are loaded only when a build
 * or update has something to do, so a build with no change costs what it did before the engine split (issue 17).
 */
const loadPasses = (): Promise<typeof import('./build/passes.js')> => import('./build/passes.js')

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
  const session = createSession(config, options.mode ?? 'build', options.workers, options.onProgress)
  const { documents, keys, mode } = session

  async function build(): Promise<BuildResult> {
    const started = performance.now()
    session.phases = []
    // Before anything is touched: the output folder is replaced, so it must be Hindsight's to replace.
    assertSafeOutDir(config)
    assertContentDir(config)
    recoverOutDir(config.outDir)
    if (session.state === undefined) session.state = readBuildState(config.cacheDir, config.outDir)
    keys.templatesKey = await templatesKey(templateLayers(config.templatesDir))
    const found = await findInputs(config, options.discover ?? discoverContent, session.state, keys)
    const { inputs, refused, structureKey, buildKey, startedAt } = found
    session.images = found.images
    const stamps = new Map(inputs.map((i) => [i.source, i.stamp]))
    const scope = chooseScope(session.state, { mode, siteTrusted: siteTrusted(session, session.state), buildKey, structureKey, inputs })
    debug('scope %s%s', scope.kind, scope.kind === 'full' ? `: ${scope.reason}` : '')
    if (scope.kind === 'unchanged') {
      session.published = { ...session.published, reports: new Map(session.state!.reports.map((f) => [f.source, f])) }
      session.unread = { inputs, refused }
      return buildResult(session, started, 0, 'unchanged')
    }
    await pausePoint('load')
    const { editedPass, fullBuild, passContext } = await loadPasses()
    if (scope.kind === 'edited') {
      const context = { pass: await passContext(session), documents, related: session.related, image: imageContent(session), imageExists: imageExists(session) }
      const edited = await editedPass(context, session.state!, inputs, scope.changed)
      if (edited) {
        documents.flush(inputs.map((i) => i.stamp.key))
        session.published = { ...session.published, reports: new Map(edited.reports.map((f) => [f.source, f])) }
        const { archive, relatedId } = session.state!
        const { searchKey, reports, manifest } = edited
        saveState(session, { buildKey, searchKey, startedAt, inputs: stamps, reports, manifest, structureKey, archive, relatedId }, true)
        session.unread = { inputs, refused }
        return buildResult(session, started, edited.written.length, 'edited')
      }
    }
    // A one-shot build lets go of what its full pass never reads of the last state (no local copy of it is kept here).
    if (mode === 'build' && session.state) session.state = lastStateForFullPass(session.state, siteTrusted(session, session.state))
    const out = await fullBuild(session, inputs, refused)
    const { searchKey, manifest, archive, relatedId } = out
    const reports = [...session.published.reports.values()]
    saveState(session, { buildKey, searchKey, startedAt, inputs: stamps, reports, manifest, structureKey, archive, relatedId }, true)
    return buildResult(session, started, out.written.length)
  }

  return {
    build,
    update: async (paths, opts = {}) => (await loadPasses()).updateBuild(session, paths, opts, build),
    readBody: documents.readBody,
    get documents() {
      completeArchive(session)
      return session.published.documents
    },
  }
}
