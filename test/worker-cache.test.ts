/**
 * The compiled builder (vitest runs the sources, where worker threads are off) normalizes 60 files on two worker
 * threads, which send each document serialised; those bytes go into the cache as they arrive. The cache must then
 * hold every document exactly as built, and a build from it must reproduce the site byte for byte.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { deserialize } from 'node:v8'
import { describe, expect, it } from 'vitest'
import { makeProject, REPO, siteManifest } from './build-helpers.js'
import { openIndex } from '../src/cache/integrity.js'

type DistBuilder = typeof import('../src/builder.js')

describe('worker-normalized documents in the cache', () => {
  it('caches every document as built and rebuilds the same site from the cache alone', async () => {
    const { createBuilder } = (await import(path.join(REPO, 'dist', 'builder.js'))) as DistBuilder
    const { config } = makeProject(12)
    const first = createBuilder(config, { workers: 2 })
    const built = await first.build()
    expect(built.files).toHaveLength(60)
    const before = siteManifest(config.outDir)
    // The same content normalized inline, without a cache, builds the same site (the worker build kept entries' heads only).
    const inline = { ...config, outDir: `${config.outDir}-inline`, cacheDir: `${config.cacheDir}-inline` }
    await createBuilder(inline, { workers: 0 }).build()
    expect(siteManifest(inline.outDir)).toEqual(before)

    const dir = path.join(config.cacheDir, 'documents')
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([])
    const index = deserialize(openIndex(readFileSync(path.join(dir, 'index.bin')))) as { keys: Record<string, [string, number, number, number, number]> }
    const entries = Object.values(index.keys)
    expect(entries).toHaveLength(60)
    const { decodeEntry } = (await import(path.join(REPO, 'dist', 'cache', 'entry.js'))) as typeof import('../src/cache/entry.js')
    const cached = entries.map(([pack, offset, length]) => decodeEntry(readFileSync(path.join(dir, `${pack}.pack`)).subarray(offset, offset + length)))
    const bySource = new Map(cached.map((doc) => [doc.source, doc]))
    // The builder's documents are the entries' summaries: each is read whole by the one explicit call.
    for (const [source, doc] of first.documents) expect(bySource.get(source)?.document?.record).toEqual(first.readBody(doc).record)

    rmSync(config.outDir, { recursive: true })
    // A new builder has nothing in memory: every document comes from the packs (workers: 0 would normalize inline).
    const again = await createBuilder(config, { workers: 0 }).build()
    expect(again.files.map((f) => f.source).sort()).toEqual(built.files.map((f) => f.source).sort())
    expect(siteManifest(config.outDir)).toEqual(before)

    // Proof the documents came from the packs: a title edited inside the cache (same length) is read, found not to
    // match its checksum, and never published; the document is normalized again instead.
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.pack'))) {
      const file = path.join(dir, name)
      writeFileSync(file, Buffer.from(readFileSync(file).toString('latin1').replaceAll('(copy 11)', '(COPY 11)'), 'latin1'))
    }
    rmSync(config.outDir, { recursive: true })
    const warnings: string[] = []
    const listen = (warning: Error): void => void warnings.push(warning.message)
    process.on('warning', listen)
    try {
      await createBuilder(config, { workers: 0 }).build()
      await new Promise((resolve) => setImmediate(resolve))
    } finally {
      process.off('warning', listen)
    }
    expect(warnings.join('\n')).toMatch(/checksum/)
    expect(readFileSync(path.join(config.outDir, 'index.html'), 'utf8')).not.toContain('(COPY 11)')
    expect(siteManifest(config.outDir)).toEqual(before)
  }, 60_000)

  it('normalizes on the main thread the batch of a worker that dies, and caches it too', async () => {
    const { createBuilder } = (await import(path.join(REPO, 'dist', 'builder.js'))) as DistBuilder
    const { config, files } = makeProject(12)
    const victim = files[17]!
    process.env.HINDSIGHT_TEST_WORKER_CRASH_ON = victim
    try {
      const built = await createBuilder(config, { workers: 2 }).build()
      expect(built.files).toHaveLength(60)
      expect(built.errors).toBe(0)
      const doc = built.documents.find((d) => d.record.source === victim)!
      expect(readFileSync(path.join(config.outDir, doc.record.slug, 'index.html'), 'utf8')).toContain('<h1>')
    } finally {
      delete process.env.HINDSIGHT_TEST_WORKER_CRASH_ON
    }
    const index = deserialize(openIndex(readFileSync(path.join(config.cacheDir, 'documents', 'index.bin')))) as { keys: Record<string, unknown> }
    expect(Object.keys(index.keys)).toHaveLength(60)
  }, 60_000)
})
