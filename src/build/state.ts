/**
 * The build state: what the next build needs to know about the last one (input stamps, reports, output manifest,
 * the archive as published), kept beside the document cache. The compact form it has on disk stays in this file.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { hashParts } from '../cache/hash.js'
import { writeOrForget } from '../cache/files.js'
import { BATCH, Batches, jsonPieces, StreamedList, StreamedText, type StoredValue } from './state-text.js'
import { PIPELINE_VERSION } from '../constants.js'
import { debug } from '../debug.js'
import type { FileReport } from './types.js'
import { PackedManifest } from './manifest.js'
import { appendJournal, applyJournal, applyManifestJournal, journalLine, journalPath, readJournal } from './state-journal.js'

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

/** Where a state stands on disk: the stored state's id, and the journal lines and bytes after it (`build/state-journal.ts`). */
export interface StoredMark {
  id: string
  lines: number
  bytes: number
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
  /** Set when this state is the one on disk (read, or just written): the next save may then append its changes. */
  stored?: StoredMark
}

/**
 * The state as stored: JSON, not V8's format (a manifest of 20,000 paths is an object with 20,000 keys, which V8's
 * deserialiser rebuilt four times slower than JSON.parse); the inputs as a flat array of their fields, one record
 * after another, not objects keyed by path: at 10,000 postmortems an object of 33,000 keys took 107 ms of CPU to parse
 * and decode and 72 to encode, the flat arrays 45 and 44. The manifest and the archive are one text each, their fields
 * joined by NUL (no path, slug or hash holds one), split only when a build needs them: a build with no change reads
 * neither, and at 100,000 postmortems they are most of the state (half a million output files).
 */
export interface StoredBuildState {
  pipeline: number
  /** The stored form's layout; another (an older Hindsight's) is not read. */
  layout: string
  outDir: string
  site: SiteIdentity | null
  buildKey: string
  optionsKey?: string
  startedAt: number
  searchKey: string | null
  /** Per input: source, hash, key, size, mtimeMs, ino. */
  inputs: Array<string | number>
  reports: FileReport[]
  /** Per output file: path, input hash, output hash, NUL-separated (layout `flat-1`: an array of them). */
  manifest: string | string[]
  shape?: string
  /** Per postmortem: source, slug, listing key, renamed (0 or 1), NUL-separated (layout `flat-1`: an array of them). */
  archive?: string | Array<string | number>
  relatedId?: string | null
  /** Names this stored state for the journal lines that follow it. */
  id?: string
}

/** Layout of the stored state (see `StoredBuildState`); `flat-1` (the manifest and archive as arrays) is still read. */
const LAYOUT = 'flat-2'
const LAYOUTS: ReadonlySet<string> = new Set([LAYOUT, 'flat-1'])

/** Separates the fields of the manifest's and the archive's texts. */
const FIELD = '\u0000'

/** A stored list of fields: the text of them joined by `FIELD`, or (`flat-1`) the array itself. */
const fieldsOf = (stored: string | ReadonlyArray<string | number>): ReadonlyArray<string | number> =>
  typeof stored === 'string' ? (stored === '' ? [] : stored.split(FIELD)) : stored

/** Defines `name` on `target` as worked out by `make` when first read (and as given when set): a build with no change never reads it. */
function lazy<T, K extends keyof T>(target: T, name: K, make: () => T[K]): void {
  let value: { v: T[K] } | null = null
  // Dropped once used, so the stored text it splits is let go.
  let maker: (() => T[K]) | null = make
  const set = (v: T[K]): void => {
    value = { v }
    maker = null
  }
  Object.defineProperty(target, name, {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!value) set(maker!())
      return value!.v
    },
    set,
  })
}

/** One state file per output folder, so builds of the same content into two folders (tests, `--out`) do not evict each other. */
const statePath = (cacheDir: string, outDir: string): string => path.join(cacheDir, `state-${hashParts(outDir).slice(0, 12)}.json`)

function decode(stored: StoredBuildState, file: string): BuildState {
  const inputs = new Map<string, InputStamp>()
  const f = stored.inputs
  for (let i = 0; i + 5 < f.length; i += 6) {
    inputs.set(f[i] as string, {
      hash: f[i + 1] as string,
      key: f[i + 2] as string,
      size: f[i + 3] as number,
      mtimeMs: f[i + 4] as number,
      ino: f[i + 5] as number,
    })
  }
  const state: BuildState = {
    pipeline: stored.pipeline,
    outDir: stored.outDir,
    site: stored.site,
    buildKey: stored.buildKey,
    optionsKey: stored.optionsKey,
    startedAt: stored.startedAt,
    searchKey: stored.searchKey,
    inputs,
    reports: stored.reports,
    manifest: new Map(),
    structureKey: stored.shape,
    archive: undefined,
    relatedId: stored.relatedId,
  }
  const journal = stored.id ? readJournal(file, stored.id) : { lines: [], bytes: 0 }
  applyJournal(state, journal.lines)
  if (stored.id) state.stored = { id: stored.id, lines: journal.lines.length, bytes: journal.bytes }
  // Only the two texts are kept for later, not the parsed state (its inputs' array is garbage once decoded).
  const storedManifest = stored.manifest
  lazy(state, 'manifest', () => {
    const manifest =
      typeof storedManifest === 'string'
        ? PackedManifest.fromText(storedManifest, FIELD)
        : PackedManifest.fromFields(fieldsOf(storedManifest) as readonly string[])
    applyManifestJournal(manifest, journal.lines)
    return manifest
  })
  const storedArchive = stored.archive
  if (storedArchive !== undefined) {
    lazy(state, 'archive', () => {
      const a = fieldsOf(storedArchive)
      const archive: ArchiveEntry[] = []
      for (let i = 0; i + 3 < a.length; i += 4)
        archive.push({ source: a[i] as string, slug: a[i + 1] as string, listingKey: a[i + 2] as string, renamed: String(a[i + 3]) === '1' })
      return archive
    })
  }
  return state
}

/** The stored form's fields in order (the text `JSON.stringify` gave of it before it was streamed), the long lists streamed. */
function encode(state: BuildState, id: string): Array<readonly [keyof StoredBuildState, StoredValue]> {
  const { inputs, manifest, archive } = state
  return [
    ['pipeline', state.pipeline],
    ['layout', LAYOUT],
    ['outDir', state.outDir],
    ['site', state.site],
    ['buildKey', state.buildKey],
    ['optionsKey', state.optionsKey],
    ['startedAt', state.startedAt],
    ['searchKey', state.searchKey],
    ['inputs', new StreamedList(flat(inputs, (out, source, s) => out.push(source, s.hash, s.key, s.size, s.mtimeMs, s.ino)))],
    ['reports', new StreamedList(state.reports)],
    [
      'manifest',
      new StreamedText(
        manifest instanceof PackedManifest ? new Batches(manifest.fields(BATCH)) : flat(manifest, (out, file, e) => out.push(file, e.inputHash, e.outputHash)),
        FIELD,
      ),
    ],
    ['shape', state.structureKey],
    [
      'archive',
      archive &&
        new StreamedText(
          flat(archive.entries(), (out, _, e) => out.push(e.source, e.slug, e.listingKey, e.renamed ? '1' : '0')),
          FIELD,
        ),
    ],
    ['relatedId', state.relatedId],
    ['id', id],
  ]
}

/**
 * The fields of each entry of a map, one after another (the stored form's flat arrays), made as they are written and
 * handed over a batch at a time: a generator's step a field cost more than escaping it.
 */
function flat<K, V, F>(entries: Iterable<[K, V]>, push: (out: F[], key: K, value: V) => void): Batches<F> {
  return new Batches(
    (function* () {
      let out: F[] = []
      for (const [key, value] of entries) {
        push(out, key, value)
        if (out.length < BATCH) continue
        yield out
        out = []
      }
      yield out
    })(),
  )
}

/** Reads the last build's state, or `null` when there is none usable (other pipeline version, other output folder, unreadable). */
export function readBuildState(cacheDir: string, outDir: string): BuildState | null {
  const file = statePath(cacheDir, outDir)
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredBuildState
    if (stored.pipeline === PIPELINE_VERSION && LAYOUTS.has(stored.layout) && stored.outDir === outDir) return decode(stored, file)
    debug('build state %s: written by another version or for another folder, not used', file)
  } catch (error) {
    debug('build state %s: not read (%s)', file, (error as Error).message)
  }
  return null
}

/**
 * Saves the build state: as a journal line of its changes when `previous` is the state on disk and the changes are
 * few (an edited-only build), else whole and atomically (or forgets it when it cannot, and drops the state file of
 * Hindsight 0.1's V8 format beside it). Returns where the saved state stands on disk, or null when it was not saved.
 */
export function writeBuildState(cacheDir: string, state: BuildState, previous?: BuildState | null): StoredMark | null {
  const file = statePath(cacheDir, state.outDir)
  const line = previous?.stored ? journalLine(state, previous) : null
  const appended = line && appendJournal(file, line, previous!.stored!)
  if (appended) return appended
  const id = randomBytes(8).toString('hex')
  // In pieces: at 100,000 postmortems the text is 88 MB, which as one string was the cold build's last peak.
  const written = writeOrForget(file, () => jsonPieces(encode(state, id)))
  rmSync(journalPath(file), { force: true })
  rmSync(file.replace(/\.json$/, '.bin'), { force: true })
  return written ? { id, lines: 0, bytes: 0 } : null
}
