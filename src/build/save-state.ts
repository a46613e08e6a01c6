/** Records a build's state in the session, and in the cache folder when asked, with the identity of the output it describes. */
import { PIPELINE_VERSION } from '../constants.js'
import { siteIdentity } from '../site/write.js'
import type { BuilderSession } from './session.js'
import { PackedManifest } from './manifest.js'
import { writeBuildState, type BuildState } from './state.js'

/** What a pass decides of the next state; the rest (pipeline, output folder, its identity, options key) the session gives. */
export type StateUpdate = Omit<BuildState, 'pipeline' | 'outDir' | 'site' | 'optionsKey' | 'stored'>

/** Saves `next` as the session's state, and writes it (or its changes) when `persist`; in `dev` the written manifest is marked untrusted. */
export function saveState(session: BuilderSession, next: StateUpdate, persist: boolean): void {
  const { config } = session
  const state: BuildState = {
    pipeline: PIPELINE_VERSION,
    outDir: config.outDir,
    site: siteIdentity(config.outDir),
    optionsKey: session.keys.optionsKey,
    ...next,
  }
  const previous = session.state
  session.state = state
  // In dev the site keeps changing after this without the state being saved, so the saved manifest is marked untrusted.
  // Written as the changes from `previous` when that is the state on disk (see `build/state-journal.ts`).
  const stored = persist ? writeBuildState(config.cacheDir, session.mode === 'dev' ? { ...state, site: null } : state, previous) : null
  if (stored) state.stored = stored
}

/**
 * What a one-shot build's full pass needs of the last state, the rest let go: where it is stored, its search key and,
 * when the site is trusted, its manifest. Its inputs, reports and archive are not read again (nor the texts of a
 * manifest and archive never read), and at 100,000 postmortems they are tens of MB held to the build's end. Its build
 * and structure keys are cleared, so a builder whose full pass failed never takes the archive for unchanged.
 */
export function lastStateForFullPass(state: BuildState, trusted: boolean): BuildState {
  return {
    pipeline: state.pipeline,
    outDir: state.outDir,
    site: state.site,
    buildKey: '',
    optionsKey: state.optionsKey,
    startedAt: state.startedAt,
    searchKey: state.searchKey,
    inputs: new Map(),
    reports: [],
    manifest: trusted ? state.manifest : new PackedManifest(),
    relatedId: state.relatedId,
    stored: state.stored,
  }
}
