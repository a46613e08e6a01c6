/**
 * The output manifest packed: each file's two hashes as 32 bytes in one growing byte array, found by its path, instead
 * of an object and two strings a file (about 170 bytes, at 4.5 files a postmortem 75 MB at 100,000). It is a
 * `Map<string, ManifestEntry>` to its users: `get` makes the entry it returns, and iteration keeps the order of a Map.
 */
import type { ManifestEntry } from './state.js'

/** Bytes of one hash as stored: 32 hex digits. */
const HASH_BYTES = 16
const SLOT_BYTES = 2 * HASH_BYTES
const HEX = /^[0-9a-f]{32}$/
/** The hex of an unused slot's bytes. */
const ZEROS = '0'.repeat(2 * HASH_BYTES)

/** Whether a stored hash is 32 lowercase hex digits (as `HEX` says), by its character codes rather than a regex a field. */
function isHash(text: string): boolean {
  if (text.length !== 2 * HASH_BYTES) return false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false
  }
  return true
}

/** A lowercase hex digit's value, or -1. */
function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48
  return c >= 97 && c <= 102 ? c - 87 : -1
}

/** Writes the hash of 32 lowercase hex digits at `from` in `text` as 16 bytes at `at`; false (bytes partly written) when it is not one. */
function hexInto(bytes: Uint8Array, at: number, text: string, from: number): boolean {
  for (let i = 0; i < HASH_BYTES; i++) {
    const high = hexDigit(text.charCodeAt(from + 2 * i))
    const low = hexDigit(text.charCodeAt(from + 2 * i + 1))
    if (high < 0 || low < 0) return false
    bytes[at + i] = (high << 4) | low
  }
  return true
}

/** The stored fields as entries, for the slow path. */
function* entriesOf(fields: readonly string[]): Generator<[string, ManifestEntry]> {
  for (let i = 0; i + 2 < fields.length; i += 3) yield [fields[i]!, { inputHash: fields[i + 1]!, outputHash: fields[i + 2]! }]
}

/** A manifest whose entries of two 32-digit lowercase hashes take 32 bytes each; other entries (`''`, `stream:...`) are kept as they are. */
export class PackedManifest implements Map<string, ManifestEntry> {
  #slots = new Map<string, number>()
  #bytes = new Uint8Array(1024 * SLOT_BYTES)
  #view = Buffer.from(this.#bytes.buffer)
  #odd = new Map<number, ManifestEntry>()
  #next = 0
  /** The manifest this one was copied from (weakly: `dev` copies one from the last, build after build), and the paths set or deleted since. */
  #origin: WeakRef<PackedManifest> | null = null
  #touched: Set<string> | null = null

  /** A manifest holding `entries` (another manifest's, packed or not) in their order. */
  constructor(entries?: Iterable<readonly [string, ManifestEntry]> | null) {
    if (entries instanceof PackedManifest) {
      this.#slots = new Map(entries.#slots)
      this.#bytes = entries.#bytes.slice()
      this.#view = Buffer.from(this.#bytes.buffer)
      this.#odd = new Map(entries.#odd)
      this.#next = entries.#next
      this.#origin = new WeakRef(entries)
      this.#touched = new Set()
    } else if (entries) for (const [path, entry] of entries) this.set(path, entry)
  }

  get size(): number {
    return this.#slots.size
  }

  get [Symbol.toStringTag](): string {
    return 'PackedManifest'
  }

  has(path: string): boolean {
    return this.#slots.has(path)
  }

  get(path: string): ManifestEntry | undefined {
    const slot = this.#slots.get(path)
    return slot === undefined ? undefined : this.#entry(slot)
  }

  set(path: string, entry: ManifestEntry): this {
    this.#touched?.add(path)
    let slot = this.#slots.get(path)
    if (slot === undefined) this.#slots.set(path, (slot = this.#slot()))
    if (HEX.test(entry.inputHash) && HEX.test(entry.outputHash)) {
      this.#odd.delete(slot)
      this.#view.write(entry.inputHash, slot * SLOT_BYTES, HASH_BYTES, 'hex')
      this.#view.write(entry.outputHash, slot * SLOT_BYTES + HASH_BYTES, HASH_BYTES, 'hex')
    } else this.#odd.set(slot, { inputHash: entry.inputHash, outputHash: entry.outputHash })
    return this
  }

  delete(path: string): boolean {
    const slot = this.#slots.get(path)
    if (slot === undefined) return false
    this.#touched?.add(path)
    // The slot's bytes stay unused: a pass deletes only the few files it removes.
    this.#odd.delete(slot)
    return this.#slots.delete(path)
  }

  clear(): void {
    this.#origin = null
    this.#touched = null
    this.#slots.clear()
    this.#odd.clear()
    this.#next = 0
  }

  forEach(callback: (entry: ManifestEntry, path: string, map: Map<string, ManifestEntry>) => void, thisArg?: unknown): void {
    for (const [path, entry] of this) callback.call(thisArg, entry, path, this)
  }

  keys(): MapIterator<string> {
    return this.#slots.keys()
  }

  *values(): MapIterator<ManifestEntry> {
    for (const slot of this.#slots.values()) yield this.#entry(slot)
  }

  *entries(): MapIterator<[string, ManifestEntry]> {
    for (const [path, slot] of this.#slots) yield [path, this.#entry(slot)]
  }

  [Symbol.iterator](): MapIterator<[string, ManifestEntry]> {
    return this.entries()
  }

  /** Whether this manifest is a copy of another changed in place (a partial pass's), not one made anew (a full pass's). */
  get copied(): boolean {
    return this.#origin !== null
  }

  /** The paths set or deleted since this manifest was copied from `origin`, or null when it was not (or was cleared since). */
  changesFrom(origin: ReadonlyMap<string, ManifestEntry>): ReadonlySet<string> | null {
    return this.#origin !== null && this.#origin.deref() === origin ? this.#touched : null
  }

  /**
   * The entries as the stored state lists them (path, input hash, output hash, one after another), about `batch`
   * fields an array: a run of slots turned to hex at once, not an object and two strings an entry (the state's writer).
   */
  *fields(batch: number): Generator<string[]> {
    const paths = [...this.#slots.keys()]
    for (let from = 0; from < paths.length;) {
      const to = Math.min(paths.length, from + Math.max(1, Math.floor(batch / 3)))
      // Slots grow with insertion, so the batch's slots lie between its first and last.
      const first = this.#slots.get(paths[from]!)!
      const hex = this.#view.toString('hex', first * SLOT_BYTES, (this.#slots.get(paths[to - 1]!)! + 1) * SLOT_BYTES)
      const out: string[] = []
      for (let i = from; i < to; i++) {
        const slot = this.#slots.get(paths[i]!)!
        const odd = this.#odd.get(slot)
        const at = (slot - first) * 2 * SLOT_BYTES
        if (odd) out.push(paths[i]!, odd.inputHash, odd.outputHash)
        else out.push(paths[i]!, hex.slice(at, at + 2 * HASH_BYTES), hex.slice(at + 2 * HASH_BYTES, at + 2 * SLOT_BYTES))
      }
      yield out
      from = to
    }
  }

  /**
   * A manifest of the stored state's fields (path, input hash, output hash, one after another): every hash pair
   * turned to bytes in one call, not two a file (the warm build's read of the last manifest). Paths seen twice keep the last.
   */
  static fromFields(fields: readonly string[]): PackedManifest {
    const manifest = new PackedManifest()
    const count = Math.floor(fields.length / 3)
    const hex: string[] = []
    for (let i = 0; i < count; i++) {
      const path = fields[3 * i]!
      const inputHash = fields[3 * i + 1]!
      const outputHash = fields[3 * i + 2]!
      // Never in a state this writes (its manifest is a map): the slow way, one entry at a time.
      if (manifest.#slots.has(path)) return new PackedManifest(entriesOf(fields))
      const slot = manifest.#next++
      manifest.#slots.set(path, slot)
      if (isHash(inputHash) && isHash(outputHash)) hex.push(inputHash, outputHash)
      else {
        hex.push(ZEROS, ZEROS)
        manifest.#odd.set(slot, { inputHash, outputHash })
      }
    }
    manifest.#bytes = new Uint8Array(Math.max(1024, manifest.#next) * SLOT_BYTES)
    manifest.#view = Buffer.from(manifest.#bytes.buffer)
    manifest.#view.write(hex.join(''), 0, 'hex')
    return manifest
  }

  /**
   * `fromFields` of the stored text (the fields joined by `separator`), read in place: each hash pair turned to bytes
   * from the text's characters, so only the paths become strings (not an array of every field and a hex string of every
   * hash: 680,000 strings at 100,000 postmortems, most of a warm build's read of the last manifest).
   */
  static fromText(text: string, separator: string): PackedManifest {
    const manifest = new PackedManifest()
    for (let at = 0; at < text.length;) {
      const a = text.indexOf(separator, at)
      const b = a === -1 ? -1 : text.indexOf(separator, a + 1)
      // Fewer than three fields left: not an entry, as `fromFields` leaves them.
      if (b === -1) break
      const end = text.indexOf(separator, b + 1)
      const c = end === -1 ? text.length : end
      const path = text.slice(at, a)
      if (manifest.#slots.has(path)) return PackedManifest.fromFields(text.split(separator))
      const slot = manifest.#slot()
      manifest.#slots.set(path, slot)
      const packed = b - a === 1 + 2 * HASH_BYTES && c - b === 1 + 2 * HASH_BYTES
      if (!packed || !hexInto(manifest.#bytes, slot * SLOT_BYTES, text, a + 1) || !hexInto(manifest.#bytes, slot * SLOT_BYTES + HASH_BYTES, text, b + 1)) {
        manifest.#odd.set(slot, { inputHash: text.slice(a + 1, b), outputHash: text.slice(b + 1, c) })
      }
      at = c + 1
    }
    return manifest
  }

  #entry(slot: number): ManifestEntry {
    const odd = this.#odd.get(slot)
    if (odd) return { inputHash: odd.inputHash, outputHash: odd.outputHash }
    const at = slot * SLOT_BYTES
    return { inputHash: this.#view.toString('hex', at, at + HASH_BYTES), outputHash: this.#view.toString('hex', at + HASH_BYTES, at + SLOT_BYTES) }
  }

  /** A new slot, the byte array doubled when full. */
  #slot(): number {
    if ((this.#next + 1) * SLOT_BYTES > this.#bytes.length) {
      const bytes = new Uint8Array(this.#bytes.length * 2)
      bytes.set(this.#bytes)
      this.#bytes = bytes
      this.#view = Buffer.from(bytes.buffer)
    }
    return this.#next++
  }
}
