import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import path from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { PIPELINE_VERSION } from '../constants.js'
import type { LoadedDocument } from '../document.js'
import type { FileReport } from '../build.js'
import { CacheError } from '../errors.js'
import { isAlive } from '../site/write.js'
import { codeVersionKey, hashParts } from './hash.js'
import { decodeEntry, encodeEntry, entryLengths, entryParts, lazyDocument } from './entry.js'

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

/** Writes a file whole or not at all (temporary name, then rename), so a killed build never leaves a truncated cache file. */
function writeWhole(file: string, data: Uint8Array | string): void {
  const tmp = `${file}.tmp-${process.pid}`
  try {
    writeFileSync(tmp, data)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(tmp, data)
  }
  renameSync(tmp, file)
}

/** Documents per pack file. */
const PACK_SIZE = 500
/** Whole documents lazy ones share (see `wholes`). */
const WHOLES_KEPT = 8
/** Layout of the pack files; a cache written in another layout is ignored as if written by another Hindsight. */
const PACK_FORMAT = 'entries-v6'
const packVersion = (): string => `${codeVersionKey()}/${PACK_FORMAT}`

/** Where an entry lies: its pack, its byte range there, and the lengths of its head and line (see `cache/entry.ts`). */
type Place = [pack: string, offset: number, length: number, head: number, line: number]

interface PackIndex {
  /** `codeVersionKey()` of the Hindsight that wrote the packs; any other version starts an empty cache (old packs are removed at flush). */
  version: string
  /** Pack id to the number of entries written into it. */
  packs: Record<string, number>
  /** Document key to where its entry lies. */
  keys: Record<string, Place>
}

/** An index of no entries, in this Hindsight's layout. */
const emptyIndex = (): PackIndex => ({ version: packVersion(), packs: {}, keys: {} })

/** Cached loaded documents by key, for one build: reads packs lazily, collects new entries, writes them as packs. */
export interface DocumentCache {
  /**
   * The document cached under `key`, or null. Unless `whole`, only its head is read: its bulky record fields and
   * HTML are read from the pack when first used (a warm build renders few pages, but plans all of them).
   */
  get(key: string, whole?: boolean): LoadedDocument | null
  /**
   * Adds an entry, at once, to the pack being filled: a document (encoded here), or an entry a worker encoded.
   * Returns the document to keep: the one given, or the entry's head alone unless `whole` (as `get`).
   */
  put(key: string, value: LoadedDocument | Uint8Array, whole?: boolean): LoadedDocument
  /** The record's compact JSON as stored in its entry (its line of `postmortems.json`), or null. */
  line(key: string): Uint8Array | null
  /** Seals the pack being filled and saves the index; compacts into packs of the `live` keys alone when dead entries dominate. */
  flush(live: ReadonlySet<string>): void
  /** Forgets every entry and removes the packs, for a cache found unreadable mid-build. */
  discard(): void
}

/**
 * Opens the document cache in `cacheDir/documents`: packs of entries (`cache/entry.ts`), each read by byte range
 * only when asked for, plus an index of key to pack and range. One file per 500 documents instead of one per
 * document keeps a cold build of 10,000 files from paying 10,000 file creations. Entries are appended to the pack
 * being filled as they arrive (workers send them encoded), so a cold build writes its cache while it normalizes
 * instead of after, and `postmortems.json` is copied from the entries' lines instead of serialised again.
 */
export function openDocumentCache(cacheDir: string): DocumentCache {
  const dir = path.join(cacheDir, 'documents')
  const indexFile = path.join(dir, 'index.bin')
  let index: PackIndex
  try {
    index = deserialize(readFileSync(indexFile)) as PackIndex
    if (index.version !== packVersion()) throw new Error('other Hindsight version')
  } catch {
    index = emptyIndex()
  }
  /** Open packs by id, the one being filled under its temporary name; closed at flush, which may remove packs. */
  const fds = new Map<string, number | null>()
  const fdOf = (id: string): number | null => {
    if (!fds.has(id)) {
      try {
        fds.set(id, openSync(path.join(dir, `${id}.pack`), 'r'))
      } catch {
        fds.set(id, null)
      }
    }
    return fds.get(id)!
  }
  /** Documents put since the last flush, as given (the builder may ask again for what it put). */
  const recent = new Map<string, LoadedDocument>()
  /**
   * The last whole documents read, which lazy documents consult instead of keeping what they read: a page renders
   * from one document and its few neighbours, so a cold build holds heads and a handful of bodies, not 10,000 bodies.
   */
  const wholes = new Map<string, LoadedDocument>()
  /** The pack being filled: entries are appended as they come, and it is named by its keys once full. */
  let appended = 0
  let filling: { id: string; fd: number; tmp: string; offset: number; places: Map<string, Place> } | null = null
  const placeOf = (key: string): Place | undefined => filling?.places.get(key) ?? index.keys[key]
  /** Bytes `from` to `to` (default: the end) of the entry at `place`. */
  const read = (place: Place | undefined, from: number, to?: number): Uint8Array | null => {
    const fd = place ? fdOf(place[0]) : null
    if (!place || fd === null) return null
    const length = (to ?? place[2]) - from
    const bytes = Buffer.allocUnsafe(length)
    return readSync(fd, bytes, 0, length, place[1] + from) === length ? bytes : null
  }
  const whole = (key: string): LoadedDocument | null => {
    const place = placeOf(key)
    const bytes = place ? read(place, entryParts(place[3], place[4]).whole) : null
    return bytes ? (deserialize(bytes) as LoadedDocument) : null
  }
  /** The rest of an entry whose head was read: it must be there, unless the cache folder changed under the build. */
  const rest = (key: string) => (): LoadedDocument => {
    let doc = wholes.get(key)
    if (doc) {
      wholes.delete(key)
      wholes.set(key, doc)
      return doc
    }
    try {
      doc = whole(key) ?? undefined
    } catch (error) {
      throw new CacheError(`Cannot read the cached document ${key}; delete ${cacheDir} and build again`, { cause: error })
    }
    if (!doc) throw new CacheError(`The cached document ${key} is gone from ${cacheDir}; build again`)
    wholes.set(key, doc)
    if (wholes.size > WHOLES_KEPT) wholes.delete(wholes.keys().next().value!)
    return doc
  }
  const seal = (): void => {
    if (!filling) return
    const { id: tmpId, fd, tmp, places } = filling
    filling = null
    closeSync(fd)
    fds.delete(tmpId)
    const id = hashParts(...[...places.keys()].sort()).slice(0, 16)
    renameSync(tmp, path.join(dir, `${id}.pack`))
    index.packs[id] = places.size
    for (const [key, place] of places) index.keys[key] = [id, place[1], place[2], place[3], place[4]]
  }
  const append = (key: string, bytes: Uint8Array): void => {
    if (!filling) {
      mkdirSync(dir, { recursive: true })
      const name = `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`
      const tmp = path.join(dir, `${name}.pack.tmp`)
      const fd = openSync(tmp, 'w+')
      filling = { id: `filling:${name}`, fd, tmp, offset: 0, places: new Map() }
      fds.set(filling.id, fd)
    }
    writeSync(filling.fd, bytes)
    appended++
    filling.places.set(key, [filling.id, filling.offset, bytes.byteLength, ...entryLengths(bytes)])
    filling.offset += bytes.byteLength
    if (filling.places.size >= PACK_SIZE) seal()
  }
  const closeAll = (): void => {
    for (const [id, fd] of fds) if (fd !== null && id !== filling?.id) closeSync(fd)
    fds.clear()
    if (filling) fds.set(filling.id, filling.fd)
  }
  return {
    get(key, wanted = false) {
      const hit = recent.get(key)
      if (hit) return hit
      try {
        if (wanted) return whole(key)
        const place = placeOf(key)
        const head = place ? read(place, ...entryParts(place[3], place[4]).head) : null
        return head ? lazyDocument(head, rest(key)) : null
      } catch {
        return null
      }
    },
    put(key, value, wanted = false) {
      if (!(value instanceof Uint8Array)) {
        append(key, encodeEntry(value))
        recent.set(key, value)
        return value
      }
      append(key, value)
      if (wanted) return decodeEntry(value)
      return lazyDocument(value.subarray(...entryParts(...entryLengths(value)).head), rest(key))
    },
    line(key) {
      const place = placeOf(key)
      return place && place[4] > 0 ? read(place, ...entryParts(place[3], place[4]).line) : null
    },
    discard() {
      recent.clear()
      wholes.clear()
      closeAll()
      if (filling) closeSync(filling.fd)
      fds.clear()
      filling = null
      appended = 0
      index = emptyIndex()
      rmSync(dir, { recursive: true, force: true })
    },
    flush(live) {
      recent.clear()
      seal()
      const stored = Object.values(index.packs).reduce((a, b) => a + b, 0)
      const compact = stored > 2 * live.size + 64 || Object.keys(index.packs).length > 32 + live.size / PACK_SIZE
      if (compact) {
        // Entry by entry from the old packs into new ones (removed below), never all of them in memory at once.
        const old = index.keys
        index = emptyIndex()
        for (const key of live) {
          const bytes = read(old[key], 0)
          if (bytes) append(key, bytes)
        }
        seal()
      } else if (appended === 0) return
      closeAll()
      appended = 0
      writeWhole(indexFile, serialize(index))
      for (const name of readdirSync(dir)) {
        if (name.endsWith('.pack') && !(name.slice(0, -5) in index.packs)) rmSync(path.join(dir, name), { force: true })
        else if (name.endsWith('.pack.tmp') && !isAlive(Number(name.split('-')[0]))) rmSync(path.join(dir, name), { force: true })
      }
    },
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

/** Saves the build state atomically (and drops the state file of Hindsight 0.1's V8 format beside it). */
export function writeBuildState(cacheDir: string, state: BuildState): void {
  const file = statePath(cacheDir, state.outDir)
  writeWhole(file, JSON.stringify(state))
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
  writeWhole(path.join(cacheDir, `${name}.bin`), serialize({ version: codeVersionKey(), value }))
}
