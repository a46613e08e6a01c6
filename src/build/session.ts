/** What one builder keeps between its calls (documents, the last state and plan, the renderer), and what every pass derives from it. */
import { readFileSync } from 'node:fs'
import { documentOptionsKey } from '../cache/hash.js'
import type { PlannedFile } from '../site/pages.js'
import { siteIdentity, type FileContent } from '../site/write.js'
import type { ResolvedConfig } from '../types.js'
import { createDocumentSet, type Assembled, type DocumentSet } from './documents.js'
import type { FullOutcome } from './full.js'
import type { BuildKeys, Input } from './inputs.js'
import { createRelatedStore, type RelatedStore } from './related-store.js'
import { renderConfigKey } from './render-keys.js'
import type { BuildState } from './state.js'
import type { BuildMode, BuildProgress, BuildResult, FileReport } from './types.js'

/** The mutable state of one builder, passed explicitly to the functions of `src/build/` that read or change it. */
export interface BuilderSession {
  readonly config: ResolvedConfig
  readonly mode: BuildMode
  /** The options and render config keys (fixed) and the templates key (worked out by each build). */
  readonly keys: BuildKeys
  readonly documents: DocumentSet
  readonly related: RelatedStore
  /** Told after each planned file of a pass, for the CLI's progress line. */
  readonly progress?: (done: number, total: number) => void
  /** Threads asked for (`--workers`), to normalize and to render. */
  readonly workers?: number
  /** The last build's state: `undefined` until read from the cache folder, null when there is none. */
  state: BuildState | null | undefined
  /** Images under content/ by their path there, as the last build found them. */
  images: Map<string, string>
  /** The published archive of the last build or update. */
  published: Assembled
  /** Set when a build returned without reading every document (nothing or only edits changed): what `completeArchive` still has to load. */
  unread: { inputs: Input[]; refused: FileReport[] } | null
  /** The documents the last full pass planned, for `dev`'s pages-first pass. */
  lastPlan: FullOutcome['plan'] | null
  /** One renderer per templates state, so eta compiles each template once per build or per run of `dev`. */
  renderer: { key: string; render: (file: PlannedFile) => FileContent } | null
  /** Time of each phase of the last full pass. */
  phases: BuildResult['phases']
}

/** A new session for one resolved config: nothing read yet. */
export function createSession(config: ResolvedConfig, mode: BuildMode, workers?: number, onProgress?: (progress: BuildProgress) => void): BuilderSession {
  return {
    config,
    mode,
    keys: { optionsKey: documentOptionsKey(config), renderKey: renderConfigKey(config), templatesKey: '' },
    documents: createDocumentSet(config, mode, workers, onProgress),
    related: createRelatedStore(config.cacheDir),
    progress: onProgress ? (done, total) => onProgress({ phase: 'write', done, total }) : undefined,
    workers,
    state: undefined,
    images: new Map(),
    published: { documents: new Map(), reports: new Map(), outputKeys: new Map() },
    unread: null,
    lastPlan: null,
    renderer: null,
    phases: [],
  }
}

/** An image under content/ as a thunk reading its bytes, or null when the last build found no such image. */
export const imageContent =
  (session: BuilderSession) =>
  (source: string): (() => Uint8Array) | null => {
    const file = session.images.get(source)
    return file === undefined ? null : () => readFileSync(file)
  }

/** Whether the last build found an image under content/ at this path. */
export const imageExists =
  (session: BuilderSession) =>
  (source: string): boolean =>
    session.images.has(source)

/** Whether a build state's manifest describes the output folder as it is now (the folder's identity is the one it saved). */
export const siteTrusted = (session: BuilderSession, state: BuildState | null | undefined): state is BuildState =>
  !!state?.site && JSON.stringify(siteIdentity(session.config.outDir)) === JSON.stringify(state.site)
