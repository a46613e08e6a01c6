import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import path from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { PIPELINE_VERSION } from '../constants.js'
import type { LoadedDocument } from '../document.js'
import type { FileReport } from '../build.js'
import { isAlive } from '../site/write.js'
import { codeVersionKey, hashParts } from './hash.js'

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
  /** Wall-clock start of that build: inputs modified around it are re-read even when their stamp matches. */
  startedAt: number
  searchKey: string | null
  inputs: Record<string, InputStamp>
  reports: FileReport[]
  manifest: Record<string, ManifestEntry>
}

/** One state file per output folder, so builds of the same content into two folders (tests, `--out`) do not evict each other. */
const statePath = (cacheDir: string, outDir: string): string => path.join(cacheDir, `state-${hashParts(outDir).slice(0, 12)}.bin`)

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
/** Layout of the pack files; a cache written in another layout is ignored as if written by another Hindsight. */
const PACK_FORMAT = 'entries-v2'
const packVersion = (): string => `${codeVersionKey()}/${PACK_FORMAT}`

interface PackIndex {
  /** `codeVersionKey()` of the Hindsight that wrote the packs; any other version starts an empty cache (old packs are removed at flush). */
  version: string
  /** Pack id to the number of entries written into it. */
  packs: Record<string, number>
  /** Document key to the pack that holds it and the entry's byte range in that pack. */
  keys: Record<string, [pack: string, offset: number, length: number]>
}

/** Cached loaded documents by key, for one build: reads packs lazily, collects new entries, writes them as packs. */
export interface DocumentCache {
  get(key: string): LoadedDocument | null
  /** Adds an entry; given its V8 bytes (from a worker), they go into a pack file at once instead of at `flush`. */
  put(key: string, doc: LoadedDocument, bytes?: Uint8Array | null): void
  /** Writes new entries as packs; compacts into packs of `live` alone when dead entries dominate. */
  flush(live: Map<string, LoadedDocument>): void
}

/**
 * Opens the document cache in `cacheDir/documents`: packs of V8-serialised documents, each entry deserialised only
 * when asked for, plus an index of key to pack and byte range. One file per 500 documents instead of one per document
 * keeps a cold build of 10,000 files from paying 10,000 file creations. Entries are appended to the pack being
 * filled as they arrive (workers send documents already serialised), so a cold build writes its cache while it
 * normalizes instead of after, and never holds a pack's bytes whole.
 */
export function openDocumentCache(cacheDir: string): DocumentCache {
  const dir = path.join(cacheDir, 'documents')
  const indexFile = path.join(dir, 'index.bin')
  let index: PackIndex
  try {
    index = deserialize(readFileSync(indexFile)) as PackIndex
    if (index.version !== packVersion()) throw new Error('other Hindsight version')
  } catch {
    index = { version: packVersion(), packs: {}, keys: {} }
  }
  const opened = new Map<string, Buffer | null>()
  const pending = new Map<string, LoadedDocument>()
  const pack = (id: string): Buffer | null => {
    if (!opened.has(id)) {
      try {
        opened.set(id, readFileSync(path.join(dir, `${id}.pack`)))
      } catch {
        opened.set(id, null)
      }
    }
    return opened.get(id)!
  }
  /** The pack being filled: entries are appended as they come, and it is named by its keys once full. */
  let appended = 0
  let filling: { fd: number; tmp: string; offset: number; ranges: Array<[string, number, number]> } | null = null
  const seal = (): void => {
    if (!filling) return
    const { fd, tmp, ranges } = filling
    filling = null
    closeSync(fd)
    const id = hashParts(...ranges.map(([key]) => key).sort()).slice(0, 16)
    renameSync(tmp, path.join(dir, `${id}.pack`))
    index.packs[id] = ranges.length
    for (const [key, offset, length] of ranges) index.keys[key] = [id, offset, length]
  }
  const append = (key: string, bytes: Uint8Array): void => {
    if (!filling) {
      mkdirSync(dir, { recursive: true })
      const tmp = path.join(dir, `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.pack.tmp`)
      filling = { fd: openSync(tmp, 'w'), tmp, offset: 0, ranges: [] }
    }
    writeSync(filling.fd, bytes)
    appended++
    filling.ranges.push([key, filling.offset, bytes.byteLength])
    filling.offset += bytes.byteLength
    if (filling.ranges.length >= PACK_SIZE) seal()
  }
  /** An entry's stored bytes, when a sealed pack holds them (compaction copies those instead of serialising again). */
  const storedBytes = (key: string): Uint8Array | null => {
    const range = index.keys[key]
    const bytes = range ? pack(range[0]) : null
    return Array.isArray(range) && bytes && range[1] + range[2] <= bytes.byteLength ? bytes.subarray(range[1], range[1] + range[2]) : null
  }
  return {
    get(key) {
      const hit = pending.get(key)
      if (hit) return hit
      const bytes = storedBytes(key)
      try {
        return bytes ? (deserialize(bytes) as LoadedDocument) : null
      } catch {
        return null
      }
    },
    put(key, doc, bytes) {
      if (bytes) append(key, bytes)
      else pending.set(key, doc)
    },
    flush(live) {
      for (const [key, doc] of pending) append(key, serialize(doc))
      pending.clear()
      seal()
      const stored = Object.values(index.packs).reduce((a, b) => a + b, 0)
      const compact = stored > 2 * live.size + 64 || Object.keys(index.packs).length > 32 + live.size / PACK_SIZE
      if (compact) {
        const kept = new Map([...live].map(([key, doc]) => [key, storedBytes(key) ?? serialize(doc)]))
        index = { version: packVersion(), packs: {}, keys: {} }
        for (const [key, bytes] of kept) append(key, bytes)
        seal()
      } else if (appended === 0) return
      opened.clear()
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
    const state = deserialize(readFileSync(statePath(cacheDir, outDir))) as BuildState
    return state.pipeline === PIPELINE_VERSION && state.outDir === outDir ? state : null
  } catch {
    return null
  }
}

/** Saves the build state atomically. */
export function writeBuildState(cacheDir: string, state: BuildState): void {
  writeWhole(statePath(cacheDir, state.outDir), serialize(state))
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
