/**
 * The part of CBOR (RFC 8949) Pagefind's metadata file uses: unsigned integers, text strings and definite-length
 * arrays, decoded and encoded in the shortest form, so the file can be read and written back with its pages renamed.
 */
import { OutputError } from '../errors.js'

/** A CBOR value of that subset. */
export type CborValue = number | string | CborValue[]

/** Items a decoded file may hold: a bound on the work one file can cause (100,000 pages take about 400,000). */
const MAX_ITEMS = 50_000_000

const unreadable = (why: string): OutputError => new OutputError(`Cannot read the search index's metadata: ${why}`)

/** Decodes one CBOR value of the subset that fills `bytes` exactly. */
export function decodeCbor(bytes: Uint8Array): CborValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const text = new TextDecoder('utf-8', { fatal: true })
  let at = 0
  let items = 0
  const head = (): { major: number; length: number } => {
    if (at >= bytes.length) throw unreadable('it ends early')
    const first = bytes[at++]!
    const major = first >> 5
    const info = first & 31
    if (info < 24) return { major, length: info }
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : 0
    if (size === 0 || at + size > bytes.length) throw unreadable(`an item of a kind it does not expect (${first})`)
    const length = size === 1 ? view.getUint8(at) : size === 2 ? view.getUint16(at) : view.getUint32(at)
    at += size
    return { major, length }
  }
  // An explicit stack instead of recursion: the file's nesting is shallow, but its input is not ours.
  const root: CborValue[] = []
  const stack: Array<{ into: CborValue[]; left: number }> = [{ into: root, left: 1 }]
  while (stack.length) {
    const top = stack[stack.length - 1]!
    if (top.left === 0) {
      stack.pop()
      continue
    }
    top.left--
    if (++items > MAX_ITEMS) throw unreadable('too many items')
    const { major, length } = head()
    if (major === 0) top.into.push(length)
    else if (major === 3) {
      if (at + length > bytes.length) throw unreadable('a string runs past its end')
      top.into.push(text.decode(bytes.subarray(at, at + length)))
      at += length
    } else if (major === 4) {
      const list: CborValue[] = []
      top.into.push(list)
      stack.push({ into: list, left: length })
    } else throw unreadable(`an item of major type ${major}`)
  }
  if (at !== bytes.length) throw unreadable('bytes after its value')
  return root[0]!
}

/** Encodes a value of the subset, each head in its shortest form. */
export function encodeCbor(value: CborValue): Uint8Array {
  const parts: Uint8Array[] = []
  const utf8 = new TextEncoder()
  const head = (major: number, n: number): void => {
    const m = major << 5
    if (n < 24) parts.push(Uint8Array.of(m | n))
    else if (n < 0x100) parts.push(Uint8Array.of(m | 24, n))
    else if (n < 0x10000) parts.push(Uint8Array.of(m | 25, n >> 8, n & 0xff))
    else parts.push(Uint8Array.of(m | 26, n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff))
  }
  const stack: CborValue[] = [value]
  while (stack.length) {
    const item = stack.pop()!
    if (typeof item === 'number') {
      if (!Number.isInteger(item) || item < 0 || item > 0xffffffff)
        throw new OutputError(`Cannot write the search index's metadata: ${item} is not a 32-bit count`)
      head(0, item)
    } else if (typeof item === 'string') {
      const bytes = utf8.encode(item)
      head(3, bytes.length)
      parts.push(bytes)
    } else {
      head(4, item.length)
      for (let i = item.length - 1; i >= 0; i--) stack.push(item[i]!)
    }
  }
  return Buffer.concat(parts)
}
