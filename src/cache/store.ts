import { closeSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs'
import path from 'node:path'
import { deserialize, serialize } from 'node:v8'
import type { LoadedDocument } from '../document.js'
import { CacheError } from '../errors.js'
import { isAlive } from '../alive.js'
import { hashParts } from './hash.js'
import { decodePlace, emptyIndex, encodePlace, packVersion, type PackIndex, type Place } from './pack-index.js'
import { decodeSummary, entryLengths, type DocumentSummary } from './entry.js'
import { entryIntact, entrySums, openIndex, sealIndex, syncFd, type EntryPart } from './integrity.js'
import { cacheWarning, writeWhole } from './files.js'
import { makeDir } from '../make-dir.js'
import type { BodyPlace } from './body-place.js'
import { readEntryPart } from './entry-part.js'

/** Bytes read from a pack that are not what was written there (a disk fault, a hand edit). */
class DamagedEntry extends Error {}

/** Documents per pack file. */
const PACK_SIZE = 500
/** Bodies remembered for the summaries' readers (see `recentBodies`). */
const BODIES_KEPT = 8
/** Cached loaded documents by key, for one build: reads packs lazily, collects new entries, writes them as packs. */
export interface DocumentCache {
  /** The document put under `key` as a document since the last flush, as given. */
  given(key: string): LoadedDocument | undefined
  /** The summary cached under `key` (its entry's first part alone), or null; a damaged one is a miss, said once. */
  summary(key: string): DocumentSummary | null
  /** The whole document cached under `key`, or null; a damaged one is a miss, said once. */
  document(key: string): LoadedDocument | null
  /**
   * The whole document of an entry whose summary was read, for a page that needs its body: it must be there, else a
   * `CacheError` (the cache folder changed under the build). The last few are remembered, not all.
   */
  body(key: string): LoadedDocument
  /**
   * Adds an entry (encoded, `cache/entry.ts`), at once, to the pack being filled; `document`, when given, is what
   * `given` returns until the next flush. False when the entry could not be stored (a full disk: no body to read back).
   */
  put(key: string, bytes: Uint8Array, document?: LoadedDocument): boolean
  /** Where the entry under `key` lies, for a reader on another thread (`body-place.ts`), or null when it is not stored. */
  bodyPlace(key: string): BodyPlace | null
  /** The record's compact JSON as stored in its entry (its line of `postmortems.json`), or null. */
  recordJson(key: string): Uint8Array | null
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
    index = deserialize(openIndex(readFileSync(indexFile))) as PackIndex
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
  const given = new Map<string, LoadedDocument>()
  /**
   * The last bodies read, which summaries' readers consult instead of keeping what they read: a page renders from one
   * document and its few neighbours, so a cold build holds summaries and a handful of bodies, not 10,000 bodies.
   */
  const recentBodies = new Map<string, LoadedDocument>()
  /** The pack being filled: entries are appended as they come, and it is named by its keys once full. */
  let appended = 0
  let filling: { id: string; fd: number; tmp: string; offset: number; places: Map<string, Place> } | null = null
  /** The file a pack id names: the pack being filled is still under its temporary name. */
  const packFile = (id: string): string => (filling?.id === id ? filling.tmp : path.join(dir, `${id}.pack`))
  const placeOf = (key: string): Place | undefined => {
    const filled = filling?.places.get(key)
    if (filled) return filled
    return Object.hasOwn(index.keys, key) ? decodePlace(index.keys[key]!) : undefined
  }
  /** Bytes `from` to `to` (default: the end) of the entry at `place`. */
  const read = (place: Place | undefined, from: number, to?: number): Uint8Array | null => {
    const fd = place ? fdOf(place.pack) : null
    if (!place || fd === null) return null
    const length = (to ?? place.length) - from
    const bytes = Buffer.allocUnsafe(length)
    return readSync(fd, bytes, 0, length, place.offset + from) === length ? bytes : null
  }
  /** One part of the entry at `place`, checked against its digest: damaged bytes are never returned, but a `DamagedEntry` thrown. */
  const readPart = (place: Place | undefined, part: EntryPart): Uint8Array | null => {
    const fd = place ? fdOf(place.pack) : null
    if (!place || fd === null) return null
    return readEntryPart(fd, place, part, () => new DamagedEntry(`the ${part} of an entry in pack ${place.pack} does not match its checksum`))
  }
  let warnedDamage = false
  /** A damaged entry read for planning is a miss (it is normalized again), said once per build. */
  const missed = (error: unknown): null => {
    if (error instanceof DamagedEntry && !warnedDamage) cacheWarning(`A cached document in ${cacheDir} is damaged (${error.message}); it is normalized again`)
    if (error instanceof DamagedEntry) warnedDamage = true
    return null
  }
  const readDocument = (key: string): LoadedDocument | null => {
    const bytes = readPart(placeOf(key), 'whole')
    return bytes ? (deserialize(bytes) as LoadedDocument) : null
  }
  /** The body of an entry whose summary was read: it must be there, unless the cache folder changed under the build. */
  const body = (key: string): LoadedDocument => {
    let doc = recentBodies.get(key)
    if (doc) {
      recentBodies.delete(key)
      recentBodies.set(key, doc)
      return doc
    }
    const place = placeOf(key)
    const file = place ? packFile(place.pack) : indexFile
    try {
      doc = readDocument(key) ?? undefined
    } catch (error) {
      throw new CacheError(`Cannot read the cached document ${key} from ${file} (${(error as Error).message}); delete ${cacheDir} and build again`, {
        cause: error,
      })
    }
    if (!doc) throw new CacheError(`The cached document ${key} is gone from ${file}; build again`)
    recentBodies.set(key, doc)
    if (recentBodies.size > BODIES_KEPT) recentBodies.delete(recentBodies.keys().next().value!)
    return doc
  }
  const seal = (): void => {
    if (!filling) return
    const { id: tmpId, fd, tmp, places } = filling
    // Flushed before it is published; until closed it stays the pack being filled, so a failure here leaves it to `dropFailed`.
    syncFd(fd)
    filling = null
    closeSync(fd)
    fds.delete(tmpId)
    const id = hashParts(...[...places.keys()].sort()).slice(0, 16)
    try {
      renameSync(tmp, path.join(dir, `${id}.pack`))
    } catch (error) {
      rmSync(tmp, { force: true })
      throw error
    }
    index.packs[id] = places.size
    for (const [key, place] of places) index.keys[key] = encodePlace({ ...place, pack: id })
  }
  /**
   * Set when writing the cache failed (a full disk, a read-only folder): from then on this build keeps documents in
   * memory, publishes no pack and no index, and the half-written pack is removed; the last good cache stays as it was.
   */
  let failed: { pack: string | null } | null = null
  const fail = (error: unknown): void => {
    if (failed) return
    const pack = filling?.tmp ?? null
    failed = { pack }
    cacheWarning(`Cannot write the cache in ${cacheDir} (${(error as Error).message}); this build goes on without it`)
  }
  const append = (key: string, bytes: Uint8Array): boolean => {
    if (failed) return false
    try {
      if (!filling) {
        makeDir(dir)
        const name = `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`
        const tmp = path.join(dir, `${name}.pack.tmp`)
        const fd = openSync(tmp, 'w+')
        filling = { id: `filling:${name}`, fd, tmp, offset: 0, places: new Map() }
        fds.set(filling.id, fd)
      }
      for (let at = 0; at < bytes.byteLength;) at += writeSync(filling.fd, bytes, at, bytes.byteLength - at, filling.offset + at)
      appended++
      const [summaryLength, jsonLength] = entryLengths(bytes)
      filling.places.set(key, { pack: filling.id, offset: filling.offset, length: bytes.byteLength, summaryLength, jsonLength, sums: entrySums(bytes) })
      filling.offset += bytes.byteLength
      if (filling.places.size >= PACK_SIZE) seal()
      return true
    } catch (error) {
      fail(error)
      return false
    }
  }
  /** After a failed write: closes the pack being filled and removes it, once nothing will read it any more (flush, discard). */
  const dropFailed = (): void => {
    if (!failed) return
    if (filling) {
      closeSync(filling.fd)
      fds.delete(filling.id)
      filling = null
    }
    if (failed.pack) rmSync(failed.pack, { force: true })
    failed.pack = null
  }
  const closeAll = (): void => {
    for (const [id, fd] of fds) if (fd !== null && id !== filling?.id) closeSync(fd)
    fds.clear()
    if (filling) fds.set(filling.id, filling.fd)
  }
  /** Seals the pack being filled, compacts when dead entries dominate, and publishes the index (see `flush`). */
  const flushPacks = (live: ReadonlySet<string>): void => {
    seal()
    const stored = Object.values(index.packs).reduce((a, b) => a + b, 0)
    const compact = stored > 2 * live.size + 64 || Object.keys(index.packs).length > 32 + live.size / PACK_SIZE
    if (compact) {
      // Entry by entry from the old packs into new ones (removed below), never all of them in memory at once.
      const old = index.keys
      index = emptyIndex()
      for (const key of live) {
        const place = Object.hasOwn(old, key) ? decodePlace(old[key]!) : undefined
        const bytes = read(place, 0)
        if (bytes && entryIntact(bytes, place?.sums) && !append(key, bytes)) throw new Error('cache write failed')
      }
      if (failed) throw new Error('cache write failed')
      seal()
    } else if (appended === 0) return
    closeAll()
    appended = 0
    writeWhole(indexFile, sealIndex(serialize(index)))
    for (const name of readdirSync(dir)) {
      if (name.endsWith('.pack') && !Object.hasOwn(index.packs, name.slice(0, -5))) rmSync(path.join(dir, name), { force: true })
      else if (name.endsWith('.pack.tmp') && !isAlive(Number(name.split('-')[0]))) rmSync(path.join(dir, name), { force: true })
    }
  }
  return {
    given: (key) => given.get(key),
    summary(key) {
      try {
        const bytes = readPart(placeOf(key), 'head')
        return bytes ? decodeSummary(bytes) : null
      } catch (error) {
        return missed(error)
      }
    },
    document(key) {
      try {
        return readDocument(key)
      } catch (error) {
        return missed(error)
      }
    },
    body,
    bodyPlace: (key) => {
      const place = placeOf(key)
      return place ? { file: packFile(place.pack), place } : null
    },
    put(key, bytes, document) {
      if (document) given.set(key, document)
      return append(key, bytes)
    },
    recordJson(key) {
      const place = placeOf(key)
      try {
        return place && place.jsonLength > 0 ? readPart(place, 'line') : null
      } catch (error) {
        return missed(error)
      }
    },
    discard() {
      given.clear()
      recentBodies.clear()
      closeAll()
      if (filling) closeSync(filling.fd)
      fds.clear()
      filling = null
      appended = 0
      failed = null
      index = emptyIndex()
      rmSync(dir, { recursive: true, force: true })
    },
    flush(live) {
      given.clear()
      if (failed) {
        dropFailed()
        closeAll()
        return
      }
      try {
        flushPacks(live)
      } catch (error) {
        fail(error)
        dropFailed()
        closeAll()
      }
    },
  }
}
