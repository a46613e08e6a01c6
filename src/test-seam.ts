/**
 * The one seam tests reach into product code through, by environment variable (so it works across the child
 * processes and worker threads the tests start); every hook is a no-op unless its variable is set:
 * - `HINDSIGHT_TEST_PAUSE_AT=<point>`: the build announces `hindsight: paused at <point>` on stderr and stops there
 *   forever, so test/atomic-kill.test.ts can SIGKILL it at an exact stage instead of guessing with timers.
 * - `HINDSIGHT_TEST_WORKER_CRASH_ON=<source>`: a normalize worker thread throws on the batch holding that file, so
 *   test/worker-cache.test.ts proves the pool hands the batch to the main thread.
 */

/** Stops here forever (asynchronously) when `HINDSIGHT_TEST_PAUSE_AT` names this point. */
export async function pausePoint(point: string): Promise<void> {
  if (process.env['HINDSIGHT_TEST_PAUSE_AT'] !== point) return
  process.stderr.write(`hindsight: paused at ${point}\n`)
  await new Promise(() => setInterval(() => {}, 1 << 30))
}

/** Stops here forever, blocking the thread, when `HINDSIGHT_TEST_PAUSE_AT` names this point (inside synchronous code). */
export function pausePointSync(point: string): void {
  if (process.env['HINDSIGHT_TEST_PAUSE_AT'] !== point) return
  process.stderr.write(`hindsight: paused at ${point}\n`)
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0)
}

/** Throws when `HINDSIGHT_TEST_WORKER_CRASH_ON` names one of these sources: a worker thread's simulated death. */
export function crashWorkerOn(sources: readonly string[]): void {
  const victim = process.env['HINDSIGHT_TEST_WORKER_CRASH_ON']
  if (victim && sources.includes(victim)) throw new Error(`test crash on ${victim}`)
}
