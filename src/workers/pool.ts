import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { loadDocument, type LoadedDocument } from '../document.js'
import type { ResolvedConfig } from '../types.js'

/** One content file to normalize. */
export interface WorkItem { source: string; bytes: Uint8Array }

/** Below this many files, starting threads (each loads the whole Markdown stack, ~0.2 s) costs more than it saves. */
const MIN_ITEMS_FOR_WORKERS = 48
const BATCH = 16
const WORKER_URL = new URL('./normalize-worker.js', import.meta.url)
/** A worker's heap is garbage between files; a cap makes V8 collect it early instead of growing to gigabytes at 10,000 files. */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 256 }

/** Thread count: `HINDSIGHT_WORKERS`, else one per core (the main thread mostly waits meanwhile). */
function threadCount(requested: number | undefined, items: number): number {
  const wanted = requested ?? (Number(process.env.HINDSIGHT_WORKERS) || availableParallelism())
  if (items < MIN_ITEMS_FOR_WORKERS || wanted < 2 || !WORKER_URL.pathname.endsWith('.js')) return 0
  return Math.min(wanted, Math.ceil(items / BATCH))
}

/**
 * Normalizes many files: on worker threads across the cores when there are enough files, otherwise inline.
 * Batches are handed out on demand so a slow file does not idle a core. `onDocument` hears of each file (by its
 * index in `items`) as it is done: the document, or its cache entry as a worker encoded it, which the caller
 * stores while the rest are still being normalized.
 */
export async function normalizeMany(items: WorkItem[], config: ResolvedConfig, workers: number | undefined, onDocument: (index: number, result: LoadedDocument | Uint8Array) => void): Promise<void> {
  const threads = threadCount(workers, items.length)
  const inline = (i: number): void => onDocument(i, loadDocument(items[i]!.source, items[i]!.bytes, config))
  if (threads === 0) {
    items.forEach((_, i) => inline(i))
    return
  }
  const lost: number[] = []
  let next = 0
  const run = (): Promise<void> =>
    new Promise((resolve) => {
      const worker = new Worker(WORKER_URL, { workerData: { config }, resourceLimits: WORKER_LIMITS })
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
        worker.postMessage(items.slice(batchStart, batchEnd))
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
  for (let i = next; i < items.length; i++) lost.push(i)
  for (const i of lost) inline(i)
}
