import { Worker } from 'node:worker_threads'
import { loadDocument, type LoadedDocument } from '../document.js'
import type { ResolvedConfig } from '../types.js'
import { defaultThreads, workerScript } from './threads.js'

export { defaultThreads, MAX_DEFAULT_THREADS } from './threads.js'

/** One content file to normalize: its bytes, or (when a build could not hold them all) how to read them when its turn comes. */
export interface WorkItem {
  source: string
  bytes: Uint8Array | null
  /** Reads the file when `bytes` is null. */
  read: () => Uint8Array
}

/** What a worker is sent of an item: its bytes, read. */
export interface ReadItem {
  source: string
  bytes: Uint8Array
}

/** An item's bytes, read now when they were not kept. */
const bytesOf = (item: WorkItem): Uint8Array => item.bytes ?? item.read()

/** Below this many files, starting threads (each loads the whole Markdown stack, ~0.2 s) costs more than it saves. */
const MIN_ITEMS_FOR_WORKERS = 48
const BATCH = 16
/** The worker's script; null from the sources (see `workerScript`). */
const WORKER_URL = workerScript('normalize-worker')
/**
 * Heap room of a worker: the main thread's old generation (V8 lets it grow by a factor that shrinks with the heap
 * limit, 4x from 2 GB, 1.3x at 256 MB, so the 256 MB cap once set here doubled a worker's full collections). The young
 * generation keeps V8's default: a 96 MB one saved about 7 % of a cold 10,000's CPU but raised Node's peak from about
 * 515 to 605-655 MB, past the 600 MB the build keeps to (bench/README.md, session 12).
 */
export const WORKER_LIMITS = { maxOldGenerationSizeMb: 2048 }

/**
 * Worker threads to start for `items` files: `requested` threads normalize (the CLI's `--workers`, else
 * `defaultThreads()`). One means the main thread alone, so no worker thread; N >= 2 means N worker threads (the main
 * thread then only stores what they send), never more than there are batches, and none below `MIN_ITEMS_FOR_WORKERS`.
 */
export function threadCount(requested: number | undefined, items: number, fallback = defaultThreads()): number {
  const wanted = requested ?? fallback
  if (items < MIN_ITEMS_FOR_WORKERS || wanted < 2) return 0
  return Math.min(wanted, Math.ceil(items / BATCH))
}

/**
 * Normalizes many files: on worker threads across the cores when there are enough files, otherwise inline.
 * Batches are handed out on demand so a slow file does not idle a core. `onDocument` hears of each file (by its
 * index in `items`) as it is done: the document, or its cache entry as a worker encoded it, which the caller
 * stores while the rest are still being normalized.
 */
export async function normalizeMany(
  items: WorkItem[],
  config: ResolvedConfig,
  workers: number | undefined,
  onDocument: (index: number, result: LoadedDocument | Uint8Array) => void,
): Promise<void> {
  // Under vitest the sources are TypeScript, which a worker thread cannot load: everything runs inline there.
  const threads = WORKER_URL ? threadCount(workers, items.length) : 0
  const inline = (i: number): void => onDocument(i, loadDocument(items[i]!.source, bytesOf(items[i]!), config))
  if (threads === 0) {
    items.forEach((_, i) => inline(i))
    return
  }
  const lost: number[] = []
  let next = 0
  /** A file that could not be read when its batch was made: no more batches, and the error is thrown once the threads end. */
  let failure: { error: unknown } | null = null
  const run = (): Promise<void> =>
    new Promise((resolve) => {
      const worker = new Worker(WORKER_URL!, { workerData: { config }, resourceLimits: WORKER_LIMITS })
      let batchStart = 0
      let batchEnd = 0
      let busy = false
      const feed = (): void => {
        busy = next < items.length
        if (!busy) {
          void worker.terminate().then(() => resolve())
          return
        }
        batchStart = next
        batchEnd = Math.min(items.length, next + BATCH)
        next = batchEnd
        let batch: ReadItem[]
        try {
          batch = items.slice(batchStart, batchEnd).map((item) => ({ source: item.source, bytes: bytesOf(item) }))
        } catch (error) {
          failure ??= { error }
          next = items.length
          busy = false
          void worker.terminate().then(() => resolve())
          return
        }
        worker.postMessage(batch)
      }
      worker.on('message', (docs: Uint8Array[]) => {
        const at = batchStart
        feed()
        docs.forEach((bytes, i) => onDocument(at + i, bytes))
      })
      // A thread that dies (out of memory on a pathological file, an uncaught error, an exit) hands its batch back
      // to the main thread; 'error' and 'exit' may both come, the batch goes back once.
      const died = (): void => {
        if (busy) for (let i = batchStart; i < batchEnd; i++) lost.push(i)
        busy = false
        resolve()
      }
      worker.once('error', died)
      worker.once('exit', died)
      worker.once('online', feed)
    })
  await Promise.all(Array.from({ length: threads }, run))
  if (failure) throw (failure as { error: unknown }).error
  for (let i = next; i < items.length; i++) lost.push(i)
  for (const i of lost) inline(i)
}
