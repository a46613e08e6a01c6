/**
 * The build state: what the next build needs to know about the last one (input stamps, reports, output manifest,
 * the archive as published), kept beside the document cache. The compact form it has on disk stays in this file.
 */
import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { hashParts } from '../cache/hash.js'
import { writeOrForget } from '../cache/files.js'
import { PIPELINE_VERSION } from '../constants.js'
import type { FileReport } from './types.js'

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
export interface ManifestEntry {
  inputHash: string
  outputHash: string
}

/** One postmortem of the last build, in archive order (see `BuildState.archive`). */
export interface ArchiveEntry {
  source: string
  slug: string
  /** What the rest of the archive shows of it (`site/listing-key.ts`). */
  listingKey: string
  /** Whether slug deduplication renamed it (then the cache does not hold it as published). */
  renamed: boolean
}

/** Identity of an output folder (inode and mtime), to tell whether it is still the one a manifest describes. */
export interface SiteIdentity {
  ino: number
  mtimeMs: number
}

/** Everything the next build needs to know about the last one. */
export interface BuildState {
  pipeline: number
  outDir: string
  /** Identity of the `site/` folder the manifest describes; a different one means the manifest cannot be trusted. */
  site: SiteIdentity | null
  /** Hash of `structureKey` and every input's document key: equal keys mean nothing changed at all. */
  buildKey: string
  /** `documentOptionsKey` of that build: while it holds, each input's document key is taken from its stamp. */
  optionsKey?: string
  /** Wall-clock start of that build: inputs modified around it are re-read even when their stamp matches. */
  startedAt: number
  searchKey: string | null
  inputs: Map<string, InputStamp>
  reports: FileReport[]
  manifest: Map<string, ManifestEntry>
  /** Options, config, templates and the list of content files, hashed: while it holds, an edit may be built alone (`build/edited.ts`). */
  structureKey?: string
  /** The postmortems in archive order as that build published them. */
  archive?: ArchiveEntry[]
  /** Id of the related-incidents snapshot the pages were planned with (`site/related.ts`). */
  relatedId?: string | null
}

/**
 * The state as stored: JSON, not V8's format (a manifest of 20,000 paths is an object with 20,000 keys, which V8's
 * deserialiser rebuilt four times slower than JSON.parse), manifest entries and archive entries as short arrays.
 */
export interface StoredBuildState {
  pipeline: number
  outDir: string
  site: SiteIdentity | null
  buildKey: string
  optionsKey?: string
  startedAt: number
  searchKey: string | null
  inputs: Record<string, InputStamp>
  reports: FileReport[]
  manifest: Record<string, [input: string, output: string]>
  shape?: string
  archive?: Array<[source: string, slug: string, listingKey: string, renamed: 0 | 1]>
  relatedId?: string | null
}

/** One state file per output folder, so builds of the same content into two folders (tests, `--out`) do not evict each other. */
const statePath = (cacheDir: string, outDir: string): string => path.join(cacheDir, `state-${hashParts(outDir).slice(0, 12)}.json`)

function decode(stored: StoredBuildState): BuildState {
  const manifest = new Map<string, ManifestEntry>()
  for (const file of Object.keys(stored.manifest)) {
    const [inputHash, outputHash] = stored.manifest[file]!
    manifest.set(file, { inputHash, outputHash })
  }
  return {
    pipeline: stored.pipeline,
    outDir: stored.outDir,
    site: stored.site,
    buildKey: stored.buildKey,
    optionsKey: stored.optionsKey,
    startedAt: stored.startedAt,
    searchKey: stored.searchKey,
    inputs: new Map(Object.entries(stored.inputs)),
    reports: stored.reports,
    manifest,
    structureKey: stored.shape,
    archive: stored.archive?.map(([source, slug, listingKey, renamed]) => ({ source, slug, listingKey, renamed: renamed === 1 })),
    relatedId: stored.relatedId,
  }
}

function encode(state: BuildState): StoredBuildState {
  const manifest: StoredBuildState['manifest'] = {}
  for (const [file, entry] of state.manifest) manifest[file] = [entry.inputHash, entry.outputHash]
  return {
    pipeline: state.pipeline,
    outDir: state.outDir,
    site: state.site,
    buildKey: state.buildKey,
    optionsKey: state.optionsKey,
    startedAt: state.startedAt,
    searchKey: state.searchKey,
    inputs: Object.fromEntries(state.inputs),
    reports: state.reports,
    manifest,
    shape: state.structureKey,
    archive: state.archive?.map((e) => [e.source, e.slug, e.listingKey, e.renamed ? 1 : 0]),
    relatedId: state.relatedId,
  }
}

/** Reads the last build's state, or `null` when there is none usable (other pipeline version, other output folder, unreadable). */
export function readBuildState(cacheDir: string, outDir: string): BuildState | null {
  try {
    const stored = JSON.parse(readFileSync(statePath(cacheDir, outDir), 'utf8')) as StoredBuildState
    return stored.pipeline === PIPELINE_VERSION && stored.outDir === outDir ? decode(stored) : null
  } catch {
    return null
  }
}

/** Saves the build state atomically, or forgets it when it cannot (and drops the state file of Hindsight 0.1's V8 format beside it). */
export function writeBuildState(cacheDir: string, state: BuildState): void {
  const file = statePath(cacheDir, state.outDir)
  writeOrForget(file, JSON.stringify(encode(state)))
  rmSync(file.replace(/\.json$/, '.bin'), { force: true })
}
