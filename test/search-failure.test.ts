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
vi.mock('pagefind', async (importOriginal) => {
  const real = await importOriginal<typeof import('pagefind')>()
  return {
    ...real,
    createIndex: async (...args: Parameters<typeof real.createIndex>) => {
      const created = await real.createIndex(...args)
      if (!created.index || !failWrite) return created
      const index = created.index
      return { ...created, index: { ...index, writeFiles: async () => ({ errors: ['disk full (simulated)'], outputPath: '' }) } }
    },
  }
})

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
      await new Promise((resolve) => setTimeout(resolve, 50))
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
