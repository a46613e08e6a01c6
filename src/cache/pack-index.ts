/** The index of the document cache's packs, and the compact form of an entry's place in it. */
import { codeVersionKey } from './hash.js'

/** Layout of the pack files; a cache written in another layout is ignored as if written by another Hindsight. */
const PACK_FORMAT = 'entries-v9'
export const packVersion = (): string => `${codeVersionKey()}/${PACK_FORMAT}`

/** Where an entry lies: its pack, its byte range there, the lengths of its summary and record JSON (see `cache/entry.ts`), and its parts' digests (`cache/integrity.ts`). */
export interface Place {
  pack: string
  offset: number
  length: number
  summaryLength: number
  jsonLength: number
  sums: string
}

/** A place as the index stores it: a short array (10,000 of them are read back at every build). */
export type StoredPlace = [pack: string, offset: number, length: number, summaryLength: number, jsonLength: number, sums: string]

export const decodePlace = ([pack, offset, length, summaryLength, jsonLength, sums]: StoredPlace): Place => ({
  pack,
  offset,
  length,
  summaryLength,
  jsonLength,
  sums,
})
export const encodePlace = (p: Place): StoredPlace => [p.pack, p.offset, p.length, p.summaryLength, p.jsonLength, p.sums]

/** The index of the packs: which pack and byte range holds each document key. */
export interface PackIndex {
  /** `codeVersionKey()` of the Hindsight that wrote the packs; any other version starts an empty cache (old packs are removed at flush). */
  version: string
  /** Pack id to the number of entries written into it. */
  packs: Record<string, number>
  /** Document key to where its entry lies. */
  keys: Record<string, StoredPlace>
}

/** An index of no entries, in this Hindsight's layout. */
export const emptyIndex = (): PackIndex => ({ version: packVersion(), packs: {}, keys: {} })
