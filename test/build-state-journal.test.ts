/**
 * The build state's journal (`build/state-journal.ts`): a save of a few changes from the state on disk appends a line
 * instead of writing the state whole, and the state read back is the one saved; a torn line, a line of another stored
 * state, a full pass's manifest or too many lines make the journal end or the state be written whole.
 */
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { PackedManifest } from '../src/build/manifest.js'
import { lastStateForFullPass } from '../src/build/save-state.js'
import { MAX_LINES } from '../src/build/state-journal.js'
import { readBuildState, writeBuildState, type BuildState, type ManifestEntry } from '../src/build/state.js'
import { PIPELINE_VERSION } from '../src/constants.js'

const made: string[] = []
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

const hex = (n: number): string => n.toString(16).padStart(32, '0')

const first = (outDir: string): BuildState => ({
  pipeline: PIPELINE_VERSION,
  outDir,
  site: { ino: 12, mtimeMs: 1700000000000.5 },
  buildKey: 'b0',
  optionsKey: 'o',
  startedAt: 1700000000123,
  searchKey: 'base:delta0',
  inputs: new Map(Array.from({ length: 50 }, (_, i) => [`p${i}.md`, { hash: `h${i}`, key: `k${i}`, size: i, mtimeMs: i + 0.5, ino: i }])),
  reports: Array.from({ length: 50 }, (_, i) => ({ source: `p${i}.md`, slug: `p${i}`, diagnostics: [] })),
  manifest: new PackedManifest([
    ...Array.from({ length: 50 }, (_, i): [string, ManifestEntry] => [`p${i}/index.html`, { inputHash: hex(i), outputHash: hex(i + 1000) }]),
    ['pagefind/delta/a.pf_fragment', { inputHash: '', outputHash: hex(7) }],
  ]),
  structureKey: 's',
  archive: Array.from({ length: 50 }, (_, i) => ({ source: `p${i}.md`, slug: `p${i}`, listingKey: `l${i}`, renamed: false })),
  relatedId: 'r',
})

/** An edited-only build's next state from the state read back: one input, its report and page changed, a search file replaced. */
function edited(last: BuildState, n: number): BuildState {
  const manifest = new PackedManifest(last.manifest)
  manifest.set('p3/index.html', { inputHash: hex(n), outputHash: hex(n + 1) })
  manifest.delete(`pagefind/delta/${n - 1}.pf_fragment`)
  manifest.delete('pagefind/delta/a.pf_fragment')
  manifest.set(`pagefind/delta/${n}.pf_fragment`, { inputHash: '', outputHash: hex(n + 2) })
  const inputs = new Map([...last.inputs].map(([s, stamp]) => [s, { ...stamp }]))
  inputs.set('p3.md', { hash: `h3-${n}`, key: `k3-${n}`, size: 100 + n, mtimeMs: 9 + n, ino: 3 })
  const reports = [...last.reports]
  reports[3] = { source: 'p3.md', slug: 'p3', diagnostics: [{ severity: 'warning', message: `m${n}`, line: 1, column: 1, ruleId: 'zone-missing' }] }
  return { ...last, buildKey: `b${n}`, searchKey: `base:delta${n}`, startedAt: last.startedAt + n, optionsKey: undefined, inputs, reports, manifest }
}

/** A state as compared: its manifest as a plain Map, without where it stands on disk. */
const plain = (s: BuildState | null): unknown => s && { ...s, manifest: new Map(s.manifest), stored: undefined }

/** A first build's state written and read back, with a list of which of its lazily decoded parts (manifest, archive) are read. */
function watchedLastState(): { cacheDir: string; outDir: string; last: BuildState; read: string[] } {
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'hindsight-journal-'))
  made.push(cacheDir)
  const outDir = path.join(cacheDir, 'site')
  writeBuildState(cacheDir, first(outDir))
  const last = readBuildState(cacheDir, outDir)!
  const read: string[] = []
  for (const name of ['manifest', 'archive'] as const) {
    const own = Object.getOwnPropertyDescriptor(last, name)!
    Object.defineProperty(last, name, { ...own, get: () => (read.push(name), own.get!.call(last)) })
  }
  return { cacheDir, outDir, last, read }
}

describe('the build state journal', () => {
  it('appends an edited-only build’s changes, leaves the stored state untouched, and reads back the state saved', () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'hindsight-journal-'))
    made.push(cacheDir)
    const outDir = path.join(cacheDir, 'site')
    expect(writeBuildState(cacheDir, first(outDir))).toMatchObject({ lines: 0, bytes: 0 })
    const file = path.join(
      cacheDir,
      readdirSync(cacheDir).find((n) => n.endsWith('.json'))!,
    )
    const whole = readFileSync(file, 'utf8')
    let last = readBuildState(cacheDir, outDir)!
    for (let n = 1; n <= 3; n++) {
      const next = edited(last, n)
      const mark = writeBuildState(cacheDir, next, last)
      expect(mark).toMatchObject({ id: last.stored!.id, lines: n })
      expect(readFileSync(file, 'utf8')).toBe(whole)
      const read = readBuildState(cacheDir, outDir)!
      expect(plain(read)).toEqual(plain(next))
      expect(read.stored).toEqual(mark)
      last = read
    }
    // A torn last line is left out, and cut off by the next append.
    const journal = file.replace(/\.json$/, '.journal')
    const size = statSync(journal).size
    appendFileSync(journal, '{"of":"torn')
    const torn = readBuildState(cacheDir, outDir)!
    expect(plain(torn)).toEqual(plain(last))
    expect(writeBuildState(cacheDir, edited(torn, 4), torn)).toMatchObject({ lines: 4 })
    expect(statSync(journal).size).toBeGreaterThan(size)
    expect(plain(readBuildState(cacheDir, outDir))).toEqual(plain(edited(torn, 4)))
    // A full pass's manifest (not a copy of the last) writes the state whole and drops the journal.
    const full = { ...edited(readBuildState(cacheDir, outDir)!, 5), manifest: new PackedManifest([['x', { inputHash: hex(1), outputHash: hex(2) }]]) }
    const fresh = writeBuildState(cacheDir, full, readBuildState(cacheDir, outDir))!
    expect(fresh).toMatchObject({ lines: 0 })
    expect(existsSync(journal)).toBe(false)
    expect(plain(readBuildState(cacheDir, outDir))).toEqual(plain(full))
  })

  it('writes a full pass’s state whole without decoding the last state’s manifest and archive', () => {
    // A warm build over a site it cannot trust (CI restores the cache, not site/) never reads the last manifest or
    // archive, which are decoded when first read: saving must not decode them only to find the state is written whole.
    const { cacheDir, outDir, last, read } = watchedLastState()
    const full = { ...first(outDir), buildKey: 'b9', manifest: new PackedManifest([['x', { inputHash: hex(1), outputHash: hex(2) }]]) }
    expect(writeBuildState(cacheDir, full, last)).toMatchObject({ lines: 0 })
    expect(read).toEqual([])
    expect(plain(readBuildState(cacheDir, outDir))).toEqual(plain(full))
  })

  it('keeps of the last state only what a one-shot full pass reads, without decoding what it lets go', () => {
    const { cacheDir, outDir, last, read } = watchedLastState()
    const slim = lastStateForFullPass(last, false)
    expect(read).toEqual([])
    expect(slim).toMatchObject({ buildKey: '', searchKey: 'base:delta0', site: last.site, stored: last.stored, reports: [] })
    expect(slim.archive).toBeUndefined()
    expect([slim.inputs.size, slim.manifest.size]).toEqual([0, 0])
    // Over a trusted site the pass compares with the last manifest: that one is kept.
    expect(lastStateForFullPass(last, true).manifest).toBe(last.manifest)
    // The full pass's state is saved whole from it, as from the last state itself.
    const full = { ...first(outDir), buildKey: 'b9', manifest: new PackedManifest([['x', { inputHash: hex(1), outputHash: hex(2) }]]) }
    expect(writeBuildState(cacheDir, full, slim)).toMatchObject({ lines: 0 })
    expect(plain(readBuildState(cacheDir, outDir))).toEqual(plain(full))
  })

  it('ignores a journal of another stored state, and writes whole past its line limit', () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'hindsight-journal-'))
    made.push(cacheDir)
    const outDir = path.join(cacheDir, 'site')
    writeBuildState(cacheDir, first(outDir))
    const file = path.join(
      cacheDir,
      readdirSync(cacheDir).find((n) => n.endsWith('.json'))!,
    )
    const journal = file.replace(/\.json$/, '.journal')
    let last = readBuildState(cacheDir, outDir)!
    writeBuildState(cacheDir, edited(last, 1), last)
    const stale = readFileSync(journal, 'utf8')
    // The state written whole again (by a build killed before it removed the journal): the old line names the old state.
    writeBuildState(cacheDir, first(outDir))
    appendFileSync(journal, stale)
    expect(plain(readBuildState(cacheDir, outDir))).toEqual(plain(first(outDir)))
    last = readBuildState(cacheDir, outDir)!
    for (let n = 1; n <= MAX_LINES; n++) {
      const next = edited(last, n)
      expect(writeBuildState(cacheDir, next, last)!.lines).toBe(n)
      last = readBuildState(cacheDir, outDir)!
    }
    const past = edited(last, MAX_LINES + 1)
    expect(writeBuildState(cacheDir, past, last)!.lines).toBe(0)
    expect(plain(readBuildState(cacheDir, outDir))).toEqual(plain(past))
    // Without the state on disk to follow (none read, or changed in place since), a save is whole.
    expect(writeBuildState(cacheDir, edited(past, 1), { ...past, stored: undefined })!.lines).toBe(0)
  })
})
