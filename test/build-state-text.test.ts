/**
 * The build state is written in pieces (`build/state-text.ts`): the same text `JSON.stringify` gave of its stored form,
 * but never one string (88 MB at 100,000 postmortems, the cold build's last peak).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { Batches, jsonPieces, PIECE_CHARS, StreamedList, StreamedText } from '../src/build/state-text.js'
import { readBuildState, writeBuildState, type BuildState } from '../src/build/state.js'
import { PackedManifest } from '../src/build/manifest.js'
import { PIPELINE_VERSION } from '../src/constants.js'

const made: string[] = []
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

/** A state read back with its packed manifest (`build/manifest.ts`) as a plain Map, to compare with the state written. */
const unpacked = (state: BuildState | null): BuildState | null => state && { ...state, manifest: new Map(state.manifest) }

describe('the build state written in pieces', () => {
  it('is the text JSON.stringify gives, undefined fields and elements as it writes them', () => {
    const list = ['a', 1, undefined, { x: [1, 'ü\u2028"'] }, null, 2.5]
    const fields = [
      ['n', 3],
      ['gone', undefined],
      ['s', { ino: 1, mtimeMs: 2.25 }],
      ['list', new StreamedList(list)],
      ['empty', new StreamedList([])],
      ['last', null],
    ] as const
    const whole = JSON.stringify({ n: 3, gone: undefined, s: { ino: 1, mtimeMs: 2.25 }, list, empty: [], last: null })
    expect([...jsonPieces(fields)].join('')).toBe(whole)
    const small = [...jsonPieces(fields, 8)]
    expect(small.length).toBeGreaterThan(3)
    expect(small.join('')).toBe(whole)
    expect([...jsonPieces([['only', undefined]])].join('')).toBe('{}')
    const parts = ['a/index.html', 'x"\\y', '', 'ü\u2028', 'z']
    const text = [...jsonPieces([['t', new StreamedText(parts, '\u0000')]], 4)]
    expect(text.join('')).toBe(JSON.stringify({ t: parts.join('\u0000') }))
    expect([...jsonPieces([['t', new StreamedText([], '\u0000')]])].join('')).toBe('{"t":""}')
    // Grouped by their maker (empty groups skipped): the same texts.
    expect([...jsonPieces([['t', new StreamedText(new Batches([parts.slice(0, 2), [], parts.slice(2)]), '\u0000')]], 4)].join('')).toBe(
      JSON.stringify({ t: parts.join('\u0000') }),
    )
    expect([...jsonPieces([['l', new StreamedList(new Batches([[], list.slice(0, 3), list.slice(3)]))]])].join('')).toBe(JSON.stringify({ l: list }))
  })

  it('never holds more than a piece and one batch (2,048 elements) of a long list', () => {
    const items = Array.from({ length: 50_000 }, (_, i) => `${i}`.padStart(32, '0'))
    const pieces = [...jsonPieces([['manifest', new StreamedList(items)]])]
    expect(pieces.length).toBeGreaterThan(20)
    for (const piece of pieces) expect(piece.length).toBeLessThan(PIECE_CHARS + 2048 * 35)
  })

  it('is the stored form as one JSON text (inputs as fields, manifest and archive as NUL-joined texts) and reads back', () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'hindsight-state-text-'))
    made.push(cacheDir)
    const manifest = new Map(Array.from({ length: 5000 }, (_, i) => [`p${i}/index.html`, { inputHash: `i${i}`, outputHash: `o${i}` }]))
    const state: BuildState = {
      pipeline: PIPELINE_VERSION,
      outDir: path.join(cacheDir, 'site'),
      site: { ino: 12, mtimeMs: 1700000000000.5 },
      buildKey: 'b',
      startedAt: 1700000000123,
      searchKey: null,
      inputs: new Map([['a.md', { hash: 'ha', key: 'ka', size: 10, mtimeMs: 1.25, ino: 7 }]]),
      reports: [{ source: 'a.md', slug: 'a', diagnostics: [] }],
      manifest,
      structureKey: 's',
      archive: [{ source: 'a.md', slug: 'a', listingKey: 'la', renamed: true }],
      relatedId: null,
    }
    const { id } = writeBuildState(cacheDir, state)!
    const file = path.join(
      cacheDir,
      readdirSync(cacheDir).find((n) => n.startsWith('state-'))!,
    )
    const stored = {
      pipeline: PIPELINE_VERSION,
      layout: 'flat-2',
      outDir: state.outDir,
      site: state.site,
      buildKey: 'b',
      optionsKey: undefined,
      startedAt: state.startedAt,
      searchKey: null,
      inputs: ['a.md', 'ha', 'ka', 10, 1.25, 7],
      reports: state.reports,
      manifest: [...manifest].flatMap(([p, e]) => [p, e.inputHash, e.outputHash]).join('\u0000'),
      shape: 's',
      archive: ['a.md', 'a', 'la', '1'].join('\u0000'),
      relatedId: null,
      id,
    }
    expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(stored))
    const mark = { id, lines: 0, bytes: 0 }
    expect(unpacked(readBuildState(cacheDir, state.outDir))).toEqual({ ...state, optionsKey: undefined, stored: mark })
    // The last layout (manifest and archive as arrays of fields) is still read.
    writeFileSync(file, JSON.stringify({ ...stored, layout: 'flat-1', manifest: stored.manifest.split('\u0000'), archive: ['a.md', 'a', 'la', 1] }))
    expect(unpacked(readBuildState(cacheDir, state.outDir))).toEqual({ ...state, optionsKey: undefined, stored: mark })
  })

  it('splits the manifest and the archive only when asked (a build with no change never does), and takes them as set', () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'hindsight-state-lazy-'))
    made.push(cacheDir)
    const outDir = path.join(cacheDir, 'site')
    const manifest = new Map([['a/index.html', { inputHash: 'i', outputHash: 'o' }]])
    const archive = [{ source: 'a.md', slug: 'a', listingKey: 'la', renamed: false }]
    const base = { pipeline: PIPELINE_VERSION, outDir, site: null, buildKey: 'b', startedAt: 1, searchKey: null, inputs: new Map(), reports: [] }
    writeBuildState(cacheDir, { ...base, manifest, archive })
    const read = readBuildState(cacheDir, outDir)!
    // The manifest is decoded from the stored text in place (PackedManifest.fromText), once, when first asked for.
    const decode = vi.spyOn(PackedManifest, 'fromText')
    expect(read.buildKey).toBe('b')
    expect(decode).not.toHaveBeenCalled()
    expect(new Map(read.manifest)).toEqual(manifest)
    expect(decode).toHaveBeenCalledTimes(1)
    expect(read.manifest).toBe(read.manifest)
    decode.mockRestore()
    expect(read.archive).toEqual(archive)
    const next = new Map([['b/index.html', { inputHash: 'j', outputHash: 'p' }]])
    read.manifest = next
    expect(read.manifest).toBe(next)
    writeBuildState(cacheDir, { ...base, manifest: new Map(), archive: undefined })
    expect(unpacked(readBuildState(cacheDir, outDir))).toMatchObject({ manifest: new Map(), archive: undefined })
  })
})
