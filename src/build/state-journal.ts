/**
 * The build state's journal: a build that changed a few inputs, reports and output files (an edited-only pass) appends
 * one line of what changed beside the stored state, instead of writing the whole state again (8.7 MB of JSON at
 * 10,000 postmortems with search, a tenth of such a build's CPU). Each line names the whole state it follows; a line
 * that does not parse, or names another, ends the journal, so a torn append or a state written whole since is never
 * applied. After `MAX_LINES` lines, or a change past `MAX_CHANGES`, the state is written whole again.
 */
import { closeSync, fstatSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs'
import { syncFd } from '../cache/integrity.js'
import { PackedManifest } from './manifest.js'
import type { BuildState, InputStamp, ManifestEntry, StoredMark } from './state.js'
import type { FileReport } from './types.js'

/** Lines a journal takes before the state is written whole again: every build reads them all. */
export const MAX_LINES = 32

/** Changed inputs, reports and output files past which a build writes the state whole instead. */
export const MAX_CHANGES = 4096

/** The fields of a state a journal line gives whole: small values, not lists. */
type Scalars = Pick<BuildState, 'pipeline' | 'outDir' | 'site' | 'buildKey' | 'optionsKey' | 'startedAt' | 'searchKey' | 'structureKey' | 'relatedId'>

/** One line of the journal: the stored state it follows, the small fields whole, and the lists' changes. */
export interface JournalLine {
  /** The `id` of the stored state this line follows. */
  of: string
  scalars: Scalars
  /** Per input set: source, hash, key, size, mtimeMs, ino. */
  inputs: Array<string | number>
  /** Sources of inputs gone. */
  inputsGone: string[]
  /** Reports replaced, by their place in the list (the same sources in the same order). */
  reports: Array<{ at: number; report: FileReport }>
  /** Per output file set: path, input hash, output hash. */
  manifest: string[]
  manifestGone: string[]
}

/** The journal file of a stored state file. */
export const journalPath = (stateFile: string): string => stateFile.replace(/\.json$/, '.journal')

const SCALARS = ['pipeline', 'outDir', 'site', 'buildKey', 'optionsKey', 'startedAt', 'searchKey', 'structureKey', 'relatedId'] as const

const scalarsOf = (s: BuildState): Scalars => ({
  pipeline: s.pipeline,
  outDir: s.outDir,
  site: s.site,
  buildKey: s.buildKey,
  optionsKey: s.optionsKey,
  startedAt: s.startedAt,
  searchKey: s.searchKey,
  structureKey: s.structureKey,
  relatedId: s.relatedId,
})

const sameStamp = (a: InputStamp, b: InputStamp): boolean =>
  a.hash === b.hash && a.key === b.key && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino

/**
 * What changed from `previous` (the state as stored, `previous.stored` saying where) to `next`, as a journal line; null
 * when it cannot be one: the manifest not a copy of the previous one changed in place (a full pass), another archive,
 * reports of other files or order, or too many changes.
 */
export function journalLine(next: BuildState, previous: BuildState): JournalLine | null {
  const mark = previous.stored
  // A full pass's manifest is no copy: known before reading the last state's manifest and archive, which a warm build
  // over a site it could not trust never read, and which are decoded when first read (at 100,000 postmortems about
  // 455,000 manifest entries and 100,000 archive entries, at the end of the build).
  if (!mark || mark.lines >= MAX_LINES || !(next.manifest instanceof PackedManifest) || !next.manifest.copied) return null
  const changes = next.manifest.changesFrom(previous.manifest)
  if (!changes || next.archive !== previous.archive || next.reports.length !== previous.reports.length) return null
  const inputs: Array<string | number> = []
  let kept = 0
  for (const [source, s] of next.inputs) {
    const before = previous.inputs.get(source)
    if (before) kept++
    if (!before || (before !== s && !sameStamp(before, s))) inputs.push(source, s.hash, s.key, s.size, s.mtimeMs, s.ino)
  }
  // Every earlier input still there (an edit's build): none gone, without a second walk of them.
  const inputsGone = kept === previous.inputs.size ? [] : [...previous.inputs.keys()].filter((source) => !next.inputs.has(source))
  const reports: JournalLine['reports'] = []
  for (let at = 0; at < next.reports.length; at++) {
    const report = next.reports[at]!
    if (report.source !== previous.reports[at]!.source) return null
    if (report !== previous.reports[at]) reports.push({ at, report })
  }
  const manifest: string[] = []
  const manifestGone: string[] = []
  for (const path of changes) {
    const entry = next.manifest.get(path)
    if (entry) manifest.push(path, entry.inputHash, entry.outputHash)
    else manifestGone.push(path)
  }
  if (inputs.length / 6 + inputsGone.length + reports.length + changes.size > MAX_CHANGES) return null
  return { of: mark.id, scalars: scalarsOf(next), inputs, inputsGone, reports, manifest, manifestGone }
}

/**
 * Appends `line` to the journal of `stateFile` after the `mark.bytes` bytes its last reader found whole (anything
 * after them, a torn line, is cut off), flushed; the new mark, or null when it cannot be written.
 */
export function appendJournal(stateFile: string, line: JournalLine, mark: StoredMark): StoredMark | null {
  const bytes = Buffer.from(`${JSON.stringify(line)}\n`)
  try {
    const fd = openSync(journalPath(stateFile), mark.lines === 0 ? 'w' : 'r+')
    try {
      // Only a torn line is cut off: a truncation is a metadata write, slow on a busy disk.
      if (fstatSync(fd).size !== mark.bytes) ftruncateSync(fd, mark.bytes)
      for (let at = 0; at < bytes.byteLength;) at += writeSync(fd, bytes, at, bytes.byteLength - at, mark.bytes + at)
      syncFd(fd)
    } finally {
      closeSync(fd)
    }
  } catch {
    return null
  }
  return { id: mark.id, lines: mark.lines + 1, bytes: mark.bytes + bytes.byteLength }
}

/** The journal lines of `stateFile` that follow the stored state `id`, in order, and the bytes they take. */
export function readJournal(stateFile: string, id: string): { lines: JournalLine[]; bytes: number } {
  let text: string
  try {
    text = readFileSync(journalPath(stateFile), 'utf8')
  } catch {
    return { lines: [], bytes: 0 }
  }
  const lines: JournalLine[] = []
  let at = 0
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', at)) {
    let line: JournalLine
    try {
      line = JSON.parse(text.slice(at, end)) as JournalLine
    } catch {
      break
    }
    if (line.of !== id) break
    lines.push(line)
    at = end + 1
  }
  return { lines, bytes: Buffer.byteLength(text.slice(0, at)) }
}

/** Applies journal lines to a state just decoded: its small fields, inputs and reports now, its manifest when it is read. */
export function applyJournal(state: BuildState, lines: readonly JournalLine[]): void {
  for (const line of lines) {
    // Every small field as the line gives it (one JSON left out when undefined is undefined again).
    for (const name of SCALARS) (state as unknown as Record<string, unknown>)[name] = line.scalars[name]
    const f = line.inputs
    for (let i = 0; i + 5 < f.length; i += 6) {
      state.inputs.set(f[i] as string, {
        hash: f[i + 1] as string,
        key: f[i + 2] as string,
        size: f[i + 3] as number,
        mtimeMs: f[i + 4] as number,
        ino: f[i + 5] as number,
      })
    }
    for (const source of line.inputsGone) state.inputs.delete(source)
    for (const { at, report } of line.reports) state.reports[at] = report
  }
}

/** The manifest's changes of journal lines, applied in order to the manifest read from the stored state. */
export function applyManifestJournal(manifest: Map<string, ManifestEntry>, lines: readonly JournalLine[]): void {
  for (const line of lines) {
    const m = line.manifest
    for (let i = 0; i + 2 < m.length; i += 3) manifest.set(m[i]!, { inputHash: m[i + 1]!, outputHash: m[i + 2]! })
    for (const path of line.manifestGone) manifest.delete(path)
  }
}
