/**
 * The edited-only pass writes the JSON export from the last one with the edited lines replaced: the bytes must equal
 * a whole export's, wherever the replaced lines fall against the chunks it reads, and a file that is not the export
 * of the archive it expects must make the build plan again (a `MissingOutputError`), never be written half-spliced.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { splicedExport } from '../src/build/export-splice.js'
import { exportJson } from '../src/site/pages.js'
import { encoded } from '../src/site/produce.js'
import { MissingOutputError } from '../src/site/write.js'

const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-splice-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
/** The pieces' bytes, each copied as it comes: a byte piece is valid only until the next is asked for, as a writer takes them. */
function bytes(pieces: Iterable<string | Uint8Array>): Buffer {
  const copies: Buffer[] = []
  for (const p of pieces) copies.push(Buffer.from(typeof p === 'string' ? Buffer.from(p) : p))
  return Buffer.concat(copies)
}

/** The memory each byte piece is a view of, in order (a string piece is null). */
const buffersOf = (pieces: Iterable<string | Uint8Array>): Array<ArrayBufferLike | null> => [...pieces].map((p) => (typeof p === 'string' ? null : p.buffer))

/** Records of about `size` bytes each, with multi-byte text so chunk edges fall inside characters too. */
const records = (count: number, size: number, tag: string): string[] =>
  Array.from({ length: count }, (_, i) => JSON.stringify({ slug: `pm-${i}`, tag, text: `é—${i}`.repeat(Math.ceil(size / 6)) }))

function exportFile(lines: string[]): string {
  const file = path.join(dir, `export-${lines.length}-${Math.random().toString(36).slice(2)}.json`)
  writeFileSync(file, bytes(exportJson(lines, (l) => l)))
  return file
}

describe('splicedExport', () => {
  it.each([
    ['one small record', 1, 40, [0]],
    ['first, middle and last of many', 50, 100, [0, 25, 49]],
    ['neighbours', 20, 100, [3, 4, 5]],
    ['records larger than a chunk', 4, 1.5 * 2 ** 20, [1, 3]],
    ['records across chunk edges', 3000, 900, [0, 1164, 1165, 2331, 2999]],
  ])('equals a whole export with the lines replaced: %s', (_name, count, size, changed) => {
    const before = records(count, size, 'old')
    const after = before.map((line, i) => (changed.includes(i) ? records(count, size + (i % 3) * 7, 'new')[i]! : line))
    const replaced = new Map(changed.map((i) => [i, () => (i % 2 ? Buffer.from(after[i]!) : after[i]!)]))
    const spliced = bytes(splicedExport(exportFile(before), count, replaced))
    expect(spliced.equals(bytes(exportJson(after, (l) => l)))).toBe(true)
  })

  it('refuses a missing file, another count of records and a file that is not an export', () => {
    const lines = records(10, 50, 'old')
    const replaced = new Map([[2, () => lines[2]!]])
    const file = exportFile(lines)
    expect(() => bytes(splicedExport(path.join(dir, 'gone.json'), 10, replaced))).toThrow(MissingOutputError)
    expect(() => bytes(splicedExport(file, 11, replaced))).toThrow(MissingOutputError)
    expect(() => bytes(splicedExport(file, 9, replaced))).toThrow(MissingOutputError)
    const truncated = path.join(dir, 'truncated.json')
    writeFileSync(truncated, bytes(exportJson(lines, (l) => l)).subarray(0, -2))
    expect(() => bytes(splicedExport(truncated, 10, replaced))).toThrow(MissingOutputError)
    const other = path.join(dir, 'other.json')
    writeFileSync(other, `${lines.join('\n')}\n\n`)
    expect(() => bytes(splicedExport(other, 10, replaced))).toThrow(MissingOutputError)
  })

  it('reads every chunk of the last export into the same buffer (a megabyte of fresh memory a chunk cost the kernel more than the copy)', () => {
    const lines = records(3000, 900, 'old')
    const replaced = new Map([[1500, () => 'x']])
    const read = buffersOf(splicedExport(exportFile(lines), 3000, replaced)).filter((b) => b !== null)
    expect(read.length).toBeGreaterThan(3)
    expect(new Set(read).size).toBe(1)
  })
})

describe('encoded', () => {
  const text = (n: number, unit: string): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n)
  const pieces = (): Array<string | Uint8Array> => [
    '[\n',
    text(70_000, 'é—a'),
    Buffer.from(text(300_000, 'b')),
    text(10, '😀'),
    Buffer.from(text(700_000, 'c')),
    ',\n',
    text(150_000, 'd'),
    Buffer.from(text(2_500_000, 'e')),
    text(100_000, 'ß'),
    '\n]\n',
  ]

  it('gives the UTF-8 bytes of the pieces in order, in chunks of at most a megabyte besides large byte pieces passed on', () => {
    const expected = Buffer.concat(pieces().map((p) => (typeof p === 'string' ? Buffer.from(p) : p)))
    expect(bytes(encoded(pieces())).equals(expected)).toBe(true)
    const sizes = [...encoded(pieces())].map((c) => c.length)
    expect(sizes.filter((n) => n > 2 ** 20)).toEqual([2_500_000])
  })

  it('fills one reused buffer for the chunks it makes, passing large byte pieces on without a copy', () => {
    const given = pieces()
    const large = given.filter((p): p is Buffer => typeof p !== 'string' && p.length >= 2 ** 19)
    const made = buffersOf(encoded(given)).filter((b) => b !== null && !large.some((l) => l.buffer === b))
    expect(made.length).toBeGreaterThan(2)
    expect(new Set(made).size).toBe(1)
  })
})
