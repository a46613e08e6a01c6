/**
 * Checksums that keep a damaged cache from being published: each entry part (head, line, whole) has a digest kept
 * in the index, checked whenever the part is read, and the index carries a digest of itself. Files are flushed to
 * the disk before the rename that publishes them, so a crash cannot leave a published file with unwritten blocks.
 */
import { hash } from 'node:crypto'
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { entryLengths, entryParts } from './entry.js'

/** Hex digits of one part's digest: 64 bits tell damage from intact bytes, which is all they are for. */
const PART_DIGITS = 16

/** One call, no `Hash` object: about a fifth less CPU for the three digests of each entry stored or body read. */
const digest = (bytes: Uint8Array): string => hash('sha1', bytes, 'hex').slice(0, PART_DIGITS)

/** The parts of an entry, as read separately. */
export type EntryPart = 'head' | 'line' | 'whole'
const ORDER: readonly EntryPart[] = ['head', 'line', 'whole']

/** Digests of an entry's head, line and whole document, joined, for the index. */
export function entrySums(entry: Uint8Array): string {
  const parts = entryParts(...entryLengths(entry))
  return digest(entry.subarray(...parts.head)) + digest(entry.subarray(...parts.line)) + digest(entry.subarray(parts.whole))
}

/** Whether `bytes`, read as `part` of an entry, are what was written (`sums` from `entrySums`). */
export function partIntact(bytes: Uint8Array, part: EntryPart, sums: string | undefined): boolean {
  if (typeof sums !== 'string' || sums.length !== PART_DIGITS * 3) return false
  const at = ORDER.indexOf(part) * PART_DIGITS
  return digest(bytes) === sums.slice(at, at + PART_DIGITS)
}

/** Whether a whole entry (header and all three parts) matches its sums: for copying entries between packs. */
export const entryIntact = (entry: Uint8Array, sums: string | undefined): boolean => entrySums(entry) === sums

/** The index bytes with a digest of them in front (20 bytes of SHA-1). */
export function sealIndex(payload: Uint8Array): Buffer {
  return Buffer.concat([hash('sha1', payload, 'buffer'), payload])
}

/** The index bytes inside a sealed index, or an Error when the digest does not match (damaged or truncated). */
export function openIndex(sealed: Uint8Array): Uint8Array {
  const payload = sealed.subarray(20)
  if (sealed.byteLength < 20 || !hash('sha1', payload, 'buffer').equals(sealed.subarray(0, 20))) throw new Error('cache index checksum mismatch')
  return payload
}

/** Forces a file's written bytes to the disk; on a file system that cannot (some network mounts), carries on. */
export function syncFd(fd: number): void {
  try {
    fsyncSync(fd)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'EINVAL' && code !== 'ENOTSUP') throw error
  }
}

/** What a cache file is written from: bytes, a text, or a text made in pieces as it is written (each call starts it again). */
export type FileData = Uint8Array | string | (() => Iterable<string>)

/** Writes a file whole or not at all: a temporary name, flushed to the disk, then renamed; the temporary file is removed on failure. */
export function writeDurably(file: string, data: FileData): void {
  const tmp = `${file}.tmp-${process.pid}`
  try {
    const fd = openSync(tmp, 'w')
    try {
      for (const piece of typeof data === 'function' ? data() : [data]) {
        const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece
        for (let at = 0; at < bytes.byteLength;) at += writeSync(fd, bytes, at, bytes.byteLength - at)
      }
      syncFd(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(tmp, file)
  } catch (error) {
    rmSync(tmp, { force: true })
    throw error
  }
}
