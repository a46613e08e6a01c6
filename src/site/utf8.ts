/**
 * UTF-8 bytes of rendered text through one reused buffer. Pages are two-byte strings (the templates hold `–`, `—`, `…`),
 * and `Buffer.from` of such a string walks it twice, once to measure its UTF-8 length and once to encode it; writing
 * into a buffer large enough for any encoding walks it once, and copying the used bytes out is a plain copy: about half
 * the CPU of a 27,000-character page (26 against 54 µs here). The bytes are the same, lone surrogates included (U+FFFD).
 */

/** Below this many UTF-16 units, `Buffer.from` is as fast (one-byte text has its own fast path) and nothing is copied. */
const SHORT = 1024
/** Largest scratch buffer kept (bytes): longer texts are encoded by `Buffer.from`, so no large buffer lives on. */
const SCRATCH_MAX = 4 * 2 ** 20
/** A UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair, two units, is 4). */
const MOST_PER_UNIT = 3

let scratch: Buffer | null = null

/** The scratch buffer holding at least `bytes`, or null when that is more than `SCRATCH_MAX`. */
function scratchFor(bytes: number): Buffer | null {
  if (bytes > SCRATCH_MAX) return null
  if (!scratch || scratch.byteLength < bytes) scratch = Buffer.allocUnsafeSlow(Math.min(SCRATCH_MAX, Math.max(bytes, 64 * 1024)))
  return scratch
}

/** The UTF-8 bytes of `text` as a view that stays valid only until the next call here (write or hash it first). */
export function utf8View(text: string): Uint8Array {
  const out = text.length < SHORT ? null : scratchFor(text.length * MOST_PER_UNIT)
  if (!out) return Buffer.from(text)
  return out.subarray(0, out.write(text, 0, 'utf8'))
}

/** The UTF-8 bytes of `text` in a buffer of their own (its `ArrayBuffer` is theirs alone, so it can be transferred). */
export function utf8Bytes(text: string): Uint8Array<ArrayBuffer> {
  const view = utf8View(text)
  const bytes = Buffer.allocUnsafeSlow(view.byteLength)
  bytes.set(view)
  return new Uint8Array(bytes.buffer as ArrayBuffer, 0, bytes.byteLength)
}
