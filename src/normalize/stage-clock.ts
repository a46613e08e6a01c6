/**
 * An optional timer for the benchmark's per-stage cost: the normalizer calls `lap` as each stage ends, and a build
 * passes no clock, so timing costs one absent-property check per stage and no state outlives a call.
 */

/** Receives the end of each normalize stage; it credits the time since the previous lap (or `begin`) to `stage`. */
export interface StageClock {
  begin(): void
  lap(stage: string): void
}

/** What a clock made by `stageClock` has measured: milliseconds per stage name, summed over every document timed. */
export interface StageTotals {
  clock: StageClock
  totals: Map<string, number>
}

/** Milliseconds of CPU time this process has used (user and system), which other processes on the machine do not inflate. */
export function cpuMilliseconds(): number {
  const used = process.cpuUsage()
  return (used.user + used.system) / 1000
}

/** A clock that sums each stage's milliseconds over every document it times, read with `now` (wall time by default). */
export function stageClock(now: () => number = () => performance.now()): StageTotals {
  const totals = new Map<string, number>()
  let last = now()
  const clock: StageClock = {
    begin() {
      last = now()
    },
    lap(stage) {
      const time = now()
      totals.set(stage, (totals.get(stage) ?? 0) + (time - last))
      last = time
    },
  }
  return { clock, totals }
}
