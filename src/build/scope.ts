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
export type Scope<T> = { kind: 'unchanged' } | { kind: 'edited'; changed: T[] } | { kind: 'full' }

/** Chooses the pass: pure, so each way a build can go is tested without building. */
export function chooseScope<T extends ScopeInput>(state: BuildState | null, now: ScopeInputs<T>): Scope<T> {
  if (!state || !now.siteTrusted) return { kind: 'full' }
  if (now.mode === 'build' && state.buildKey === now.buildKey) return { kind: 'unchanged' }
  if (now.mode !== 'build' || !state.archive || state.structureKey !== now.structureKey) return { kind: 'full' }
  const changed = now.inputs.filter((i) => state.inputs.get(i.source)?.key !== i.stamp.key)
  if (changed.length === 0 || changed.length > EDITED_ONLY_MAX) return { kind: 'full' }
  return { kind: 'edited', changed }
}
