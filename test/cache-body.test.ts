/**
 * No hidden reads: the documents a warm build plans from are its cached summaries, plain data, and a body is read
 * only by the builder's one explicit call (`readBody`, `build/summaries.ts` `readDocumentBody`). A body the cache lost
 * is a `CacheError` naming the pack file at that call (never inside a template error), and the build says so in one
 * warning line and goes on without the cache.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createBuilder } from '../src/builder.js'
import { CacheError, TemplateError } from '../src/errors.js'
import { ownFiles, type ArchiveDocument } from '../src/site/pages.js'
import { createRenderer } from '../src/site/render.js'
import { makeProject, REPO, siteManifest } from './build-helpers.js'

/** The pack files of a project's document cache. */
const packFiles = (cacheDir: string): string[] =>
  readdirSync(path.join(cacheDir, 'documents'))
    .filter((n) => n.endsWith('.pack'))
    .map((n) => path.join(cacheDir, 'documents', n))

/** Overwrites every pack in place (same file, same length) with zeros: every part of every entry is damaged. */
const spoilPacks = (cacheDir: string): void => {
  for (const file of packFiles(cacheDir)) writeFileSync(file, Buffer.alloc(readFileSync(file).byteLength))
}

/** A project built once, and a second builder's documents after a warm build with no change: its cached summaries. */
async function summariesOfWarmBuild(): Promise<{
  config: ReturnType<typeof makeProject>['config']
  builder: ReturnType<typeof createBuilder>
  docs: ArchiveDocument[]
}> {
  const { config } = makeProject(2)
  await createBuilder(config).build()
  const builder = createBuilder(config)
  expect((await builder.build()).scope).toBe('unchanged')
  const docs = [...builder.documents.values()]
  expect(docs.length).toBeGreaterThan(5)
  return { config, builder, docs }
}

describe('a cached summary', () => {
  it('is plain data: with every pack damaged after loading, JSON.stringify and a spread of each document read nothing and succeed', async () => {
    const { config, docs } = await summariesOfWarmBuild()
    spoilPacks(config.cacheDir)
    for (const doc of docs) {
      expect(() => JSON.stringify(doc)).not.toThrow()
      const copy = { ...doc, record: { ...doc.record } }
      expect(copy.record.slug).toBe(doc.record.slug)
      // A summary holds no body: what a page needs of it is read by `readBody` alone.
      expect(JSON.stringify(doc)).not.toContain('"sections"')
    }
  })

  it('has its body read by the one explicit call: the whole document, equal to what the first build published', async () => {
    const { builder, docs } = await summariesOfWarmBuild()
    const { config } = makeProject(2)
    const cold = createBuilder(config)
    const built = await cold.build()
    const whole = new Map(built.documents.map((d) => [d.record.source, d]))
    for (const doc of docs) {
      const read = builder.readBody(doc)
      expect(JSON.stringify(read.record)).toBe(JSON.stringify(whole.get(doc.record.source)!.record))
      expect(read.html).toBe(whole.get(doc.record.source)!.html)
    }
  })
})

describe('a body the cache lost', () => {
  it('damaged: readBody throws a CacheError naming the pack file and the checksum', async () => {
    const { config, builder, docs } = await summariesOfWarmBuild()
    spoilPacks(config.cacheDir)
    const error = (() => {
      try {
        builder.readBody(docs[0]!)
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(CacheError)
    expect((error as Error).message).toMatch(/from .*\.pack \(.*checksum.*\); delete /)
    expect(packFiles(config.cacheDir).some((file) => (error as Error).message.includes(file))).toBe(true)
  })

  it('gone (its pack emptied): readBody throws a CacheError naming the pack file', async () => {
    const { config, builder, docs } = await summariesOfWarmBuild()
    for (const file of packFiles(config.cacheDir)) truncateSync(file, 0)
    expect(() => builder.readBody(docs[0]!)).toThrow(CacheError)
    expect(() => builder.readBody(docs[1]!)).toThrow(/is gone from .*\.pack; build again/)
  })

  it('surfaces as the CacheError itself when a page is rendered, not inside a TemplateError', async () => {
    const { config, builder, docs } = await summariesOfWarmBuild()
    spoilPacks(config.cacheDir)
    const [page] = ownFiles(docs[0]!, () => 'key', [], undefined, undefined, builder.readBody).filter((f) => f.path.endsWith('index.html'))
    const render = createRenderer(config)
    const error = (() => {
      try {
        render(page!)
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(CacheError)
    expect(error).not.toBeInstanceOf(TemplateError)
  })

  it('is reported by `hindsight build` as one warning line without a stack trace, and the site equals a cold build', async () => {
    const { root, config } = makeProject(2)
    writeFileSync(path.join(root, 'hindsight.config.json'), JSON.stringify({ search: false }))
    const cli = (): ReturnType<typeof spawnSync> =>
      spawnSync(process.execPath, [path.join(REPO, 'dist/cli.js'), 'build'], { cwd: root, encoding: 'utf8', timeout: 60_000 })
    expect(cli().status).toBe(0)
    const cold = siteManifest(config.outDir)
    // Every page must be rendered again (the site deleted), from summaries whose bodies are damaged.
    for (const file of packFiles(config.cacheDir)) {
      const bytes = readFileSync(file)
      writeFileSync(file, Buffer.concat([bytes.subarray(0, bytes.byteLength - 8), Buffer.alloc(8)]))
    }
    rmSync(config.outDir, { recursive: true })
    const run = cli()
    expect(run.status).toBe(0)
    const stderr = String(run.stderr)
    expect(stderr).toMatch(/HindsightCacheWarning: (Cannot read the cached document|A cached document in) /)
    expect(stderr).not.toMatch(/^\s+at /m)
    expect(stderr).not.toMatch(/TemplateError/)
    expect(siteManifest(config.outDir)).toEqual(cold)
  })
})
