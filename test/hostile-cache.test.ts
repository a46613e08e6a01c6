/**
 * The cache cannot publish damage or stop a build (issue 19 §2, §3): every entry part is checked against its digest
 * when read, the index against its own, files are flushed before the rename that publishes them, and a cache that
 * cannot be written is left behind (no half-written pack) while the build goes on.
 */
import fs, { mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createBuilder } from '../src/builder.js'
import { projectsForThisFile, siteManifest } from './build-helpers.js'
import { warningsDuring } from './helpers/process.js'

const project = projectsForThisFile()

/** A cold build of the same project, for comparison. */
async function coldSite(copies: number): Promise<Map<string, string>> {
  const cold = project(copies)
  await createBuilder(cold.config, { workers: 0 }).build()
  return siteManifest(cold.config.outDir)
}

const packsOf = (cacheDir: string): string[] =>
  readdirSync(path.join(cacheDir, 'documents'))
    .filter((n) => n.endsWith('.pack'))
    .map((n) => path.join(cacheDir, 'documents', n))

const fdPath = (fd: number): string => readlinkSync(`/proc/self/fd/${fd}`)

/** Replaces a function of `node:fs` for the named imports of the code under test too, until `restore`. */
const patched: Array<() => void> = []
function patchFs<K extends 'writeSync' | 'fsyncSync' | 'renameSync'>(name: K, make: (original: (typeof fs)[K]) => (typeof fs)[K]): void {
  const original = fs[name]
  ;(fs as Record<K, unknown>)[name] = make(original)
  syncBuiltinESMExports()
  patched.push(() => {
    ;(fs as Record<K, unknown>)[name] = original
    syncBuiltinESMExports()
  })
}
afterEach(() => {
  while (patched.length) patched.pop()!()
})

describe('damage inside the cache', () => {
  it('zeroed bytes inside a pack are never published: the entry is normalized again, with a warning', async () => {
    const p = project(4)
    await createBuilder(p.config, { workers: 0 }).build()
    const expected = siteManifest(p.config.outDir)
    for (const pack of packsOf(p.config.cacheDir)) {
      const bytes = readFileSync(pack)
      bytes.fill(0, Math.floor(bytes.length / 3), Math.floor(bytes.length / 3) + 4096)
      writeFileSync(pack, bytes)
    }
    rmSync(p.config.outDir, { recursive: true })
    const [built, warnings] = await warningsDuring(() => createBuilder(p.config, { workers: 0 }).build())
    expect(built.errors).toBe(0)
    expect(warnings.join('\n')).toMatch(/HindsightCacheWarning: .*(checksum|damaged)/)
    expect(siteManifest(p.config.outDir)).toEqual(expected)
    for (const page of readdirSync(p.config.outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') || f.endsWith('.json'))) {
      expect(readFileSync(path.join(p.config.outDir, page), 'utf8').includes('\u0000'), page).toBe(false)
    }
  })

  it('a same-length edit of the index is detected and the cache ignored', async () => {
    const p = project(2)
    await createBuilder(p.config, { workers: 0 }).build()
    const index = path.join(p.config.cacheDir, 'documents', 'index.bin')
    const bytes = readFileSync(index)
    bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 0x20
    writeFileSync(index, bytes)
    rmSync(p.config.outDir, { recursive: true })
    const built = await createBuilder(p.config, { workers: 0 }).build()
    expect(built.errors).toBe(0)
    expect(siteManifest(p.config.outDir)).toEqual(await coldSite(2))
  })
})

describe('a cache that cannot be written', () => {
  it('a cache folder that cannot hold packs: the build warns and goes on, equal to a cold build', async () => {
    const p = project(2)
    mkdirSync(p.config.cacheDir, { recursive: true })
    writeFileSync(path.join(p.config.cacheDir, 'documents'), 'a file where the pack folder should be')
    const [built, warnings] = await warningsDuring(() => createBuilder(p.config, { workers: 0 }).build())
    expect(built.errors).toBe(0)
    expect(warnings.join('\n')).toMatch(/HindsightCacheWarning: Cannot write the cache in .*; this build goes on without it/)
    expect(siteManifest(p.config.outDir)).toEqual(await coldSite(2))
  })

  it('a full disk mid-pack: the half-written pack is removed, the build goes on without the cache, and the next build is whole', async () => {
    const p = project(3)
    const cacheRoot = path.resolve(p.config.cacheDir)
    let cacheWrites = 0
    patchFs(
      'writeSync',
      (original) =>
        ((fd: number, ...rest: unknown[]) => {
          if (fdPath(fd).startsWith(cacheRoot) && ++cacheWrites > 3)
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
          return (original as (...args: unknown[]) => number)(fd, ...rest)
        }) as typeof fs.writeSync,
    )
    const [built, warnings] = await warningsDuring(() => createBuilder(p.config, { workers: 0 }).build())
    patched.pop()!()
    expect(cacheWrites).toBeGreaterThan(3)
    expect(built.errors).toBe(0)
    expect(warnings.join('\n')).toMatch(/Cannot write the cache in .*ENOSPC/)
    const expected = await coldSite(3)
    expect(siteManifest(p.config.outDir)).toEqual(expected)
    const left = readdirSync(p.config.cacheDir, { recursive: true, encoding: 'utf8' })
    expect(left.filter((n) => n.includes('.tmp'))).toEqual([])
    // The disk has room again: the next build (site removed, so every page is rendered from the cache) is whole.
    rmSync(p.config.outDir, { recursive: true })
    const [again, later] = await warningsDuring(() => createBuilder(p.config, { workers: 0 }).build())
    expect(again.errors).toBe(0)
    expect(later).toEqual([])
    expect(siteManifest(p.config.outDir)).toEqual(expected)
  })
})

describe('durability', () => {
  it('flushes every pack, the index and the build state to the disk before the rename that publishes it', async () => {
    const p = project(2)
    const synced = new Set<string>()
    const published: Array<{ from: string; synced: boolean }> = []
    patchFs(
      'fsyncSync',
      (original) =>
        ((fd: number) => {
          synced.add(fdPath(fd))
          return original(fd)
        }) as typeof fs.fsyncSync,
    )
    patchFs(
      'renameSync',
      (original) =>
        ((from: fs.PathLike, to: fs.PathLike) => {
          const absolute = path.resolve(String(from))
          if (absolute.startsWith(path.resolve(p.config.cacheDir))) published.push({ from: absolute, synced: synced.has(absolute) })
          return original(from, to)
        }) as typeof fs.renameSync,
    )
    await createBuilder(p.config, { workers: 0 }).build()
    expect(published.some((r) => r.from.endsWith('.pack.tmp'))).toBe(true)
    expect(published.some((r) => r.from.includes('index.bin.tmp'))).toBe(true)
    expect(published.filter((r) => !r.synced)).toEqual([])
  })
})
