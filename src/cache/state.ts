/**
 * What the next build needs to know about the last one (the build state: input stamps, reports, output manifest)
 * and small values kept beside the document cache; every file written whole, flushed, then renamed.
 */
import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { PIPELINE_VERSION } from '../constants.js'
import type { FileReport } from '../build.js'
import { codeVersionKey, hashParts } from './hash.js'
import { writeDurably } from './integrity.js'
import { makeDir } from '../make-dir.js'

/** What a content file looked like at the last build, so an unchanged one is not read again (size, mtime, inode, as git's index does). */
export interface InputStamp {
  /** Hash of the file's bytes alone; the document key adds the path and the options. */
  hash: string
  key: string
  size: number
  mtimeMs: number
  ino: number
}

/** One output file of the last build: the hash of what it was rendered from (`''` for verbatim files) and of its bytes. */
export type ManifestEntry = [input: string, output: string]

/** Everything the next build needs to know about the last one; kept beside the document cache. */
export interface BuildState {
  pipeline: number
  outDir: string
  /** Identity of the `site/` folder the manifest describes; a different one means the manifest cannot be trusted. */
  site: { ino: number; mtimeMs: number } | null
  buildKey: string
  /** `documentOptionsKey` of that build: while it holds, each input's document key is taken from its stamp. */
  optionsKey?: string
  /** Wall-clock start of that build: inputs modified around it are re-read even when their stamp matches. */
  startedAt: number
  searchKey: string | null
  inputs: Record<string, InputStamp>
  reports: FileReport[]
  manifest: Record<string, ManifestEntry>
  /** Options, config, templates and the list of content files, hashed: while it holds, an edit may be built alone (see `builder.ts`). */
  shape?: string
  /** The postmortems in archive order: source, slug, outside key (`site/outside.ts`), and 1 when slug deduplication renamed it. */
  archive?: ArchiveEntry[]
  /** Id of the related-incidents memo the pages were planned with. */
  relatedId?: string | null
}

/** One postmortem of the last build, as the build state lists them (see `BuildState.archive`). */
export type ArchiveEntry = [source: string, slug: string, outside: string, renamed: 0 | 1]

/**
 * One state file per output folder, so builds of the same content into two folders (tests, `--out`) do not evict
 * each other. JSON, not V8's format: a manifest of 20,000 paths is an object with 20,000 keys, which V8's
 * deserialiser rebuilt four times slower than JSON.parse (200 ms of a 3 s warm build).
 */
const statePath = (cacheDir: string, outDir: string): string => path.join(cacheDir, `state-${hashParts(outDir).slice(0, 12)}.json`)

/** Writes a file whole or not at all (temporary name, flushed, then rename), so a killed build never leaves a truncated cache file. */
export function writeWhole(file: string, data: Uint8Array | string): void {
  try {
    writeDurably(file, data)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    makeDir(path.dirname(file))
    writeDurably(file, data)
  }
}

/** Writes a cache file, or (a full disk, a read-only folder) removes the old one and warns: the cache is an optimisation, never a reason to fail. */
function writeOrForget(file: string, data: Uint8Array | string): void {
  try {
    writeWhole(file, data)
  } catch (error) {
    rmSync(file, { force: true })
    cacheWarning(`Cannot write ${file} (${(error as Error).message}); the next build starts without it`)
  }
}

/** Reads the last build's state, or `null` when there is none usable (other pipeline version, other output folder, unreadable). */
export function readBuildState(cacheDir: string, outDir: string): BuildState | null {
  try {
    const state = JSON.parse(readFileSync(statePath(cacheDir, outDir), 'utf8')) as BuildState
    return state.pipeline === PIPELINE_VERSION && state.outDir === outDir ? state : null
  } catch {
    return null
  }
}

/** Saves the build state atomically, or forgets it when it cannot (and drops the state file of Hindsight 0.1's V8 format beside it). */
export function writeBuildState(cacheDir: string, state: BuildState): void {
  const file = statePath(cacheDir, state.outDir)
  writeOrForget(file, JSON.stringify(state))
  rmSync(file.replace(/\.json$/, '.bin'), { force: true })
}

/** Reads a value kept in the cache folder under `name`, or null when absent, unreadable or written by another Hindsight. */
export function readCacheValue<T>(cacheDir: string, name: string): T | null {
  try {
    const stored = deserialize(readFileSync(path.join(cacheDir, `${name}.bin`))) as { version: string; value: T }
    return stored.version === codeVersionKey() ? stored.value : null
  } catch {
    return null
  }
}

/** Keeps a value in the cache folder under `name`, written whole or not at all. */
export function writeCacheValue(cacheDir: string, name: string, value: unknown): void {
  writeOrForget(path.join(cacheDir, `${name}.bin`), serialize({ version: codeVersionKey(), value }))
}

/** Warns that the cache could not be written or held damage, and what happens instead. */
export const cacheWarning = (message: string): void => void process.emitWarning(message, 'HindsightCacheWarning')
