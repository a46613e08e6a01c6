/**
 * Cache entries (src/cache/entry.ts): a warm build plans from each entry's summary and copies its export line; the
 * rest of a document is read only for the pages rendered again, through one explicit call. These tests hold the
 * summary's document to being plain data whose body is the document itself, and a warm build to reading no more.
 */
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { deserialize } from 'node:v8'
import { describe, expect, it } from 'vitest'
import { createBuilder } from '../src/builder.js'
import { decodeEntry, decodeSummary, encodeEntry, entryLengths, ENTRY_HEADER } from '../src/cache/entry.js'
import { summaryDocument, summaryFacts } from '../src/build/summaries.js'
import { openIndex } from '../src/cache/integrity.js'
import { loadDocument, type LoadedDocument } from '../src/document.js'
import { planSite, type ArchiveDocument } from '../src/site/pages.js'
import { relatedIncidents, type RelatedSnapshot } from '../src/site/related.js'
import { createRenderer } from '../src/site/render.js'
import { makeProject, seedFiles, siteManifest } from './build-helpers.js'
import { warningsDuring } from './helpers/process.js'

const options = { defaultTimezone: null, tagVocabulary: {} }
const seeds = seedFiles().map(([source, text]) => loadDocument(source, Buffer.from(text), options))

/** The summary's document of an entry, and the entry's bytes. */
function fromEntry(doc: LoadedDocument): { summary: LoadedDocument<ArchiveDocument>; bytes: Uint8Array } {
  const bytes = encodeEntry(doc, summaryFacts(doc))
  const [head] = entryLengths(bytes)
  return { summary: summaryDocument(decodeSummary(bytes.subarray(ENTRY_HEADER, ENTRY_HEADER + head))), bytes }
}

/** Every property of an object graph, own and nested, is a plain value: no getter anywhere (a getter could read the disk). */
function plainData(value: unknown, seen = new Set<unknown>()): boolean {
  if (typeof value !== 'object' || value === null || seen.has(value)) return true
  seen.add(value)
  return Object.values(Object.getOwnPropertyDescriptors(value)).every((d) => !d.get && !d.set && plainData(d.value, seen))
}

describe('cache entries', () => {
  it('give back each seed document exactly as a whole (same JSON, key order too, same HTML), and its head as a summary', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(5)
    for (const doc of seeds) {
      const { summary, bytes } = fromEntry(doc)
      expect(JSON.stringify(decodeEntry(bytes))).toBe(JSON.stringify(doc))
      expect(decodeEntry(bytes)).toEqual(doc)
      const { sections, timeline, lessons, ...head } = doc.document!.record
      void [sections, timeline, lessons]
      expect(JSON.parse(JSON.stringify(summary.document!.record))).toEqual(JSON.parse(JSON.stringify(head)))
      expect(summary.document!.record.diagnostics).toEqual(doc.diagnostics)
      expect(summary.document!.images).toEqual(doc.document!.images)
    }
  })

  it('make a summary document of plain data: no getter, so a spread or JSON.stringify reads nothing', () => {
    for (const doc of seeds) {
      const { summary } = fromEntry(doc)
      expect(plainData(summary)).toBe(true)
      expect('html' in summary.document!).toBe(false)
      expect(summary.document!.record).not.toHaveProperty('sections', expect.anything())
    }
  })

  it('hold the export line: the record as compact JSON', () => {
    for (const doc of seeds) {
      const { bytes } = fromEntry(doc)
      const [head, line] = entryLengths(bytes)
      expect(Buffer.from(bytes.subarray(ENTRY_HEADER + head, ENTRY_HEADER + head + line)).toString()).toBe(JSON.stringify(doc.document!.record))
    }
  })

  it('relate records from their summaries alone (terms handed over): the same related incidents as the whole records', () => {
    expect(
      relatedIncidents(
        seeds.map((d) => fromEntry(d).summary.document!.record),
        2,
      ).bySlug,
    ).toEqual(
      relatedIncidents(
        seeds.map((d) => d.document!.record),
        2,
      ).bySlug,
    )
  })

  it('plan and render the stats and action items pages from the summaries alone, as from the whole documents', () => {
    expect(seeds.some((d) => d.document!.record.actionItems.length > 0)).toBe(true)
    const { config } = makeProject(0)
    const render = createRenderer(config)
    // Planned without a body reader: reading any summary's body would throw (`wholeDocument` serves whole documents only).
    const pages = (docs: ArchiveDocument[]): string[] =>
      // Keyed as the builder keys them (by cache key; here the slug), so planning hashes no document.
      planSite(docs, config, (d) => d.record.slug)
        .files.filter((f) => f.path === 'stats/index.html' || f.path === 'actions/index.html')
        .map((f) => `${f.key}\n${String(render(f))}`)
    const fromSummaries = pages(seeds.map((d) => fromEntry(d).summary.document!))
    expect(fromSummaries).toHaveLength(2)
    expect(fromSummaries).toEqual(pages(seeds.map((d) => d.document!)))
  })

  it('keep a document that failed (no record) as its diagnostics alone', () => {
    const failed = loadDocument('binary.md', new Uint8Array([0, 159, 146, 150, 0, 0]), options)
    expect(failed.document).toBeNull()
    expect(fromEntry(failed).summary).toEqual(failed)
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
