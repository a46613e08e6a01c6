/** The inputs of a build: the content files found (stamped, read only when changed), the images and static files beside them. */
import { lstatSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { documentKey, hashList, hashParts } from '../cache/hash.js'
import { CONFIG_FILE } from '../config.js'
import { isPostmortemName } from '../content/content-name.js'
import type { discoverContent } from '../content/discover.js'
import { unreadableDiagnostic } from '../content/unreadable.js'
import { isImageFile } from '../site/images.js'
import { passthroughFiles } from '../site/static-files.js'
import type { ResolvedConfig } from '../types.js'
import type { BuildState, InputStamp } from './state.js'
import type { FileReport } from './types.js'
import { byCodePoint } from '../compare.js'
import { OutputError } from '../errors.js'

/** One content file: its stamp (with its document key), and its bytes when they had to be read. */
export interface Input {
  source: string
  absolutePath: string
  stamp: InputStamp
  bytes: Uint8Array | null
}

/** What a build starts from: the content files, the files refused, the images by source, and two keys of it all. */
export interface FoundInputs {
  inputs: Input[]
  refused: FileReport[]
  /** Images under content/ by their path there (see `site/images.ts`). */
  images: Map<string, string>
  /** Options, config, templates and the names of the files (not their bytes), hashed: an edit alone leaves it as it was. */
  structureKey: string
  /** `structureKey` and what each file holds: equal keys mean nothing changed at all. */
  buildKey: string
  /** Wall-clock time the files were stamped, saved so the next build re-reads files modified around it. */
  startedAt: number
}

/** The keys of what every document and page is made from, worked out once per build. */
export interface BuildKeys {
  optionsKey: string
  renderKey: string
  templatesKey: string
}

/**
 * Stamps one content file: unchanged since the last build (same size, mtime and inode, and not modified around its
 * start) it is not read, and its document key is taken from the stamp while the options hold.
 */
export function readInput(
  source: string,
  absolutePath: string,
  previous: InputStamp | undefined,
  lastStart: number,
  optionsKey: string,
  sameOptions: boolean,
): Input {
  const info = statSync(absolutePath)
  if (previous && previous.size === info.size && previous.mtimeMs === info.mtimeMs && previous.ino === info.ino && info.mtimeMs < lastStart - 2000) {
    // The key is worked out again only when the options changed since (hashing 10,000 keys is 45 ms of a warm build);
    // else the stamp itself is taken, not a copy: 10,000 objects fewer for a warm build to make and keep.
    const stamp = sameOptions ? previous : { ...previous, key: documentKey(source, previous.hash, optionsKey) }
    return { source, absolutePath, stamp, bytes: null }
  }
  const bytes = readFileSync(absolutePath)
  const hash = hashParts(bytes)
  return { source, absolutePath, bytes, stamp: { hash, key: documentKey(source, hash, optionsKey), size: info.size, mtimeMs: info.mtimeMs, ino: info.ino } }
}

/**
 * A content file's bytes read again when its turn to be normalized comes (a build keeps only some of those it read),
 * and whether they are still the bytes its stamp hashed: an edit in between must not be stored under the old key.
 */
export function readInputAgain(input: Input): { bytes: Uint8Array; changed: boolean } {
  let bytes: Uint8Array
  try {
    bytes = readFileSync(input.absolutePath)
  } catch (cause) {
    throw new OutputError(`Cannot read ${input.source} again to normalize it (it went away during the build): ${(cause as Error).message}`, { cause })
  }
  return { bytes, changed: hashParts(bytes) !== input.stamp.hash }
}

/**
 * Bytes of the files read for their stamps that a build keeps for normalizing; the rest are read again when normalized.
 * A cold build of 100,000 postmortems read 400 MB of content before normalizing the first file, most of its peak.
 */
export const KEPT_BYTES = 32 * 2 ** 20

/** Finds and stamps every input of a build, keeping at most `keptBytes` of the bytes read; a file that cannot be read is reported, never thrown. */
export async function findInputs(
  config: ResolvedConfig,
  discover: typeof discoverContent,
  state: BuildState | null,
  keys: BuildKeys,
  keptBytes = KEPT_BYTES,
): Promise<FoundInputs> {
  const found = await discover(config.contentDir)
  const refused = found.refused.map((r): FileReport => ({ source: r.source, slug: null, diagnostics: [r.diagnostic] }))
  const startedAt = Date.now()
  const sameOptions = state?.optionsKey === keys.optionsKey
  const inputs: Input[] = []
  let kept = 0
  for (const f of [...found.files].sort((a, b) => byCodePoint(a.source, b.source))) {
    try {
      const input = readInput(f.source, f.absolutePath, state?.inputs.get(f.source), state?.startedAt ?? 0, keys.optionsKey, sameOptions)
      if (input.bytes && (kept += input.bytes.byteLength) > keptBytes) input.bytes = null
      inputs.push(input)
    } catch (error) {
      refused.push({ source: f.source, slug: null, diagnostics: [unreadableDiagnostic(error)] })
    }
  }
  // Images are not documents: any change to one (or a new one) makes the next build a full pass, which compares bytes.
  const imageStamps = found.images.map((i) => {
    const info = statSync(i.absolutePath)
    return `image\0${i.source}\0${info.size}\0${info.mtimeMs}\0${info.ino}`
  })
  // Static files, logo and favicon are not documents either: a change to any makes a full pass, which carries the rest over.
  const passthroughStamps = passthroughFiles(config).map((f) => `static\0${f.path}\0${f.stamp}`)
  const images = new Map(found.images.map((i) => [i.source, i.absolutePath]))
  return { inputs, refused, images, ...inputKeys(keys, inputs, refused, [...imageStamps, ...passthroughStamps]), startedAt }
}

/** The structure and build keys of a build's inputs (see `FoundInputs`), as lists: never one argument per file (see `hashList`). */
export function inputKeys(
  keys: BuildKeys,
  inputs: ReadonlyArray<Pick<Input, 'source'> & { stamp: Pick<InputStamp, 'key'> }>,
  refused: ReadonlyArray<Pick<FileReport, 'source'>>,
  stamps: readonly string[],
): { structureKey: string; buildKey: string } {
  const names = [...inputs.map((i) => i.source), ...refused.map((r) => `refused\0${r.source}`)]
  const structureKey = hashList([keys.optionsKey, keys.renderKey, keys.templatesKey, ...names, ...stamps])
  const buildKey = hashList([structureKey, ...inputs.map((i) => i.stamp.key)])
  return { structureKey, buildKey }
}

/** A content file's source (its path under content/, `/`-separated, NFC) from its absolute path. */
export const sourceOf = (config: ResolvedConfig, file: string): string => path.relative(config.contentDir, file).split(path.sep).join('/').normalize('NFC')

/** Whether an absolute path lies under content/. */
export const inContent = (config: ResolvedConfig, file: string): boolean => file.startsWith(config.contentDir + path.sep)

/** Whether a content path names a postmortem (by its name, as discovery decides). */
export const isContentFile = (source: string): boolean => isPostmortemName(source)

/** Whether a change to these paths needs a full build: templates, static files, logo, favicon, config, a link or an image in content/. */
export function isStructural(config: ResolvedConfig, paths: string[]): boolean {
  const under = (dir: string, p: string): boolean => p === dir || p.startsWith(dir + path.sep)
  return paths.some(
    (p) =>
      under(config.templatesDir, p) ||
      p.startsWith(config.staticDir + path.sep) ||
      p === config.logo ||
      p === config.favicon ||
      path.basename(p) === CONFIG_FILE ||
      (inContent(config, p) && (isLink(p) || isImageFile(p))),
  )
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink()
  } catch {
    return false
  }
}
