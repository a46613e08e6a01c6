/** How many threads a build uses when the caller names none: shared by the normalizing and the rendering threads. */
import { availableParallelism } from 'node:os'

/** Default thread count at most: each thread holds its own heap (about 100 MB at its peak) and its own compiled code. */
export const MAX_DEFAULT_THREADS = 8
/** Threads wanted when the caller names none: `HINDSIGHT_WORKERS`, else one per core up to `MAX_DEFAULT_THREADS`. */
export function defaultThreads(env: string | undefined = process.env.HINDSIGHT_WORKERS, cores = availableParallelism()): number {
  return Number(env) || Math.min(cores, MAX_DEFAULT_THREADS)
}
