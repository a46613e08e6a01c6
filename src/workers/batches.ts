/** How the pool cuts its files into batches: by bytes, shrinking towards the end, so the threads finish together. */

/** A batch: the items from `start` to `end` (exclusive) of the pool's list. */
export interface Batch {
  start: number
  end: number
}

/** Bytes of Markdown a batch holds at most (about 16 synthetic postmortems, 0.05 to 0.1 s of a thread): one message a batch. */
export const BATCH_BYTES = 48 * 1024
/** Files a batch holds at most, whatever their size. */
export const BATCH_ITEMS = 16

/**
 * Hands out consecutive batches of `sizes` (each item's bytes) on demand: at most `BATCH_BYTES` and `BATCH_ITEMS` a
 * batch (one larger file goes alone), and at most a quarter of a thread's share of what is left, so the last batches
 * are small and no thread normalizes a full batch while the others have ended (a batch of 16 was the tail's idle core).
 */
export function createBatches(sizes: readonly number[], threads: number): { next(): Batch | null } {
  let left = sizes.reduce((a, b) => a + b, 0)
  let at = 0
  return {
    next() {
      if (at >= sizes.length) return null
      const limit = Math.min(BATCH_BYTES, left / (4 * Math.max(1, threads)))
      const start = at
      let bytes = sizes[at++]!
      while (at < sizes.length && at - start < BATCH_ITEMS && bytes + sizes[at]! <= limit) bytes += sizes[at++]!
      left -= bytes
      return { start, end: at }
    },
  }
}
