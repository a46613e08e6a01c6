import type { ArchiveDocument, BodyReader, SiteDocument } from '../site/pages.js'
import type { Diagnostic } from '../types.js'

/** Outcome of one content file: a page, or the diagnostics that say why not. */
export interface FileReport {
  source: string
  slug: string | null
  diagnostics: Diagnostic[]
}

/** How much of the site a build planned (see `build/scope.ts`). */
export type ScopeKind = 'unchanged' | 'edited' | 'full'

/** Summary of a build, for the CLI and for tests. */
export interface BuildResult {
  files: FileReport[]
  documents: SiteDocument[]
  pagesWritten: number
  /**
   * What the build planned: `unchanged` nothing (no input changed), `edited` only the edited postmortems' own files
   * and the export (their edits changed nothing other pages show), `full` every output (each still written only if
   * its bytes changed).
   */
  scope: ScopeKind
  errors: number
  warnings: number
  durationMs: number
  /** Time of each phase of a full pass (`load`, `emit`, `cache`); empty when nothing or only edits were built. */
  phases: Array<{ name: string; ms: number }>
}

/** How far a build is: content files normalized (those not in the cache), or output files written or kept. */
export interface BuildProgress {
  phase: 'normalize' | 'write'
  done: number
  total: number
}

/** Outcome of `update`: what changed on disk, the reports of the touched files, and whether it was a full rebuild. */
export interface UpdateResult {
  written: string[]
  removed: string[]
  files: FileReport[]
  durationMs: number
  full: boolean
}

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
  /** Current documents by source path: whole, or a cached summary's head (read whole with `readBody`). */
  readonly documents: ReadonlyMap<string, ArchiveDocument>
  /** Reads a document of `documents` whole (its body from the cache when it is a summary's): the one way to read a body. */
  readonly readBody: BodyReader
}

/** `build` writes a new site and swaps it in; `dev` writes changed files in place and leaves search to its session. */
export type BuildMode = 'build' | 'dev'
