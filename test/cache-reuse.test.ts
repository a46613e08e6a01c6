import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { createBuilder } from '../src/builder.js'
import { loadConfig } from '../src/config.js'
import * as pool from '../src/workers/pool.js'
import { makeProject, siteManifest } from './build-helpers.js'

vi.mock('../src/workers/pool.js', async (original) => {
  const actual = await original<typeof pool>()
  return { ...actual, normalizeMany: vi.fn(actual.normalizeMany) }
})
const normalized = (): number => vi.mocked(pool.normalizeMany).mock.calls.reduce((n, [items]) => n + items.length, 0)

const p = makeProject(2)
afterAll(() => rmSync(p.root, { recursive: true, force: true }))

describe('document cache', () => {
  it('a new process (builder) on a kept cache folder normalizes nothing, even with the site deleted, as CI with a cached .hindsight/', async () => {
    await createBuilder(p.config).build()
    expect(normalized()).toBe(p.files.length)
    const expected = siteManifest(p.config.outDir)
    rmSync(p.config.outDir, { recursive: true })
    vi.mocked(pool.normalizeMany).mockClear()
    const result = await createBuilder(p.config).build()
    expect(normalized()).toBe(0)
    expect(result.pagesWritten).toBe(expected.size)
    expect(siteManifest(p.config.outDir)).toEqual(expected)
  })

  it('normalizes only the edited file', async () => {
    vi.mocked(pool.normalizeMany).mockClear()
    writeFileSync(path.join(p.config.contentDir, p.files[0]!), '# Replaced postmortem\n\nThe summary changed entirely.\n')
    await createBuilder(p.config).build()
    expect(normalized()).toBe(1)
  })

  it('is invalidated by a normalize-relevant config change (default time zone) but not by the title', async () => {
    vi.mocked(pool.normalizeMany).mockClear()
    await createBuilder(loadConfig(p.root, { search: false, title: 'Another title' })).build()
    expect(normalized()).toBe(0)
    await createBuilder(loadConfig(p.root, { search: false, defaultTimezone: 'Europe/Berlin' })).build()
    expect(normalized()).toBe(p.files.length)
  })

  it('treats a corrupt cache as empty instead of failing', async () => {
    writeFileSync(path.join(p.config.cacheDir, 'documents', 'index.bin'), 'not a cache')
    rmSync(p.config.outDir, { recursive: true })
    vi.mocked(pool.normalizeMany).mockClear()
    const result = await createBuilder(loadConfig(p.root, { search: false, defaultTimezone: 'Europe/Berlin' })).build()
    expect(result.errors).toBe(0)
    expect(normalized()).toBe(p.files.length)
  })
})
