import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import path from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { PIPELINE_VERSION } from '../constants.js'
import type { LoadedDocument } from '../document.js'
import type { FileReport } from '../build.js'
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
  put(key: string, doc: LoadedDocument): void
  /** Writes new entries as packs; compacts into packs of `live` alone when dead entries dominate. */
  flush(live: Map<string, LoadedDocument>): void
}

/** Writes a file whole or not at all, from pieces written one after another (the caller may drop each after). */
function writePieces(file: string, pieces: Iterable<Uint8Array>): void {
  const tmp = `${file}.tmp-${process.pid}`
  mkdirSync(path.dirname(file), { recursive: true })
  const fd = openSync(tmp, 'w')
  try {
    for (const piece of pieces) writeSync(fd, piece)
  } finally {
    closeSync(fd)
  }
  renameSync(tmp, file)
}

/**
 * Opens the document cache in `cacheDir/documents`: packs of V8-serialised documents, each entry deserialised only
 * when asked for, plus an index of key to pack and byte range. One file per 500 documents instead of one per document
 * keeps a cold build of 10,000 files from paying 10,000 file creations; serialising entry by entry keeps a pack's
 * bytes from being held whole (at 10,000 documents, whole packs were the build's peak memory).
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
  /** Writes entries as packs of PACK_SIZE, serialising one entry at a time. */
  const writePacks = (entries: Map<string, LoadedDocument>): void => {
    const all = [...entries]
    for (let at = 0; at < all.length; at += PACK_SIZE) {
      const chunk = all.slice(at, at + PACK_SIZE)
      const id = hashParts(...chunk.map(([key]) => key).sort()).slice(0, 16)
      let offset = 0
      const ranges: Array<[string, [string, number, number]]> = []
      writePieces(path.join(dir, `${id}.pack`), (function* () {
        for (const [key, doc] of chunk) {
          const bytes = serialize(doc)
          ranges.push([key, [id, offset, bytes.byteLength]])
          offset += bytes.byteLength
          yield bytes
        }
      })())
      index.packs[id] = chunk.length
      for (const [key, range] of ranges) index.keys[key] = range
    }
  }
  return {
    get(key) {
      const hit = pending.get(key)
      if (hit) return hit
      const range = index.keys[key]
      const bytes = range ? pack(range[0]) : null
      if (!Array.isArray(range) || !bytes || range[1] + range[2] > bytes.byteLength) return null
      try {
        return deserialize(bytes.subarray(range[1], range[1] + range[2])) as LoadedDocument
      } catch {
        return null
      }
    },
    put(key, doc) {
      pending.set(key, doc)
    },
    flush(live) {
      const stored = Object.values(index.packs).reduce((a, b) => a + b, 0) + pending.size
      const compact = stored > 2 * live.size + 64 || Object.keys(index.packs).length > 32 + live.size / PACK_SIZE
      if (!compact && pending.size === 0) return
      if (compact) {
        index = { version: packVersion(), packs: {}, keys: {} }
        writePacks(live)
      } else {
        writePacks(pending)
      }
      pending.clear()
      opened.clear()
      writeWhole(indexFile, serialize(index))
      for (const name of readdirSync(dir)) {
        if (name.endsWith('.pack') && !(name.slice(0, -5) in index.packs)) rmSync(path.join(dir, name), { force: true })
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
