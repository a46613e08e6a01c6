import { parentPort, workerData } from 'node:worker_threads'
import { encodeEntry } from '../cache/entry.js'
import { summaryFacts } from '../build/summaries.js'
import { loadDocument } from '../document.js'
import { crashWorkerOn } from '../test-seam.js'
import type { ResolvedConfig } from '../types.js'
import type { ReadItem } from './pool.js'

// Worker thread: normalizes the batches of files the pool sends and posts the loaded documents back in order, each
// encoded here as a cache entry and transferred, so the main thread decodes it once and stores the same bytes in the cache.
const { config } = workerData as { config: ResolvedConfig }
parentPort!.on('message', (batch: ReadItem[]) => {
  crashWorkerOn(batch.map((item) => item.source))
  const docs = batch.map((item) => {
    const doc = loadDocument(item.source, item.bytes, config)
    return encodeEntry(doc, summaryFacts(doc))
  })
  parentPort!.postMessage(
    docs,
    docs.map((bytes) => bytes.buffer),
  )
})
