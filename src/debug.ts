/**
 * Debug output, on with `NODE_DEBUG=hindsight` (Node's own switch, `node:util` debuglog): the build's phases with
 * their time and memory, and the full stack of an error the CLI would otherwise print as one line.
 */
import { debuglog } from 'node:util'

/** Writes one `HINDSIGHT <pid>: ...` line to stderr when `NODE_DEBUG` names hindsight, and nothing otherwise. */
export const debug = debuglog('hindsight')

/** Whether debug output is on (read once per call, so a test may set `NODE_DEBUG` before importing). */
export const debugging = (): boolean => debug.enabled

/** CPU time of the whole process (every thread, workers included) when the last phase ended, in microseconds. */
let lastCpu = process.cpuUsage()

/** Marks where the first phase starts, so its CPU excludes start-up. */
export function debugPhasesStart(): void {
  lastCpu = process.cpuUsage()
}

/**
 * Logs a build phase's wall time, the CPU the process spent in it (all threads, so on a busy machine the phase's
 * cost still shows) and the memory then: `phase load 812 ms, cpu 1490 ms, rss 310 MB, heap 120 MB`.
 */
export function debugPhase(name: string, ms: number): void {
  if (!debug.enabled) return
  const cpu = process.cpuUsage(lastCpu)
  lastCpu = process.cpuUsage()
  const { rss, heapUsed } = process.memoryUsage()
  const cpuMs = Math.round((cpu.user + cpu.system) / 1000)
  debug('phase %s %d ms, cpu %d ms, rss %d MB, heap %d MB', name, Math.round(ms), cpuMs, Math.round(rss / 2 ** 20), Math.round(heapUsed / 2 ** 20))
}
