/**
 * Debug output, on with `NODE_DEBUG=hindsight` (Node's own switch, `node:util` debuglog): the build's phases with
 * their time and memory, and the full stack of an error the CLI would otherwise print as one line.
 */
import { debuglog } from 'node:util'

/** Writes one `HINDSIGHT <pid>: ...` line to stderr when `NODE_DEBUG` names hindsight, and nothing otherwise. */
export const debug = debuglog('hindsight')

/** Whether debug output is on (read once per call, so a test may set `NODE_DEBUG` before importing). */
export const debugging = (): boolean => debug.enabled

/** Logs a build phase's time with the process's memory then: `phase load 812 ms, rss 310 MB, heap 120 MB`. */
export function debugPhase(name: string, ms: number): void {
  if (!debug.enabled) return
  const { rss, heapUsed } = process.memoryUsage()
  debug('phase %s %d ms, rss %d MB, heap %d MB', name, Math.round(ms), Math.round(rss / 2 ** 20), Math.round(heapUsed / 2 ** 20))
}
