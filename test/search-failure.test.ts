/**
 * The search index is written by Pagefind while the pages render. When the indexer fails, the build fails as a whole:
 * the previous site stays as it was, and nothing is left unhandled.
 */
import { appendFileSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { build } from '../src/build.js'
import { projectsForThisFile, siteManifest } from './build-helpers.js'

let failWrite = false
/** One promise per indexer call, settled when that call's promise settles (so the test knows the indexer is done). */
const calls: Array<Promise<void>> = []

/**
 * The index with each method's promise handed on as a fresh promise: the build sees the same outcome, while the test
 * can wait for every call to settle without attaching a handler to what the build holds (which would hide a rejection
 * the build left unhandled).
 */
function tracked<T extends object>(index: T): T {
  return new Proxy(index, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args)
        if (!(result instanceof Promise)) return result
        calls.push(
          result.then(
            () => undefined,
            () => undefined,
          ),
        )
        return new Promise((resolve, reject) => void result.then(resolve, reject))
      }
    },
  })
}

vi.mock('pagefind', async (importOriginal) => {
  const real = await importOriginal<typeof import('pagefind')>()
  return {
    ...real,
    createIndex: async (...args: Parameters<typeof real.createIndex>) => {
      const created = await real.createIndex(...args)
      if (!created.index || !failWrite) return created
      const index = created.index
      return { ...created, index: tracked({ ...index, writeFiles: async () => ({ errors: ['disk full (simulated)'], outputPath: '' }) }) }
    },
  }
})

/** Waits until every indexer call has settled, then one turn of the event loop, after which Node has reported any rejection left unhandled. */
async function indexerSettled(): Promise<void> {
  for (let seen = -1; seen !== calls.length;) {
    seen = calls.length
    await Promise.all(calls)
  }
  await new Promise((resolve) => setImmediate(resolve))
}

const project = projectsForThisFile()

describe('a failing search indexer', () => {
  it('fails the build after the pages rendered, and leaves the previous site whole', async () => {
    const p = project(1, { search: true })
    await build(p.config)
    const before = siteManifest(p.config.outDir)
    const unhandled: unknown[] = []
    const listen = (reason: unknown): void => void unhandled.push(reason)
    process.on('unhandledRejection', listen)
    try {
      failWrite = true
      appendFileSync(path.join(p.config.contentDir, p.files[0]!), '\nA later note.\n')
      await expect(build(p.config)).rejects.toThrow(/Cannot build the search index: disk full \(simulated\)/)
      await indexerSettled()
      expect(calls.length).toBeGreaterThan(0)
    } finally {
      failWrite = false
      process.off('unhandledRejection', listen)
    }
    expect(unhandled).toEqual([])
    expect(siteManifest(p.config.outDir)).toEqual(before)
    expect(readFileSync(path.join(p.config.outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')).toContain('"version"')
    // The next build, with a working indexer, completes.
    await build(p.config)
    expect(siteManifest(p.config.outDir).get('pagefind/pagefind-entry.json')).toBeDefined()
  })
})
