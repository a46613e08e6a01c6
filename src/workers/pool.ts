import { Worker } from 'node:worker_threads'
import type { LoadedDocument } from '../document.js'
import type { ResolvedConfig } from '../types.js'
import { BATCH_ITEMS, createBatches, type Batch } from './batches.js'
import { defaultThreads, workerScript } from './threads.js'

export { defaultThreads, MAX_DEFAULT_THREADS } from './threads.js'

/** One content file to normalize: its bytes, or (when a build could not hold them all) how to read them when its turn comes. */
export interface WorkItem {
  source: string
  bytes: Uint8Array | null
  /** The file's size in bytes (its stamp's, so before it is read), for cutting batches of even work. */
  size: number
  /** Reads the file when `bytes` is null. */
  read: () => Uint8Array
}

/** What a worker is sent of an item: its bytes, read. */
export interface ReadItem {
  source: string
  bytes: Uint8Array
}

/** The part of a `Worker` the pool uses, so a test can stand in for a thread. */
export type PoolWorker = Pick<Worker, 'postMessage' | 'terminate' | 'on' | 'once'>

/** Starts one normalize worker thread for `config`. */
export type SpawnWorker = (config: ResolvedConfig) => PoolWorker

/** An item's bytes, read now when they were not kept. */
const bytesOf = (item: WorkItem): Uint8Array => item.bytes ?? item.read()

/** Below this many files, starting threads (each loads the whole Markdown stack, ~0.2 s) costs more than it saves. */
const MIN_ITEMS_FOR_WORKERS = 48
/**
 * Batches a thread holds at once: the one it normalizes and the next, so it never waits for the main thread (busy
 * storing the other thread's documents, collecting garbage or syncing a full pack to the disk) between two batches.
 */
export const BATCHES_IN_FLIGHT = 2
/** The worker's script; null from the sources (see `workerScript`). */
const WORKER_URL = workerScript('normalize-worker')
/**
 * Heap room of a worker: the main thread's old generation (V8 lets it grow by a factor that shrinks with the heap
 * limit, 4x from 2 GB, 1.3x at 256 MB, so the 256 MB cap once set here doubled a worker's full collections). The young
 * generation keeps V8's default: a 96 MB one saved about 7 % of a cold 10,000's CPU but raised Node's peak from about
 * 515 to 605-655 MB, past the 600 MB the build keeps to (bench/README.md, session 12).
 */
export const WORKER_LIMITS = { maxOldGenerationSizeMb: 2048 }

/** Starts a normalize worker thread from the compiled script. */
const spawnThread: SpawnWorker = (config) => new Worker(WORKER_URL!, { workerData: { config }, resourceLimits: WORKER_LIMITS })

/**
 * Worker threads to start for `items` files: `requested` threads normalize (the CLI's `--workers`, else
 * `defaultThreads()`). One means the main thread alone, so no worker thread; N >= 2 means N worker threads (the main
 * thread then only stores what they send), never more than there are batches, and none below `MIN_ITEMS_FOR_WORKERS`.
 */
export function threadCount(requested: number | undefined, items: number, fallback = defaultThreads()): number {
  const wanted = requested ?? fallback
  if (items < MIN_ITEMS_FOR_WORKERS || wanted < 2) return 0
  return Math.min(wanted, Math.ceil(items / BATCH_ITEMS))
}

/**
 * Normalizes many files: on worker threads across the cores when there are enough files, otherwise inline.
 * Batches are handed out on demand so a slow file does not idle a core. `onDocument` hears of each file (by its
 * index in `items`) as it is done: the document, or its cache entry as a worker encoded it, which the caller
 * stores while the rest are still being normalized. The main thread loads the normalizer only to work inline (no
 * threads, or a thread's batch to take back): with threads it only stores, and loading it cost 0.1 s before they started.
 * `spawn` starts a thread (null: none can be started, as from the TypeScript sources, so everything runs inline).
 */
export async function normalizeMany(
  items: WorkItem[],
  config: ResolvedConfig,
  workers: number | undefined,
  onDocument: (index: number, result: LoadedDocument | Uint8Array) => void,
  spawn: SpawnWorker | null = WORKER_URL ? spawnThread : null,
): Promise<void> {
  const threads = spawn ? threadCount(workers, items.length) : 0
  const inline = async (indexes: Iterable<number>): Promise<void> => {
    const { loadDocument } = await import('../document.js')
    for (const i of indexes) onDocument(i, loadDocument(items[i]!.source, bytesOf(items[i]!), config))
  }
  if (threads === 0) return inline(items.keys())
  const lost: number[] = []
  const batches = createBatches(
    items.map((item) => item.size),
    threads,
  )
  let done = false
  /** A file that could not be read when its batch was made: no more batches, and the error is thrown once the threads end. */
  let failure: { error: unknown } | null = null
  const run = (): Promise<void> =>
    new Promise((resolve) => {
      const worker = spawn!(config)
      /** Batches posted and not answered yet, oldest first: the worker answers them in order. */
      const posted: Batch[] = []
      let ended = false
      const end = (): void => {
        if (ended) return
        ended = true
        void worker.terminate().then(() => resolve())
      }
      /** Posts batches until the worker holds `BATCHES_IN_FLIGHT`; ends it once nothing is left for it. */
      const feed = (): void => {
        while (!done && posted.length < BATCHES_IN_FLIGHT) {
          const batch = batches.next()
          if (!batch) {
            done = true
            break
          }
          let sent: ReadItem[]
          try {
            sent = items.slice(batch.start, batch.end).map((item) => ({ source: item.source, bytes: bytesOf(item) }))
          } catch (error) {
            failure ??= { error }
            done = true
            for (let i = batch.start; i < batch.end; i++) lost.push(i)
            break
          }
          posted.push(batch)
          worker.postMessage(sent)
        }
        if (posted.length === 0) end()
      }
      worker.on('message', (docs: Uint8Array[]) => {
        // A thread that died may still deliver a batch it answered before: that batch was taken back with the rest.
        if (ended) return
        const batch = posted.shift()!
        feed()
        docs.forEach((bytes, i) => onDocument(batch.start + i, bytes))
      })
      // A thread that dies (out of memory on a pathological file, an uncaught error, an exit) hands the batches it
      // holds back to the main thread; 'error' and 'exit' may both come, the batches go back once.
      const died = (): void => {
        if (ended) return
        ended = true
        for (const batch of posted.splice(0)) for (let i = batch.start; i < batch.end; i++) lost.push(i)
        resolve()
      }
      worker.once('error', died)
      worker.once('exit', died)
      worker.once('online', feed)
    })
  await Promise.all(Array.from({ length: threads }, run))
  if (failure) throw (failure as { error: unknown }).error
  // Batches never handed out (every thread died first) and those a dead thread held are normalized here.
  for (let batch = batches.next(); batch; batch = batches.next()) for (let i = batch.start; i < batch.end; i++) lost.push(i)
  if (lost.length > 0) await inline(lost.sort((a, b) => a - b))
}
