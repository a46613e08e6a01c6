import { getHeapStatistics, setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/** Garbage a long pass may pile up over what was live at the last collection before it asks for a full one. */
const SLACK_BYTES = 128 * 2 ** 20
/** Below this the heap is left to V8 (a warm build stays under it, and a forced collection there only costs time). */
const FLOOR_BYTES = 256 * 2 ** 20

let collector: (() => void) | null = null
let liveAfterLast = 0

/**
 * Bounds the heap of a long pass (rendering 10,000 pages, indexing them for search): V8 lets garbage promoted to
 * the old generation grow to several times the live heap before a full collection, which made peak memory follow
 * the garbage instead of what the build holds. Called between files, it collects in full once the heap holds
 * `SLACK_BYTES` more than after the last collection, and at least `FLOOR_BYTES` (the `gc` function obtained as
 * Jest's leak detector does).
 *
 * Measured as needed (2026-11-30): a cold build of 10,000 generated postmortems with search, with this and with a
 * copy whose `boundHeap` does nothing, alternately, Node's peak RSS from bench/report-rss.mjs: 712 MB with it, 884 MB
 * without (one pair, load average about 21, so times were not compared). The run-time flag is the one way to get a
 * full collection without asking every user to start Node with `--expose-gc` (a shebang cannot pass flags portably);
 * the flag only adds the `gc` function to contexts created after it, which is why a fresh context fetches it.
 */
export function boundHeap(): void {
  const used = getHeapStatistics().used_heap_size
  if (used < Math.max(FLOOR_BYTES, liveAfterLast + SLACK_BYTES)) return
  if (!collector) {
    setFlagsFromString('--expose-gc')
    collector = runInNewContext('gc') as () => void
  }
  collector()
  liveAfterLast = getHeapStatistics().used_heap_size
}
