/** Types of bench/cold-rows.mjs: the cold-build rows of `npm run bench` (bench and tests only). */

/** One build phase as `NODE_DEBUG=hindsight` prints it: wall and CPU milliseconds. */
export interface PhaseTime {
  ms: number
  cpuMs: number
}

/** The build phases a `NODE_DEBUG=hindsight` build printed: wall and CPU ms by phase name (load, emit, cache). */
export function buildPhases(output: string): Record<string, PhaseTime>

/** One timed cold build of the workers rows. */
export interface TimedBuild {
  ms: number
  nodeMb: number | null
  phases?: Record<string, PhaseTime>
  /** The round of `coldByWorkers` it ran in. */
  round?: number
  /** A one-thread build stopped after its load phase (no whole-build figures). */
  loadOnly?: boolean
}

/** One workers row's figures: the cold build, and its load phase with the speed-up over one thread. */
export interface WorkersFigure {
  workers: number
  coldMs: number
  vsEleventy: number
  speedup: number | null
  loadMs: number | null
  loadCpuMs: number | null
  loadSpeedup: number | null
  peakRssNodeMb: number
}

/** Figures of the workers rows: median cold build and load phase at each thread count, with speed-ups over one thread. */
export function workersFigures(byCount: Map<number, TimedBuild[]>, eleventyMs: number, median: (values: number[]) => number): WorkersFigure[]

/** Table rows for the workers and Eleventy-plus-Pagefind figures (`f` formats a number), one column per size. */
export function coldRows(results: unknown[], f: (n: number | null | undefined, digits?: number) => string): string[][]
