import { afterAll, beforeAll, expect, test } from 'vitest'
import { measureSearchPayload } from '../../bench/payload.mjs'
import { buildSite, CHROMIUM_PATH, describeBrowser, type BuiltSite } from './harness.js'

describeBrowser('search payload measurement (what npm run bench reports)', () => {
  let site: BuiltSite

  beforeAll(async () => {
    site = await buildSite({ base: '/archive/' })
  })

  afterAll(async () => {
    await site?.cleanup()
  })

  test('counts the library and index for the first query, and only the filter index and fragments for the follow-up', async () => {
    const year = site.result.documents.map((d) => d.record.date?.slice(0, 4)).find(Boolean)
    expect(year, 'a seed with a date').toBeDefined()
    const payload = await measureSearchPayload(site.outDir, '/archive/', 'database', { year: [year as string] }, { chromiumPath: CHROMIUM_PATH })
    const first = payload.requests.filter((r) => r.step === 'first').map((r) => r.path)
    const filtered = payload.requests.filter((r) => r.step === 'filtered').map((r) => r.path)
    expect(first).toEqual(expect.arrayContaining(['/search/', '/assets/search.js', '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json']))
    expect(first.some((p) => p.startsWith('/pagefind/index/'))).toBe(true)
    expect(first.some((p) => p.startsWith('/pagefind/fragment/'))).toBe(true)
    // The first query must not pay for filter indexes: they load when a reader opens a filter.
    expect(first.filter((p) => p.startsWith('/pagefind/filter/'))).toEqual([])
    expect(filtered.filter((p) => p.startsWith('/pagefind/filter/'))).toHaveLength(1)
    expect(filtered).not.toContain('/pagefind/pagefind.js')
    expect(payload.firstQueryResults).toMatch(/postmortems? for “database”/)
    expect(payload.filteredQueryResults).toMatch(new RegExp(`with year ${year}`))
    expect(payload.firstQueryBytes).toBe(payload.requests.filter((r) => r.step === 'first').reduce((n, r) => n + r.bytes, 0))
    expect(payload.firstQueryGzipBytes).toBeLessThan(payload.firstQueryBytes)
    expect(payload.filteredQueryBytes).toBeGreaterThan(0)
  })
})
