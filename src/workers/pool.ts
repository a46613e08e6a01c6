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

/** Thread count: `HINDSIGHT_WORKERS`, else one per core (the main thread mostly waits meanwhile). */
function threadCount(requested: number | undefined, items: number): number {
  const wanted = requested ?? (Number(process.env.HINDSIGHT_WORKERS) || availableParallelism())
  if (items < MIN_ITEMS_FOR_WORKERS || wanted < 2 || !WORKER_URL.pathname.endsWith('.js')) return 0
  return Math.min(wanted, Math.ceil(items / BATCH))
}

/**
 * Normalizes many files, in order (results line up with items): on worker threads across the cores when there
 * are enough files, otherwise inline. Batches are handed out on demand so a slow file does not idle a core.
 */
export async function normalizeMany(items: WorkItem[], config: ResolvedConfig, workers?: number): Promise<LoadedDocument[]> {
  const threads = threadCount(workers, items.length)
  if (threads === 0) return items.map((item) => loadDocument(item.source, item.bytes, config))
  const results: LoadedDocument[] = new Array(items.length)
  let next = 0
  const run = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(WORKER_URL, { workerData: { config } })
      let batchStart = 0
      const feed = (): void => {
        if (next >= items.length) {
          void worker.terminate().then(() => resolve())
          return
        }
        batchStart = next
        const batch = items.slice(next, next + BATCH)
        next += batch.length
        worker.postMessage(batch)
      }
      worker.on('message', (docs: LoadedDocument[]) => {
        docs.forEach((doc, i) => (results[batchStart + i] = doc))
        feed()
      })
      worker.once('error', reject)
      worker.once('online', feed)
    })
  await Promise.all(Array.from({ length: threads }, run))
  return results
}
