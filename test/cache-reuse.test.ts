import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { createBuilder } from '../src/builder.js'
import { codeVersionKey } from '../src/cache/hash.js'
import { loadConfig } from '../src/config.js'
import type * as constants from '../src/constants.js'
import { PACKAGE_VERSION } from '../src/version.js'
import * as pool from '../src/workers/pool.js'
import { makeProject, siteManifest } from './build-helpers.js'

vi.mock('../src/workers/pool.js', async (original) => {
  const actual = await original<typeof pool>()
  return { ...actual, normalizeMany: vi.fn(actual.normalizeMany) }
})
// Stand-ins for an upgraded Hindsight: when set, they replace the package version, the code id and PIPELINE_VERSION everywhere.
const upgraded = vi.hoisted(() => ({ packageVersion: null as string | null, codeId: null as string | null, pipeline: null as number | null }))
vi.mock('../src/version.js', async (original) => {
  const actual = await original<{ PACKAGE_VERSION: string; CODE_ID: string }>()
  return {
    get PACKAGE_VERSION() {
      return upgraded.packageVersion ?? actual.PACKAGE_VERSION
    },
    get CODE_ID() {
      return upgraded.codeId ?? actual.CODE_ID
    },
  }
})
vi.mock('../src/constants.js', async (original) => {
  const actual = await original<typeof constants>()
  return {
    ...actual,
    get PIPELINE_VERSION() {
      return upgraded.pipeline ?? actual.PIPELINE_VERSION
    },
  }
})
const packs = (): string[] =>
  readdirSync(path.join(p.config.cacheDir, 'documents'))
    .filter((n) => n.endsWith('.pack'))
    .sort()

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

  it('keys on the version in package.json and PIPELINE_VERSION', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
    expect(PACKAGE_VERSION).toBe(pkg.version)
    expect(codeVersionKey()).toContain(pkg.version)
    expect(codeVersionKey()).toContain('pipeline-')
  })

  it('is invalidated when Hindsight itself changes: a new package version, a new PIPELINE_VERSION, then other code of the same version, each re-normalize everything and drop the old packs', async () => {
    const config = loadConfig(p.root, { search: false })
    await createBuilder(config).build()
    vi.mocked(pool.normalizeMany).mockClear()
    await createBuilder(config).build()
    expect(normalized()).toBe(0)
    const before = packs()

    upgraded.packageVersion = '99.0.0'
    await createBuilder(config).build()
    expect(normalized()).toBe(p.files.length)
    const afterPackage = packs()
    expect(afterPackage.some((n) => before.includes(n))).toBe(false)
    vi.mocked(pool.normalizeMany).mockClear()
    await createBuilder(config).build()
    expect(normalized()).toBe(0)

    upgraded.pipeline = 999
    await createBuilder(config).build()
    expect(normalized()).toBe(p.files.length)
    const afterPipeline = packs()
    expect(afterPipeline.some((n) => afterPackage.includes(n))).toBe(false)

    // Other code of the same version (another commit's bundle): nothing its cache holds is trusted.
    upgraded.codeId = 'another-bundle'
    vi.mocked(pool.normalizeMany).mockClear()
    await createBuilder(config).build()
    expect(normalized()).toBe(p.files.length)
    expect(packs().some((n) => afterPipeline.includes(n))).toBe(false)

    // Back to the real version: its old packs were removed, so it normalizes again rather than trusting anything stale.
    upgraded.packageVersion = null
    upgraded.pipeline = null
    upgraded.codeId = null
    vi.mocked(pool.normalizeMany).mockClear()
    await createBuilder(config).build()
    expect(normalized()).toBe(p.files.length)
  })
})
