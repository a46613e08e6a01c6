/**
 * The JSON export of an edited-only build: the last build's `postmortems.json` read back a chunk at a time with the
 * edited postmortems' lines replaced, so a prose edit at 10,000 does not read 10,000 records' lines from the cache
 * again (about 1 s of CPU, half of such a build). Every chunk is read into the same buffer: a megabyte of fresh memory
 * a chunk (989 of them at 100,000 postmortems) cost the kernel about twice the CPU of the copy itself.
 */
import { closeSync, openSync, readSync } from 'node:fs'
import { MissingOutputError } from '../site/write.js'

/** Bytes read from the last export at a time: only one such chunk (and the pieces taken from it) is held. */
const CHUNK = 1 << 20
const NEWLINE = 0x0a

/**
 * The bytes of `file`, an export of `count` records (`[`, one record a line, each but the last followed by `,`,
 * then `]`, as `exportJson` writes it), with the record at each index of `replaced` given by its function. Throws a
 * `MissingOutputError` when the file is gone or is not an export of `count` records, so the build plans again in full.
 * A byte piece is a view of the one read buffer: valid until the next piece is asked for (writers write it before).
 */
export function* splicedExport(file: string, count: number, replaced: ReadonlyMap<number, () => string | Uint8Array>): Generator<string | Uint8Array> {
  // File lines: 0 is `[`, record i is line i + 1, line count + 1 is `]`; each ends with a newline.
  const lines = [...replaced.keys()].filter((i) => i >= 0 && i < count).sort((a, b) => a - b)
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch (cause) {
    throw new MissingOutputError(`${file} is missing`, { cause })
  }
  try {
    let line = 0
    let next = 0
    let skipping = false
    let head = ''
    let tail = ''
    const chunk = Buffer.allocUnsafe(CHUNK)
    for (;;) {
      const size = readSync(fd, chunk, 0, CHUNK, null)
      if (size === 0) break
      if (head.length < 2) head += chunk.toString('latin1', 0, Math.min(size, 2 - head.length))
      tail = (tail + chunk.toString('latin1', Math.max(0, size - 3), size)).slice(-3)
      let from = 0
      let at = 0
      while (at < size) {
        const newline = chunk.indexOf(NEWLINE, at)
        if (newline === -1 || newline >= size) break
        at = newline + 1
        line++
        if (skipping) {
          // The replaced record's old line ends here: its new line goes in its place.
          const index = lines[next++]!
          yield replaced.get(index)!()
          yield index === count - 1 ? '\n' : ',\n'
          skipping = false
          from = at
        }
        if (next < lines.length && lines[next]! + 1 === line) {
          if (at > from) yield chunk.subarray(from, at)
          skipping = true
          from = at
        }
      }
      if (!skipping && size > from) yield chunk.subarray(from, size)
    }
    if (line !== count + 2 || next !== lines.length || head !== '[\n' || tail !== '\n]\n') {
      throw new MissingOutputError(`${file} is not the export of ${count} postmortems the last build wrote`)
    }
  } finally {
    closeSync(fd)
  }
}
