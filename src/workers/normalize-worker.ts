import { parentPort, workerData } from 'node:worker_threads'
import { loadDocument } from '../document.js'
import type { ResolvedConfig } from '../types.js'
import type { WorkItem } from './pool.js'

// Worker thread: normalizes the batches of files the pool sends and posts the loaded documents back in order.
const { config } = workerData as { config: ResolvedConfig }
parentPort!.on('message', (batch: WorkItem[]) => {
  parentPort!.postMessage(batch.map((item) => loadDocument(item.source, item.bytes, config)))
})
