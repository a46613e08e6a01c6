/**
 * How many threads normalize (src/workers/pool.ts, `hindsight build --workers`): the policy, the option's parsing, the
 * option reaching the pool, and the heap room a worker gets (a small old-generation cap made workers collect twice
 * as often as the main thread).
 */
import { rmSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { build } from '../src/build.js'
import { parseWorkers } from '../src/commands/build.js'
import { UsageError } from '../src/errors.js'
import * as pool from '../src/workers/pool.js'
import { defaultThreads, MAX_DEFAULT_THREADS, threadCount, WORKER_LIMITS } from '../src/workers/pool.js'
import { makeProject } from './build-helpers.js'

vi.mock('../src/workers/pool.js', async (original) => {
  const actual = await original<typeof pool>()
  return { ...actual, normalizeMany: vi.fn(actual.normalizeMany) }
})

describe('threadCount', () => {
  it('one thread is the main thread alone; N >= 2 starts N worker threads', () => {
    expect(threadCount(1, 1000)).toBe(0)
    expect(threadCount(2, 1000)).toBe(2)
    expect(threadCount(4, 1000)).toBe(4)
  })

  it('starts no threads for a few files, and never more threads than batches', () => {
    expect(threadCount(4, 47)).toBe(0)
    expect(threadCount(8, 48)).toBe(3)
    expect(threadCount(8, 1000)).toBe(8)
  })

  it('without a request, uses the default: HINDSIGHT_WORKERS, else one per core up to a cap', () => {
    expect(threadCount(undefined, 1000, 3)).toBe(3)
    expect(threadCount(undefined, 1000, 1)).toBe(0)
    expect(defaultThreads(undefined, 2)).toBe(2)
    expect(defaultThreads(undefined, 64)).toBe(MAX_DEFAULT_THREADS)
    expect(defaultThreads('3', 64)).toBe(3)
    expect(defaultThreads('', 4)).toBe(4)
  })
})

describe('--workers', () => {
  it('accepts a whole number from 1 to 64 and refuses anything else as a usage error', () => {
    expect(parseWorkers(undefined)).toBeUndefined()
    expect(parseWorkers('1')).toBe(1)
    expect(parseWorkers('4')).toBe(4)
    for (const bad of ['0', '65', '1.5', '-2', 'two', '', '1e1']) expect(() => parseWorkers(bad), bad).toThrow(UsageError)
  })

  const made: string[] = []
  afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

  it('build() hands the thread count to the pool', async () => {
    const { root, config } = makeProject(1)
    made.push(root)
    await build(config, { workers: 3 })
    expect(vi.mocked(pool.normalizeMany).mock.calls.map((call) => call[2])).toEqual([3])
  })
})

describe('a worker heap', () => {
  it('gets the main thread’s growth room (a 2 GB old generation, where V8 lets it grow 4x between full collections)', async () => {
    const code = `require('node:worker_threads').parentPort.postMessage(require('node:v8').getHeapStatistics().heap_size_limit)`
    const worker = new Worker(code, { eval: true, resourceLimits: WORKER_LIMITS })
    const limit = await new Promise<number>((resolve, reject) => worker.once('message', resolve).once('error', reject))
    await worker.terminate()
    // The limit is the old generation plus the young one (3 x 16 MB by default); the old 256 MB cap gave 304 MB.
    expect(limit / 2 ** 20).toBeGreaterThanOrEqual(2048)
  })
})
