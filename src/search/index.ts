import { constants, readFileSync } from 'node:fs'
import { access, mkdir, readdir, readFile, statfs, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import * as pagefind from 'pagefind'
import { OutputError } from '../errors.js'
import { boundHeap } from '../heap.js'
import type { SiteDocument, StaticFile } from '../site/pages.js'
import type { ResolvedConfig } from '../types.js'
import { noDeltaFile } from './delta.js'
import { searchRecords, type SearchRecord } from './records.js'
import { openScratch, withScratch } from './scratch.js'
import { BASE_PREFIX, pageId, renamePages } from './page-ids.js'
import { byCodePoint } from '../compare.js'
import { SEARCH_DIR } from '../constants.js'

// Pagefind's own prebuilt UIs and the highlighter: Hindsight ships its own UI (templates/assets/search.js).
const UNUSED = /^(pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)|playground\/)/

/** Records sent to the indexer before waiting for its answers. */
const SEND_WINDOW = 64

let open = 0

async function withIndex<T>(use: (index: pagefind.PagefindIndex) => Promise<T>): Promise<T> {
  open++
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'en' }).catch((cause: Error) => ({ index: undefined, errors: [cause.message] }))
    const { index, errors } = created
    if (!index)
      throw new OutputError(`Cannot start the Pagefind indexer (${errors.join('; ')}); set "search": false in hindsight.config.json to build without search`)
    try {
      return await use(index)
    } finally {
      await index.deleteIndex()
    }
  } finally {
    // The indexer is one shared child process: stop it only when no other build in this process uses it.
    if (--open === 0) await pagefind.close()
  }
}

/** Free space `/dev/shm` must have to be used: containers often give it 64 MB, and an index of 10,000 is 20 MB. */
const SCRATCH_MIN_FREE = 1 << 30

/**
 * Where the indexer writes its files before they are read back: memory (`/dev/shm`) when the system has it with
 * room to spare and `TMPDIR` does not say otherwise. Ten thousand small files on a slow disk cost 4 to 7 s of a warm
 * build here.
 */
export async function scratchDir(minFree = SCRATCH_MIN_FREE): Promise<string> {
  if (process.env.TMPDIR) return os.tmpdir()
  try {
    await access('/dev/shm', constants.W_OK)
    const { bavail, bsize } = await statfs('/dev/shm')
    return bavail * bsize >= minFree ? '/dev/shm' : os.tmpdir()
  } catch {
    return os.tmpdir()
  }
}

/** An index's files as site files, and Pagefind's id of each page by its URL. */
export interface IndexBundle {
  files: StaticFile[]
  ids: Map<string, string>
}

/**
 * Starts indexing the records: resolves once every record is with the indexer, with the promise of the index's files
 * under `folder` (only those `wanted` takes, by their name in the bundle). The indexer, a process of its own, writes the
 * index meanwhile, so a build renders its pages while it does instead of waiting first.
 */
export function startRecordsIndex(
  records: Iterable<SearchRecord>,
  folder: string,
  wanted: (name: string) => boolean = () => true,
  prefix = BASE_PREFIX,
): Promise<{ bundle: Promise<IndexBundle> }> {
  return startIndex(records, (index, order) => indexFiles(index, folder, wanted, idsInOrder(order, prefix)))
}

/** Page ids by their record's place in the order given (see `page-ids.ts`). */
function idsInOrder(order: Map<string, number>, prefix: string): (url: string) => string {
  return (url) => {
    const place = order.get(url)
    if (place === undefined) throw new OutputError(`Cannot name the search page of ${url}: no record has that URL`)
    return pageId(prefix, place)
  }
}

/** An index's files left in its scratch folder, each read when written; `close` removes the folder once they are. */
export interface ScratchBundle {
  files: Array<{ path: string; content: () => Uint8Array }>
  ids: Map<string, string>
  close: () => Promise<void>
}

/**
 * Starts indexing the records as `startRecordsIndex` does, for an index of the whole archive: its files stay in the
 * scratch folder until written, one read at a time, instead of all held at once (about 20 MB at 10,000 postmortems,
 * 200 MB at 100,000, held through most of the emit phase). The caller must `close` the bundle.
 */
export function startScratchIndex(records: Iterable<SearchRecord>, folder: string): Promise<{ bundle: Promise<ScratchBundle> }> {
  return startIndex(records, async (index, order) => {
    const scratch = await openScratch(await scratchDir())
    try {
      const { names, ids } = await writeIndex(index, scratch.dir, () => true, idsInOrder(order, BASE_PREFIX))
      const files = names.map((name) => ({ path: `${folder}/${name}`, content: () => readFileSync(path.join(scratch.dir, name)) }))
      return { files, ids, close: scratch.close }
    } catch (error) {
      await scratch.close()
      throw error
    }
  })
}

/**
 * Adds the records, resolves once all are with the indexer, with the promise of what `collect` makes of the index
 * (given each record's place by URL).
 */
function startIndex<B>(
  records: Iterable<SearchRecord>,
  collect: (index: pagefind.PagefindIndex, order: Map<string, number>) => Promise<B>,
): Promise<{ bundle: Promise<B> }> {
  return new Promise((started, failed) => {
    const bundle: Promise<B> = withIndex(async (index) => {
      const order = await addRecords(index, records)
      started({ bundle })
      return collect(index, order)
    })
    // Before `started`, a failure fails the start; after it, the caller meets it when it awaits `bundle`.
    bundle.catch(failed)
  })
}

/** Starts indexing the documents (see `startRecordsIndex`): the whole bundle under `pagefind/`. */
export async function startSearchIndex(documents: SiteDocument[], config: Pick<ResolvedConfig, 'base' | 'sites'>): Promise<{ files: Promise<StaticFile[]> }> {
  const { bundle } = await startRecordsIndex(searchRecords(documents, config), SEARCH_DIR)
  return { files: bundle.then((b) => b.files) }
}

/** Builds the Pagefind index of the documents and returns its files as site files under `pagefind/`. */
export async function searchIndexFiles(documents: SiteDocument[], config: Pick<ResolvedConfig, 'base' | 'sites'>): Promise<StaticFile[]> {
  return (await startSearchIndex(documents, config)).files
}

/**
 * Sends the search records to the indexer a window at a time: sent one at a time, each waited for, adding 4,000
 * records took 2.2 s instead of 1.5 s, the round trips showing through. Without their sort keys: the search page
 * sorts by the page ids, which follow the records' order (see `page-ids.ts`). Returns each record's place by URL.
 */
async function addRecords(index: pagefind.PagefindIndex, records: Iterable<SearchRecord>): Promise<Map<string, number>> {
  const order = new Map<string, number>()
  let batch: pagefind.CustomRecord[] = []
  const send = async (): Promise<void> => {
    const sent = batch
    batch = []
    const results = await Promise.all(sent.map((record) => index.addCustomRecord(record)))
    results.forEach(({ errors }, i) => {
      if (errors.length) throw new OutputError(`Cannot index ${sent[i]!.url} for search: ${errors.join('; ')}`)
    })
  }
  let done = 0
  for (const record of records) {
    if (++done % 256 === 0) boundHeap()
    if (order.has(record.url)) throw new OutputError(`Cannot index ${record.url} for search: two records have that URL`)
    order.set(record.url, order.size)
    const { sort: _sort, ...indexed } = record
    batch.push(indexed)
    if (batch.length === SEND_WINDOW) await send()
  }
  await send()
  return order
}

/**
 * Has the indexer write the index and reads it back as bytes. Through a scratch folder: `getFiles` sends every file
 * through the indexer's JSON channel in base64, which at 10,000 postmortems held over 100 MB more of this process's
 * memory at once.
 */
async function indexFiles(
  index: pagefind.PagefindIndex,
  folder: string,
  wanted: (name: string) => boolean,
  idOf: (url: string) => string,
): Promise<IndexBundle> {
  return withScratch(await scratchDir(), async (dir) => {
    const { names, ids } = await writeIndex(index, dir, wanted, idOf)
    const files: StaticFile[] = []
    for (const name of names) files.push({ path: `${folder}/${name}`, content: await readFile(path.join(dir, name)) })
    return { files, ids }
  })
}

/**
 * Has the indexer write the index into `dir` and renames its pages to `idOf` their URL; the names of its files there
 * (those `wanted`, in code-point order) and each page's id by URL.
 */
async function writeIndex(
  index: pagefind.PagefindIndex,
  dir: string,
  wanted: (name: string) => boolean,
  idOf: (url: string) => string,
): Promise<{ names: string[]; ids: Map<string, string> }> {
  const { errors } = await index.writeFiles({ outputPath: dir })
  if (errors.length) throw new OutputError(`Cannot build the search index: ${errors.join('; ')}`)
  const written = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((name) => !UNUSED.test(name))
  const { names, ids } = await renamePages(dir, written, idOf)
  return { names: names.filter(wanted).sort(byCodePoint), ids }
}

/** Writes the search index for the documents into `<outDir>/pagefind`; returns its size. */
export async function buildSearchIndex(
  documents: SiteDocument[],
  outDir: string,
  config: Pick<ResolvedConfig, 'base' | 'sites'>,
): Promise<{ bytes: number; files: number }> {
  // A whole index, without delta beside it.
  const files = [...(await searchIndexFiles(documents, config)), noDeltaFile()]
  let bytes = 0
  for (const file of files) {
    const target = path.join(outDir, file.path)
    await mkdir(path.dirname(target), { recursive: true })
    await writeFile(target, file.content)
    bytes += file.content.byteLength
  }
  return { bytes, files: files.length }
}
