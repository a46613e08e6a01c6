/** One part of a pack entry read from an open pack and checked against its digest: the cache and the render threads both read bodies so. */
import { readSync } from 'node:fs'
import { entryParts } from './entry.js'
import { partIntact, type EntryPart } from './integrity.js'
import type { Place } from './pack-index.js'

/** The `part` of the entry at `place` in the open pack `fd`: null when the pack ends first; `damaged()` is thrown when the bytes do not match the part's digest. */
export function readEntryPart(fd: number, place: Place, part: EntryPart, damaged: () => Error): Uint8Array | null {
  const parts = entryParts(place.summaryLength, place.jsonLength)
  const [from, to] = part === 'whole' ? [parts.whole, place.length] : parts[part]
  const bytes = Buffer.allocUnsafe(to - from)
  if (readSync(fd, bytes, 0, bytes.byteLength, place.offset + from) !== bytes.byteLength) return null
  if (!partIntact(bytes, part, place.sums)) throw damaged()
  return bytes
}
