import { constants } from 'node:fs'
import { access, mkdir, readdir, readFile, statfs, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import * as pagefind from 'pagefind'
import { OutputError } from '../errors.js'
import { boundHeap } from '../heap.js'
import type { SiteDocument, StaticFile } from '../site/pages.js'
import type { ResolvedConfig } from '../types.js'
import { searchRecords } from './records.js'
import { withScratch } from './scratch.js'

/** Folder of the search index inside the site. */
export const SEARCH_DIR = 'pagefind'

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
    if (!index) throw new OutputError(`Cannot start the Pagefind indexer (${errors.join('; ')}); set "search": false in hindsight.config.json to build without search`)
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

/**
 * Starts indexing the documents: resolves once every record is with the indexer, with the promise of the index's
 * files (site files under `pagefind/`). The indexer, a process of its own, writes the index meanwhile, so a build
 * renders its pages while it does instead of waiting first.
 */
export function startSearchIndex(documents: SiteDocument[], config: Pick<ResolvedConfig, 'base' | 'sites'>): Promise<{ files: Promise<StaticFile[]> }> {
  return new Promise((started, failed) => {
    const files: Promise<StaticFile[]> = withIndex(async (index) => {
      await addRecords(index, documents, config)
      started({ files })
      return indexFiles(index)
    })
    // Before `started`, a failure fails the start; after it, the caller meets it when it awaits `files`.
    files.catch(failed)
  })
}

/** Builds the Pagefind index of the documents and returns its files as site files under `pagefind/`. */
export async function searchIndexFiles(documents: SiteDocument[], config: Pick<ResolvedConfig, 'base' | 'sites'>): Promise<StaticFile[]> {
  return (await startSearchIndex(documents, config)).files
}

/**
 * Sends the search records to the indexer a window at a time: sent one at a time, each waited for, adding 4,000
 * records took 2.2 s instead of 1.5 s, the round trips showing through.
 */
async function addRecords(index: pagefind.PagefindIndex, documents: SiteDocument[], config: Pick<ResolvedConfig, 'base' | 'sites'>): Promise<void> {
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
  for (const record of searchRecords(documents, config)) {
    if (++done % 256 === 0) boundHeap()
    batch.push(record)
    if (batch.length === SEND_WINDOW) await send()
  }
  await send()
}

/**
 * Has the indexer write the index and reads it back as bytes. Through a scratch folder: `getFiles` sends every file
 * through the indexer's JSON channel in base64, which at 10,000 postmortems held over 100 MB more of this process's
 * memory at once.
 */
async function indexFiles(index: pagefind.PagefindIndex): Promise<StaticFile[]> {
  return withScratch(await scratchDir(), async (dir) => {
    const { errors } = await index.writeFiles({ outputPath: dir })
    if (errors.length) throw new OutputError(`Cannot build the search index: ${errors.join('; ')}`)
    const names = (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .filter((name) => !UNUSED.test(name))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    const files: StaticFile[] = []
    for (const name of names) files.push({ path: `${SEARCH_DIR}/${name}`, content: await readFile(path.join(dir, name)) })
    return files
  })
}

/** Writes the search index for the documents into `<outDir>/pagefind`; returns its size. */
export async function buildSearchIndex(documents: SiteDocument[], outDir: string, config: Pick<ResolvedConfig, 'base' | 'sites'>): Promise<{ bytes: number; files: number }> {
  const files = await searchIndexFiles(documents, config)
  let bytes = 0
  for (const file of files) {
    const target = path.join(outDir, file.path)
    await mkdir(path.dirname(target), { recursive: true })
    await writeFile(target, file.content)
    bytes += file.content.byteLength
  }
  return { bytes, files: files.length }
}
