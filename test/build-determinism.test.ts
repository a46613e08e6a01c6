import { rmSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { createBuilder } from '../src/builder.js'
import { discoverContent } from '../src/content/discover.js'
import { makeProject, siteManifest } from './build-helpers.js'

const roots: string[] = []
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true })
})

/** Discovery that lists files in a seeded random order, as a file system might. */
const shuffled =
  (seed: number): typeof discoverContent =>
  async (dir) => {
    const found = await discoverContent(dir)
    let s = seed
    const random = (): number => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648
    const files = [...found.files]
    for (let i = files.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[files[i], files[j]] = [files[j]!, files[i]!]
    }
    return { ...found, files }
  }

describe('deterministic builds', () => {
  it('two builds of the same content are byte-identical whatever order the files are listed or created in', async () => {
    const manifests = []
    for (const [order, seed] of [
      ['forward', 1],
      ['reverse', 2],
      ['forward', 3],
    ] as const) {
      const p = makeProject(3, { search: true }, order)
      roots.push(p.root)
      await createBuilder(p.config, { discover: shuffled(seed) }).build()
      manifests.push(siteManifest(p.config.outDir))
    }
    expect(manifests[0]!.size).toBeGreaterThan(20)
    expect([...manifests[0]!.keys()].some((k) => k.startsWith('pagefind/'))).toBe(true)
    expect(manifests[1]).toEqual(manifests[0])
    expect(manifests[2]).toEqual(manifests[0])
  })
})
