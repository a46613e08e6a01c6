/** Which pass a build runs, decided from the last build's state and this build's inputs alone. */
import type { BuildState } from './state.js'
import type { BuildMode } from './types.js'

/** Edited files a warm build still builds alone (see `build/edited.ts`); more than this is cheaper as one full pass. */
export const EDITED_ONLY_MAX = 64

/** A content file as the scope sees it: its source and document key. */
export interface ScopeInput {
  source: string
  stamp: { key: string }
}

/** What a build knows of itself before it loads a document. */
export interface ScopeInputs<T extends ScopeInput = ScopeInput> {
  mode: BuildMode
  /** Whether the output folder is the one the state's manifest describes. */
  siteTrusted: boolean
  buildKey: string
  structureKey: string
  /** Each content file's source and document key. */
  inputs: readonly T[]
}

/**
 * `unchanged`: nothing to do; `edited`: try the edited-only pass for `changed` (it can still decline, when an edit
 * shows in other pages); `full`: plan every output.
 */
export type Scope<T> = { kind: 'unchanged' } | { kind: 'edited'; changed: T[] } | { kind: 'full'; reason: string }

/** Chooses the pass: pure, so each way a build can go is tested without building. */
export function chooseScope<T extends ScopeInput>(state: BuildState | null, now: ScopeInputs<T>): Scope<T> {
  if (!state) return { kind: 'full', reason: 'no usable build state' }
  if (!now.siteTrusted) return { kind: 'full', reason: 'the output folder is not the one the build state describes' }
  if (now.mode === 'build' && state.buildKey === now.buildKey) return { kind: 'unchanged' }
  if (now.mode !== 'build') return { kind: 'full', reason: `${now.mode} mode` }
  if (!state.archive) return { kind: 'full', reason: 'the build state has no archive' }
  if (state.structureKey !== now.structureKey) return { kind: 'full', reason: 'options, config, templates or the list of files changed' }
  const changed = now.inputs.filter((i) => state.inputs.get(i.source)?.key !== i.stamp.key)
  if (changed.length === 0) return { kind: 'full', reason: 'no content file changed, but the build key did' }
  if (changed.length > EDITED_ONLY_MAX) return { kind: 'full', reason: `${changed.length} files changed (more than ${EDITED_ONLY_MAX})` }
  return { kind: 'edited', changed }
}
