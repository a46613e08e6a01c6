/** How many threads a build uses when the caller names none: shared by the normalizing and the rendering threads. */
import { availableParallelism } from 'node:os'
import { pathToFileURL } from 'node:url'
import { packagePath } from '../package-root.js'

/** Default thread count at most: each thread holds its own heap (about 100 MB at its peak) and its own compiled code. */
export const MAX_DEFAULT_THREADS = 8
/** Threads wanted when the caller names none: `HINDSIGHT_WORKERS`, else one per core up to `MAX_DEFAULT_THREADS`. */
export function defaultThreads(env: string | undefined = process.env.HINDSIGHT_WORKERS, cores = availableParallelism()): number {
  return Number(env) || Math.min(cores, MAX_DEFAULT_THREADS)
}

/**
 * A worker's script, dist/workers/<name>.js (the bundled worker of scripts/bundle.mjs, or tsc's module), found from
 * the package root so a bundled chunk in dist/chunks/ finds it too; null when running from the TypeScript sources
 * (under vitest), which a worker thread cannot load: the work then runs on the main thread.
 */
export function workerScript(name: string): URL | null {
  return import.meta.url.endsWith('.ts') ? null : pathToFileURL(packagePath('dist', 'workers', `${name}.js`))
}
