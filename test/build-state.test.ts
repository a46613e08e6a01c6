/**
 * The build state round-trips through its stored form (flat arrays of fields), and a state file of another layout
 * (an older Hindsight's objects keyed by path) is not read: the next build starts as if there were none.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readBuildState, writeBuildState, type BuildState } from '../src/build/state.js'
import { PIPELINE_VERSION } from '../src/constants.js'

const made: string[] = []
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

const state = (outDir: string): BuildState => ({
  pipeline: PIPELINE_VERSION,
  outDir,
  site: { ino: 12, mtimeMs: 1700000000000.5 },
  buildKey: 'b',
  optionsKey: 'o',
  startedAt: 1700000000123,
  searchKey: 'base:delta',
  inputs: new Map([
    ['a.md', { hash: 'ha', key: 'ka', size: 10, mtimeMs: 1.25, ino: 7 }],
    ['team/b.md', { hash: 'hb', key: 'kb', size: 0, mtimeMs: 2, ino: 8 }],
  ]),
  reports: [{ source: 'a.md', slug: 'a', diagnostics: [{ severity: 'info', message: 'm', line: 1, column: 1, ruleId: 'zone-missing' }] }],
  manifest: new Map([
    ['a/index.html', { inputHash: 'i1', outputHash: 'o1' }],
    ['postmortems.json', { inputHash: 'i2', outputHash: 'stream:i2' }],
  ]),
  structureKey: 's',
  archive: [
    { source: 'a.md', slug: 'a', listingKey: 'la', renamed: false },
    { source: 'team/b.md', slug: 'b-2', listingKey: 'lb', renamed: true },
  ],
  relatedId: 'r',
})

describe('the build state', () => {
  it('reads back as it was written', () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'hindsight-state-'))
    made.push(cacheDir)
    const written = state(path.join(cacheDir, 'site'))
    const stored = writeBuildState(cacheDir, written)
    // The manifest reads back packed (`build/manifest.ts`), with the same entries in the same order; the state is the one on disk.
    const read = readBuildState(cacheDir, written.outDir)!
    expect({ ...read, manifest: new Map(read.manifest) }).toEqual({ ...written, stored })
    expect(readBuildState(cacheDir, path.join(cacheDir, 'other-site'))).toBeNull()
  })

  it('is not read from a state file of another layout', () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'hindsight-state-'))
    made.push(cacheDir)
    const written = state(path.join(cacheDir, 'site'))
    writeBuildState(cacheDir, written)
    const file = path.join(
      cacheDir,
      readdirSync(cacheDir).find((n) => n.startsWith('state-'))!,
    )
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
    const older: Record<string, unknown> = { ...stored, inputs: Object.fromEntries(written.inputs), manifest: { 'a/index.html': ['i1', 'o1'] } }
    delete older.layout
    writeFileSync(file, JSON.stringify(older))
    expect(readBuildState(cacheDir, written.outDir)).toBeNull()
  })
})
