/**
 * Cache entries (src/cache/entry.ts): a warm build plans from each entry's head and copies its export line; the
 * rest of a document is read only for the pages rendered again. These tests hold the lazy document to being the
 * document itself, and a warm build to reading no more than that.
 */
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { deserialize } from 'node:v8'
import { describe, expect, it } from 'vitest'
import { createBuilder } from '../src/builder.js'
import { decodeEntry, decodeSummary, encodeEntry, entryLengths, ENTRY_HEADER } from '../src/cache/entry.js'
import { documentFromSummary, summaryFacts } from '../src/build/summaries.js'
import { openIndex } from '../src/cache/integrity.js'
import { loadDocument, type LoadedDocument } from '../src/document.js'
import { planSite, type SiteDocument } from '../src/site/pages.js'
import { relatedIncidents, rootCauseTerms, type RelatedSnapshot } from '../src/site/related.js'
import { createRenderer } from '../src/site/render.js'
import { makeProject, seedFiles, siteManifest } from './build-helpers.js'
import { warningsDuring } from './helpers/process.js'

const options = { defaultTimezone: null, tagVocabulary: {} }
const seeds = seedFiles().map(([source, text]) => loadDocument(source, Buffer.from(text), options))

/** The lazy document of an entry, and how many times it read the rest of the entry. */
function fromEntry(doc: LoadedDocument): { lazy: LoadedDocument; reads: () => number; bytes: Uint8Array } {
  const bytes = encodeEntry(doc, summaryFacts(doc))
  const [head] = entryLengths(bytes)
  let reads = 0
  const lazy = documentFromSummary(decodeSummary(bytes.subarray(ENTRY_HEADER, ENTRY_HEADER + head)), () => {
    reads++
    return decodeEntry(bytes)
  })
  return { lazy, reads: () => reads, bytes }
}

describe('cache entries', () => {
  it('give back each seed document exactly: same JSON (key order too), same HTML, same diagnostics', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(5)
    for (const doc of seeds) {
      const { lazy } = fromEntry(doc)
      expect(JSON.stringify(lazy)).toBe(JSON.stringify(doc))
      expect(lazy.document!.html).toBe(doc.document!.html)
      expect(lazy.diagnostics).toBe(lazy.document!.record.diagnostics)
      expect(decodeEntry(fromEntry(doc).bytes)).toEqual(doc)
    }
  })

  it('read the rest of the entry only when a bulky field or the HTML is used, and keep none of it', () => {
    const { lazy, reads } = fromEntry(seeds[0]!)
    const { record } = lazy.document!
    void [record.title, record.tags, record.summary, record.metrics, record.date, record.diagnostics]
    // Action items are in the head: the stats and action items pages read every record's.
    expect(record.actionItems).toEqual(seeds[0]!.document!.record.actionItems)
    expect(reads()).toBe(0)
    expect(record.timeline).toEqual(seeds[0]!.document!.record.timeline)
    expect(reads()).toBe(1)
    void [record.sections, record.lessons, lazy.document!.html]
    expect(reads()).toBe(4)
    // A field set is kept as set.
    record.lessons = { wentWell: ['kept'], wentWrong: [], gotLucky: [], learned: [] }
    expect(record.lessons.wentWell).toEqual(['kept'])
    expect(reads()).toBe(4)
  })

  it('hold the export line: the record as compact JSON', () => {
    for (const doc of seeds) {
      const { bytes } = fromEntry(doc)
      const [head, line] = entryLengths(bytes)
      expect(Buffer.from(bytes.subarray(ENTRY_HEADER + head, ENTRY_HEADER + head + line)).toString()).toBe(JSON.stringify(doc.document!.record))
    }
  })

  it('relate records from their heads alone: same related incidents, no entry read', () => {
    const entries = seeds.map(fromEntry)
    const lazyRecords = entries.map((e) => e.lazy.document!.record)
    expect(lazyRecords.map(rootCauseTerms).length).toBe(seeds.length)
    const reads = entries.reduce((n, e) => n + e.reads(), 0)
    // rootCauseTerms above read the sections; fresh entries show relatedness itself reads none.
    const fresh = seeds.map(fromEntry)
    expect(
      relatedIncidents(
        fresh.map((e) => e.lazy.document!.record),
        2,
      ).bySlug,
    ).toEqual(
      relatedIncidents(
        seeds.map((d) => d.document!.record),
        2,
      ).bySlug,
    )
    expect(fresh.reduce((n, e) => n + e.reads(), 0)).toBe(0)
    expect(reads).toBe(seeds.length)
  })

  it('plan and render the stats and action items pages from the heads alone, as from the whole documents', () => {
    expect(seeds.some((d) => d.document!.record.actionItems.length > 0)).toBe(true)
    const { config } = makeProject(0)
    const render = createRenderer(config)
    const pages = (docs: SiteDocument[]): string[] =>
      // Keyed as the builder keys them (by cache key; here the slug), so planning hashes no document.
      planSite(docs, config, (d) => d.record.slug)
        .files.filter((f) => f.path === 'stats/index.html' || f.path === 'actions/index.html')
        .map((f) => `${f.key}\n${String(render(f))}`)
    const entries = seeds.map(fromEntry)
    const fromHeads = pages(entries.map((e) => e.lazy.document!))
    // Before, each record's body was read three times for these two pages: 30,000 reads at 10,000 postmortems.
    expect(entries.reduce((n, e) => n + e.reads(), 0)).toBe(0)
    expect(fromHeads).toHaveLength(2)
    expect(fromHeads).toEqual(pages(seeds.map((d) => d.document!)))
  })

  it('keep a document that failed (no record) as its diagnostics alone', () => {
    const failed = loadDocument('binary.md', new Uint8Array([0, 159, 146, 150, 0, 0]), options)
    expect(failed.document).toBeNull()
    const { lazy, reads } = fromEntry(failed)
    expect(lazy).toEqual(failed)
    expect(reads()).toBe(0)
  })
})

describe('a warm build after one edit', () => {
  it('reads the whole cached entry only of the postmortems whose pages it renders again', async () => {
    const { config, files } = makeProject(4)
    const built = await createBuilder(config).build()
    const edited = files.find((f) => f.includes('copy-2'))!
    const slugOf = new Map(built.documents.map((d) => [d.record.source, d.record.slug]))
    // The pages rendered again: the edited postmortem's, and those listing it among their related incidents.
    const memo = (deserialize(readFileSync(path.join(config.cacheDir, 'related.bin'))) as { value: RelatedSnapshot }).value
    const rendered = new Set([slugOf.get(edited)!, ...memo.slugs.filter((_, i) => memo.related[i]!.includes(slugOf.get(edited)!))])
    expect(rendered.size).toBeLessThan(built.documents.length / 2)

    // Spoil the whole-document part of every other cached entry: a build that read one would fail.
    const dir = path.join(config.cacheDir, 'documents')
    const index = deserialize(openIndex(readFileSync(path.join(dir, 'index.bin')))) as { keys: Record<string, [string, number, number, number, number]> }
    const packs = new Map(
      readdirSync(dir)
        .filter((n) => n.endsWith('.pack'))
        .map((n) => [n.slice(0, -5), readFileSync(path.join(dir, n))]),
    )
    let spoiled = 0
    for (const [pack, offset, length, head, line] of Object.values(index.keys)) {
      const source = (deserialize(packs.get(pack)!.subarray(offset + ENTRY_HEADER, offset + ENTRY_HEADER + head)) as { source: string }).source
      if (rendered.has(slugOf.get(source)!)) continue
      packs.get(pack)!.fill(0xff, offset + ENTRY_HEADER + head + line, offset + length)
      spoiled++
    }
    expect(spoiled).toBe(built.documents.length - rendered.size)
    for (const [id, bytes] of packs) writeFileSync(path.join(dir, `${id}.pack`), bytes)

    appendFileSync(path.join(config.contentDir, edited), '\nA sentence added later.\n')
    const warm = await createBuilder(config).build()
    expect(warm.errors).toBe(0)
    expect(readFileSync(path.join(config.outDir, slugOf.get(edited)!, 'index.html'), 'utf8')).toContain('A sentence added later.')
    expect(readFileSync(path.join(config.outDir, 'postmortems.json'), 'utf8')).toContain('A sentence added later.')

    // The check is real: a build that must render every page again (the site deleted) trips on a spoiled entry,
    // says so, drops the cache and normalizes every file again.
    rmSync(config.outDir, { recursive: true })
    const [rebuilt, warnings] = await warningsDuring(() => createBuilder(config).build())
    expect(warnings.join('\n')).toMatch(/HindsightCacheWarning: Cannot read the cached document .*; the cache is discarded/)
    expect(rebuilt.errors).toBe(0)
    const cold = makeProject(4)
    appendFileSync(path.join(cold.config.contentDir, edited), '\nA sentence added later.\n')
    await createBuilder(cold.config).build()
    expect(siteManifest(config.outDir)).toEqual(siteManifest(cold.config.outDir))
    // The cache written again is whole: a fresh build reads it without a warning.
    rmSync(config.outDir, { recursive: true })
    expect((await warningsDuring(() => createBuilder(config).build()))[1]).toEqual([])
    expect(siteManifest(config.outDir)).toEqual(siteManifest(cold.config.outDir))
  })
})

describe('compaction', () => {
  it('rewrites the packs with the live entries alone once dead ones dominate, and a new builder reads them all', async () => {
    const { config, files } = makeProject(1)
    const builder = createBuilder(config)
    await builder.build()
    const dir = path.join(config.cacheDir, 'documents')
    const stored = (): { entries: number; keys: number; packs: number } => {
      const index = deserialize(openIndex(readFileSync(path.join(dir, 'index.bin')))) as { packs: Record<string, number>; keys: Record<string, unknown> }
      return {
        entries: Object.values(index.packs).reduce((a, b) => a + b, 0),
        keys: Object.keys(index.keys).length,
        packs: readdirSync(dir).filter((n) => n.endsWith('.pack')).length,
      }
    }
    const target = path.join(config.contentDir, files[0]!)
    let most = 0
    for (let n = 0; n < 40; n++) {
      appendFileSync(target, `\nEdit number ${n}.\n`)
      await builder.update([target])
      most = Math.max(most, stored().entries)
    }
    // Each edit left a dead entry behind until a flush compacted them away.
    expect(most).toBeGreaterThan(files.length + 20)
    const after = stored()
    expect(after.entries).toBeLessThan(most)
    expect(after.packs).toBeLessThanOrEqual(after.entries)

    const again = { ...config, outDir: `${config.outDir}-again` }
    const rebuilt = await createBuilder(again).build()
    expect(rebuilt.errors).toBe(0)
    expect(readFileSync(path.join(again.outDir, rebuilt.documents.find((d) => d.record.source === files[0])!.record.slug, 'index.html'), 'utf8')).toContain(
      'Edit number 39.',
    )
    expect(stored().entries).toBe(after.entries)
  })
})
