/**
 * Pagefind's metadata file is CBOR (RFC 8949), read and written with cbor2. A file that would not be written back byte
 * for byte is refused, so a change in Pagefind's format fails the build with an `OutputError` instead of corrupting
 * the index.
 */
import { decode, encode } from 'cbor2'
import { OutputError } from '../errors.js'

const unreadable = (why: string, cause?: unknown): OutputError => new OutputError(`Cannot read the search index's metadata: ${why}`, { cause })

/** Decodes the one CBOR value that fills `bytes`, when encoding it again gives the same bytes. */
export function decodeCbor(bytes: Uint8Array): unknown {
  let value: unknown
  try {
    value = decode(bytes)
  } catch (cause) {
    throw unreadable(cause instanceof Error ? cause.message : 'it is not CBOR', cause)
  }
  if (!Buffer.from(encodeCbor(value)).equals(bytes)) throw unreadable('it would not be written back unchanged')
  return value
}

/** Encodes a value in CBOR's preferred (shortest) form, as Pagefind writes it. */
export const encodeCbor = (value: unknown): Uint8Array => encode(value)
