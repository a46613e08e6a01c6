import { hashParts } from '../cache/hash.js'
import type { ManifestEntry } from '../build/state.js'
import { HindsightError, OutputError } from '../errors.js'
import { boundHeap } from '../heap.js'
import type { PlannedFile } from './pages.js'
import { pausePoint } from '../test-seam.js'
import { utf8Bytes } from './utf8.js'
import { isStreamed, type FileContent, type SiteWriter } from './write.js'

/** Longest stretch of rendering in `dev` before the event loop gets a turn. */
const DEV_SLICE_MS = 20

/** What an output pass works with; `manifest` is filled in as files are kept or produced. */
export interface OutputPass {
  /** Hash of what a file is made from (`build/plan-key.ts`); `''` when unknown, so the file is compared by its bytes. */
  inputHash: (file: PlannedFile) => string
  /** The last build's manifest, or null when none can be trusted. */
  previous: ReadonlyMap<string, ManifestEntry> | null
  manifest: Map<string, ManifestEntry>
  writer: SiteWriter
  render: (file: PlannedFile) => FileContent
  /** `dev` yields to its server between slices of work; `build` bounds its heap. */
  mode: 'build' | 'dev'
  /** Told after each planned file, kept or produced, for a progress line. */
  progress?: (done: number, total: number) => void
  /**
   * Drops each planned file from the array once it is kept or produced (a full pass, whose plan is made for one use):
   * its key, data and the closures over its records are then garbage while the rest is written, not held to the end.
   */
  release?: boolean
  /**
   * Hands a file to another thread to render (a full build's postmortem pages): its bytes and their hash to come (or,
   * given `target`, the writer's path for it, only the hash once that thread wrote it there), or null when it renders
   * here. A render lost with its thread is done here instead.
   */
  offload?: (file: PlannedFile, target: string | null) => Promise<Offloaded> | null
}

/**
 * What a file rendered on another thread comes back as: its bytes and their hash, the hash of the bytes it wrote to the
 * target it was given, the error it failed with, or lost (its thread died).
 */
export type Offloaded = { bytes: Uint8Array; hash: string } | { written: true; hash: string } | { error: Error } | { lost: true }

/** Files handed to other threads and not yet written, at most: bounds the bytes held while they render. */
const OFFLOADED_AT_ONCE = 32

/** A file whose render was handed to another thread, with what `produce` needs to finish it. */
interface Awaited {
  file: PlannedFile
  input: string
  before: ManifestEntry | undefined
  result: Promise<Offloaded>
  /** Set once the result is in, so it is written at the next file rather than when the window is full. */
  ready: boolean
}

/**
 * Renders the planned files whose inputs changed and hands the writer those whose bytes changed; returns the paths
 * written. Every pass goes through here (full, edited-only, `dev`'s pages first), so all decide alike.
 */
export async function writeFiles(planned: PlannedFile[], pass: OutputPass): Promise<string[]> {
  const { inputHash, previous, manifest, writer, render, mode, progress, offload } = pass
  const written: string[] = []
  let ranSince = performance.now()
  let done = 0
  const awaited: Awaited[] = []
  /** Takes a file produced here or on a thread into the manifest (and the written list), once the write queue has room. */
  const recordProduced = async (path: string, entry: Parameters<typeof manifest.set>[1], wrote: boolean): Promise<void> => {
    manifest.set(path, entry)
    const room = writer.room()
    if (room) await room
    if (!wrote) return
    written.push(path)
    if (written.length === 100) await pausePoint('staging')
  }
  /** Finishes the oldest offloaded file (in plan order): compared, written or kept, as one rendered here. */
  const settle = async (): Promise<void> => {
    const { file, input, before, result } = awaited.shift()!
    const { entry, wrote } = finish(file, input, before, writer, render, await result)
    await recordProduced(file.path, entry, wrote)
  }
  for (let i = 0; i < planned.length; i++) {
    const file = planned[i]!
    if (pass.release) (planned as Array<PlannedFile | undefined>)[i] = undefined
    progress?.(done, planned.length)
    if (mode === 'build' && ++done % 256 === 0) boundHeap()
    // `dev` serves pages from this process: a long pass lets the server answer between slices of work.
    if (mode === 'dev' && performance.now() - ranSince > DEV_SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve))
      ranSince = performance.now()
    }
    while (awaited[0]?.ready) await settle()
    const input = inputHash(file)
    const before = previous?.get(file.path)
    if (before && input !== '' && before.inputHash === input && writer.keep(file.path)) {
      manifest.set(file.path, before)
      continue
    }
    const result = offload?.(file, writer.direct(file.path))
    if (result) {
      // Its place in the manifest now, so the manifest lists files in plan order whichever thread rendered them.
      manifest.set(file.path, PENDING)
      const job: Awaited = { file, input, before, result, ready: false }
      void result.then(() => (job.ready = true))
      awaited.push(job)
      if (awaited.length >= OFFLOADED_AT_ONCE) await settle()
      continue
    }
    const { entry, wrote } = produce(file, input, before, writer, render)
    await recordProduced(file.path, entry, wrote)
  }
  while (awaited.length > 0) await settle()
  return written
}

/** The manifest entry of a file being rendered on another thread, replaced once it is written. */
const PENDING: ManifestEntry = { inputHash: '', outputHash: '' }

/** An offloaded file finished: its bytes compared and written, its failure named by the file, or rendered here when its thread was lost. */
function finish(
  file: PlannedFile,
  input: string,
  before: ManifestEntry | undefined,
  writer: SiteWriter,
  render: (file: PlannedFile) => FileContent,
  result: Offloaded,
): { entry: ManifestEntry; wrote: boolean } {
  if ('lost' in result) return produce(file, input, before, writer, render)
  // Already in the writer's folder: the same bytes as the last build's count as kept, as a file linked over would.
  if ('written' in result) return { entry: { inputHash: input, outputHash: result.hash }, wrote: before?.outputHash !== result.hash }
  return produce(
    file,
    input,
    before,
    writer,
    () => {
      if ('error' in result) throw result.error
      return result.bytes
    },
    'hash' in result ? result.hash : undefined,
  )
}

/**
 * Renders one planned file and hands it to the writer unless its bytes equal those of `before` (then it is kept);
 * returns its manifest entry.
 */
function produce(
  file: PlannedFile,
  input: string,
  before: ManifestEntry | undefined,
  writer: SiteWriter,
  render: (file: PlannedFile) => FileContent,
  hash?: string,
): { entry: ManifestEntry; wrote: boolean } {
  try {
    return produceOnce(file, input, before, writer, render, hash)
  } catch (error) {
    // Hindsight's own errors say what failed; anything else (a crash) is named by the file it was producing.
    if (error instanceof HindsightError) throw error
    const from = file.source ? ` from ${file.source}` : ''
    throw new OutputError(`Cannot write ${file.path}${from}: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
}

function produceOnce(
  file: PlannedFile,
  input: string,
  before: ManifestEntry | undefined,
  writer: SiteWriter,
  render: (file: PlannedFile) => FileContent,
  hash?: string,
): { entry: ManifestEntry; wrote: boolean } {
  const content = render(file)
  if (isStreamed(content)) {
    // Too large to hold twice, so not compared: written whenever its key changed (its key names all it is made of).
    writer.write(file.path, encoded(content))
    return { entry: { inputHash: input, outputHash: `stream:${input}` }, wrote: true }
  }
  // Encoded once, for both the hash and the write (hashing and writing a string would encode it twice more).
  const bytes = typeof content === 'string' ? utf8Bytes(content) : content
  const output = hash ?? hashParts(bytes)
  if (before && before.outputHash === output && writer.keep(file.path)) return { entry: { inputHash: input, outputHash: output }, wrote: false }
  writer.write(file.path, bytes)
  return { entry: { inputHash: input, outputHash: output }, wrote: true }
}

/** Bytes of the chunks `encoded` fills; a piece that may take half of one or more is passed on as it is, after what is pending. */
const CHUNK = 1 << 20

/**
 * Text and byte pieces as UTF-8 chunks of about a megabyte, so writes are few and only one chunk is held. Every chunk
 * is a view of one reused buffer, valid until the next is asked for (the writers write each before): a fresh megabyte
 * a chunk cost the kernel more CPU than the copy (about 1 GB of export at 100,000 postmortems).
 */
export function* encoded(pieces: Iterable<string | Uint8Array>): Generator<Uint8Array> {
  const out = Buffer.allocUnsafe(CHUNK)
  let used = 0
  for (const piece of pieces) {
    // A UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair, two units, is 4).
    const most = typeof piece === 'string' ? piece.length * 3 : piece.length
    const large = most >= CHUNK / 2
    if ((large || most > CHUNK - used) && used > 0) {
      yield out.subarray(0, used)
      used = 0
    }
    if (large) {
      yield typeof piece === 'string' ? Buffer.from(piece) : piece
      continue
    }
    if (typeof piece === 'string') used += out.write(piece, used)
    else {
      out.set(piece, used)
      used += piece.length
    }
  }
  if (used > 0) yield out.subarray(0, used)
}
