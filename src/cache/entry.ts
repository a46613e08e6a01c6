import { deserialize, serialize } from 'node:v8'
import type { LoadedDocument } from '../document.js'
import { listingKey, primeListingKey } from '../site/listing-key.js'
import { joinedTerms, primeTerms } from '../site/related.js'
import type { SiteDocument } from '../site/pages.js'
import type { LocalRef } from '../normalize/structure/local-refs.js'
import type { PostmortemRecord } from '../types.js'

/**
 * A cached document is stored in three parts, so a warm build reads only what planning needs: a head (source,
 * diagnostics, the record without its bulky fields, its root-cause terms), the record's compact JSON (its line of
 * `postmortems.json`, copied as bytes) and the whole document, read only when its page is rendered again.
 * Layout: head length and line length (two little-endian u32), then head (V8), line (UTF-8), whole (V8).
 */
export const ENTRY_HEADER = 8

/** Record fields only a postmortem's own page, its JSON and the search index read; the head leaves them out. */
const BULKY = ['sections', 'timeline', 'actionItems', 'lessons'] as const

interface EntryHead {
  source: string
  diagnostics: LoadedDocument['diagnostics']
  /** The record with its bulky fields set to `undefined`, so the keys keep their order. */
  record: PostmortemRecord | null
  /** Root-cause terms, joined (`joinedTerms`). */
  terms: string
  /** The document's local images, which planning needs for every page. */
  images: string[]
  /** The document's relative link and image targets with their places, which the archive-wide checks need. */
  refs: LocalRef[]
  /** `listingKey` of the record. */
  outside: string
}

/** Serialises a loaded document as a cache entry (done on the worker thread that normalized it); never in Node's shared pool, so it can be transferred. */
export function encodeEntry(doc: LoadedDocument): Uint8Array<ArrayBuffer> {
  const record = doc.document?.record ?? null
  const head: EntryHead = { source: doc.source, diagnostics: doc.diagnostics, record: null, terms: '', images: doc.document?.images ?? [], refs: doc.document?.refs ?? [], outside: '' }
  if (record) {
    head.record = { ...record }
    for (const key of BULKY) (head.record as unknown as Record<string, undefined>)[key] = undefined
    head.record.diagnostics = head.diagnostics
    head.terms = joinedTerms(record)
    head.outside = listingKey(record)
  }
  const headBytes = serialize(head)
  const line = Buffer.from(record ? JSON.stringify(record) : '')
  const whole = serialize(doc)
  const bytes = Buffer.allocUnsafeSlow(ENTRY_HEADER + headBytes.byteLength + line.byteLength + whole.byteLength)
  bytes.writeUInt32LE(headBytes.byteLength, 0)
  bytes.writeUInt32LE(line.byteLength, 4)
  headBytes.copy(bytes, ENTRY_HEADER)
  line.copy(bytes, ENTRY_HEADER + headBytes.byteLength)
  whole.copy(bytes, ENTRY_HEADER + headBytes.byteLength + line.byteLength)
  return new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength)
}

/** Lengths of an entry's head and line, from its header. */
export function entryLengths(bytes: Uint8Array): [head: number, line: number] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, ENTRY_HEADER)
  return [view.getUint32(0, true), view.getUint32(4, true)]
}

/** Where an entry's parts lie in it, given the lengths of its head and line: head and line as [start, end), the whole from its start to the end. */
export function entryParts(head: number, line: number): { head: [number, number]; line: [number, number]; whole: number } {
  return { head: [ENTRY_HEADER, ENTRY_HEADER + head], line: [ENTRY_HEADER + head, ENTRY_HEADER + head + line], whole: ENTRY_HEADER + head + line }
}

/** The whole document of an entry. */
export function decodeEntry(bytes: Uint8Array): LoadedDocument {
  return deserialize(bytes.subarray(entryParts(...entryLengths(bytes)).whole)) as LoadedDocument
}

/**
 * A document from an entry's head whose bulky record fields and HTML come from the whole entry (`loadWhole`, which
 * should remember the last few it read) whenever used, and are not kept here, so 10,000 of them stay small; to
 * everything else (JSON, spreads, templates) it is the document itself.
 */
export function lazyDocument(headBytes: Uint8Array, loadWhole: () => LoadedDocument): LoadedDocument {
  const head = deserialize(headBytes) as EntryHead
  const { record } = head
  if (!record) return { source: head.source, document: null, diagnostics: head.diagnostics }
  const lazily = <T extends object>(target: T, key: string, read: () => unknown): void => {
    Object.defineProperty(target, key, {
      enumerable: true,
      configurable: true,
      get: read,
      set: (value: unknown) => Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true }),
    })
  }
  for (const key of BULKY) lazily(record, key, () => loadWhole().document!.record[key])
  primeTerms(record, head.terms)
  primeListingKey(record, head.outside)
  const document = { record } as SiteDocument
  lazily(document, 'html', () => loadWhole().document!.html)
  document.images = head.images
  document.refs = head.refs ?? []
  return { source: head.source, document, diagnostics: head.diagnostics }
}
