/**
 * Renames the pages of an index Pagefind wrote: each page's id (its fragment's name, a search result's `id`) becomes
 * its place in the order the records were given, in base 36 behind a prefix (`b0`, `b1`, … for the base), then `_` and
 * a token of the index's content (`b0_3f9a1c`). The search page then sorts results by date itself from their ids, so
 * the index carries no sort key: at 100,000 postmortems Pagefind's sort array was 213 kB and its random 7-digit page
 * hashes 690 kB of the 923 kB metadata every first query downloads; numbered ids compress to about half. The token
 * keeps fragment names content-addressed as Pagefind's were: a place holds another page after the archive changes,
 * and a browser or CDN that cached `fragment/b0.pf_fragment` would otherwise show the old page under a new result.
 */
import { createHash } from 'node:crypto'
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { OutputError } from '../errors.js'
import { decodeCbor, encodeCbor } from './cbor.js'

/** The signature Pagefind puts before the content of each of its files, inside the gzip. */
const SIGNATURE = 'pagefind_dcd'

/** Prefixes of the ids of base and delta pages: results from the merged indexes never share an id. */
export const BASE_PREFIX = 'b'
export const DELTA_PREFIX = 'd'

/** The id of the page at `place` (0 first) in its index's record order. */
export const pageId = (prefix: string, place: number): string => `${prefix}${place.toString(36)}`

/** Characters of the content token after a page's place. */
const TOKEN_LENGTH = 6

/** A token of an index's content: Pagefind names its metadata by a hash of it, which changes with any page's content. */
const contentToken = (entry: Entry): string =>
  createHash('sha256')
    .update(
      Object.values(entry.languages)
        .map((info) => info.hash)
        .sort()
        .join('\n'),
    )
    .digest('hex')
    .slice(0, TOKEN_LENGTH)

/** Reads one of Pagefind's files: gunzipped, its signature checked and removed. */
export function readPagefindFile(bytes: Uint8Array, what: string): Buffer {
  const plain = gunzipSync(bytes)
  if (plain.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) throw new OutputError(`Cannot read the search index: ${what} lacks its signature`)
  return plain.subarray(SIGNATURE.length)
}

const writePagefindFile = (content: Uint8Array): Buffer => gzipSync(Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), content]), { level: 9 })

interface Entry {
  languages: Record<string, { hash: string }>
}

/**
 * Renames every page of the index in `dir` (whose files are `names`) to `idOf(url)` of its URL: the fragments' files,
 * and the page list of each language's metadata (written under a new name, so no cache serves the old one). Returns
 * the index's file names and each page's new id by URL.
 */
export async function renamePages(dir: string, names: string[], idOf: (url: string) => string): Promise<{ names: string[]; ids: Map<string, string> }> {
  const renamed = new Map<string, string>()
  const ids = new Map<string, string>()
  const out = new Set(names)
  const entryFile = path.join(dir, 'pagefind-entry.json')
  const entry = JSON.parse(await readFile(entryFile, 'utf8')) as Entry
  const token = contentToken(entry)
  for (const name of names) {
    const hash = /^fragment\/(.+)\.pf_fragment$/.exec(name)?.[1]
    if (!hash) continue
    const file = path.join(dir, name)
    const { url } = JSON.parse(readPagefindFile(await readFile(file), 'a page fragment').toString('utf8')) as { url: string }
    const id = `${idOf(url)}_${token}`
    if (renamed.has(hash) || ids.has(url)) throw new OutputError(`Cannot rename the search index's pages: ${url} is there twice`)
    renamed.set(hash, id)
    ids.set(url, id)
    const to = `fragment/${id}.pf_fragment`
    if (to !== name) {
      await rename(file, path.join(dir, to))
      out.delete(name)
      out.add(to)
    }
  }
  for (const [language, info] of Object.entries(entry.languages)) {
    const old = `pagefind.${info.hash}.pf_meta`
    const meta = decodeCbor(readPagefindFile(await readFile(path.join(dir, old)), 'the metadata'))
    const pages = Array.isArray(meta) ? meta[1] : undefined
    if (!Array.isArray(pages)) throw new OutputError("Cannot rename the search index's pages: its metadata has no page list")
    for (const page of pages) {
      // [hash, word count, fragment group]: grouped fragments (a group's name in the third place) are not written by this index.
      if (!Array.isArray(page) || typeof page[0] !== 'string' || (page.length > 2 && page[2] !== ''))
        throw new OutputError("Cannot rename the search index's pages: a page of its metadata has another shape")
      const id = renamed.get(page[0])
      if (id === undefined) throw new OutputError(`Cannot rename the search index's pages: page ${page[0]} has no fragment`)
      page[0] = id
    }
    const bytes = writePagefindFile(encodeCbor(meta))
    info.hash = `${language}_${createHash('sha256').update(bytes).digest('hex').slice(0, 10)}`
    const made = `pagefind.${info.hash}.pf_meta`
    await rm(path.join(dir, old))
    await writeFile(path.join(dir, made), bytes)
    out.delete(old)
    out.add(made)
  }
  await writeFile(entryFile, JSON.stringify(entry))
  return { names: [...out], ids }
}
