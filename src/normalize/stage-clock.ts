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

/** A clock that sums each stage's milliseconds over every document it times, read with `performance.now()`. */
export function stageClock(): StageTotals {
  const totals = new Map<string, number>()
  let last = performance.now()
  const clock: StageClock = {
    begin() {
      last = performance.now()
    },
    lap(stage) {
      const now = performance.now()
      totals.set(stage, (totals.get(stage) ?? 0) + (now - last))
      last = now
    },
  }
  return { clock, totals }
}
