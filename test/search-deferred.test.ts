/**
 * An edited-only build takes its search delta deferred (`startDeltaSearch(..., { deferred: true })`): the pass starts
 * writing its other files while the indexer runs, and awaits the same files an awaited delta gives.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { writeCacheValue } from '../src/cache/files.js'
import { recordHash, type BaseEntry, type SearchBase } from '../src/search/delta.js'
import { startDeltaSearch } from '../src/search/incremental.js'
import { searchRecord } from '../src/search/records.js'
import type { SiteDocument, StaticFile } from '../src/site/pages.js'
import { makeRecord as record } from './helpers/record.js'

/** The indexer's answer for the delta, given by each test when it chooses. */
let indexed: Promise<{ files: StaticFile[]; ids: Map<string, string> }> = Promise.resolve({ files: [], ids: new Map() })
vi.mock('../src/search/index.js', async (original) => ({
  ...(await original<typeof import('../src/search/index.js')>()),
  startRecordsIndex: async () => ({ bundle: indexed }),
}))

const made: string[] = []
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

const doc = (slug: string, summary = 'An outage.'): SiteDocument => ({ record: record({ slug, date: '2020-01-02', summary, tags: ['dns'] }), html: '' })

/** A cache folder holding a base index of 40 postmortems, and the sources of a warm build with the fourth edited. */
function warm(): { config: { base: string; sites: Record<string, string>; cacheDir: string }; sources: Array<{ key: string; doc: () => SiteDocument }> } {
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'hindsight-deferred-'))
  made.push(cacheDir)
  const config = { base: '/', sites: {}, cacheDir }
  const docs = Array.from({ length: 40 }, (_, i) => doc(`p${i}`))
  const entries: BaseEntry[] = docs.map((d, i) => {
    const r = searchRecord(d, config)
    return { key: `k${i}`, url: r.url, hash: recordHash(r), id: `en_${i}`, filters: r.filters, sort: r.sort.date! }
  })
  const base: SearchBase = { id: 'base', identity: 'same', entries }
  writeCacheValue(cacheDir, 'search-base', base)
  const sources = docs.map((d, i) => (i === 3 ? { key: 'k3-edited', doc: () => doc('p3', 'A different outage.') } : { key: `k${i}`, doc: () => d }))
  return { config, sources }
}

describe('a deferred search delta', () => {
  it('is returned while the indexer runs, and gives the same files as an awaited one', async () => {
    const { config, sources } = warm()
    let finish!: () => void
    const file: StaticFile = { path: 'pagefind/delta/fragment/en_x.pf_fragment', content: Buffer.from('x') }
    indexed = new Promise((resolve) => (finish = () => resolve({ files: [file], ids: new Map([['/p3/', 'en_x']]) })))
    const pass = (await startDeltaSearch('base:', sources, config, 'same', undefined, { deferred: true }))!
    expect(pass.kind).toBe('delta')
    let settled = false
    void pass.files!.then(() => (settled = true))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(settled).toBe(false)
    finish()
    const files = await pass.files!
    const awaited = (await startDeltaSearch('base:', sources, config, 'same'))!
    expect(files.map((f) => f.path)).toEqual(['pagefind/delta/fragment/en_x.pf_fragment', 'pagefind/delta.json'])
    expect(await awaited.files).toEqual(files)
    expect(awaited.key).toBe(pass.key)
  })
})
