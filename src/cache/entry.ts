import { deserialize, serialize } from 'node:v8'
import type { LoadedDocument } from '../document.js'
import type { LocalRef } from '../normalize/structure/local-refs.js'
import type { BodyField, RecordHead } from '../types.js'

/**
 * A cached document is stored in three parts, so a warm build reads only what planning needs: a head (source,
 * diagnostics, the record without its bulky fields, its root-cause terms), the record's compact JSON (its line of
 * `postmortems.json`, copied as bytes) and the whole document, read only when its page is rendered again.
 * Layout: head length and line length (two little-endian u32), then head (V8), line (UTF-8), whole (V8).
 */
export const ENTRY_HEADER = 8

/**
 * Record fields only a postmortem's own page, its JSON and the search index read; the head leaves them out. Action
 * items stay in the head: the stats and action items pages read every record's, and reading 10,000 bodies for them
 * (three times a cold build) cost most of the emit phase's CPU and its peak memory (see bench/README.md).
 */
const BULKY: readonly BodyField[] = ['sections', 'timeline', 'lessons']

/**
 * What planning reads of a cached document without its body: source, diagnostics, the record without its bulky fields
 * (set to `undefined`, so the keys keep their order), and what the builder derived from the whole record before it
 * was cached (`SummaryFacts`). Stored as the entry's first part.
 */
export interface DocumentSummary {
  source: string
  diagnostics: LoadedDocument['diagnostics']
  /** The record's head: its body fields are left out (kept as `undefined` keys, so the order of keys is the record's). */
  record: RecordHead | null
  /** The document's local images, which planning needs for every page. */
  images: string[]
  /** The document's relative link and image targets with their places, which the archive-wide checks need. */
  refs: LocalRef[]
  /** Root-cause terms, joined (see `site/related.ts`). */
  terms: string
  /** What the rest of the archive shows of the record (see `site/listing-key.ts`). */
  listingKey: string
}

/** What the builder derives from a whole record for its summary (the cache does not know how: it is given them). */
export type SummaryFacts = Pick<DocumentSummary, 'terms' | 'listingKey'>

/**
 * Serialises a loaded document as a cache entry (done on the worker thread that normalized it), with the facts derived
 * from its record (none without one); never in Node's shared pool, so it can be transferred.
 */
export function encodeEntry(doc: LoadedDocument, facts: SummaryFacts | null): Uint8Array<ArrayBuffer> {
  const record = doc.document?.record ?? null
  const summary: DocumentSummary = {
    source: doc.source,
    diagnostics: doc.diagnostics,
    record: null,
    images: doc.document?.images ?? [],
    refs: doc.document?.refs ?? [],
    terms: '',
    listingKey: '',
  }
  if (record) {
    const head: Record<string, unknown> = { ...record }
    for (const key of BULKY) head[key] = undefined
    summary.record = { ...(head as RecordHead), diagnostics: summary.diagnostics }
    summary.terms = facts?.terms ?? ''
    summary.listingKey = facts?.listingKey ?? ''
  }
  const headBytes = serialize(summary)
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

/** The summary part of an entry (as `cache/store.ts` reads it, or from an entry's bytes). */
export const decodeSummary = (headBytes: Uint8Array): DocumentSummary => deserialize(headBytes) as DocumentSummary

/** The summary of a whole entry's bytes. */
export const entrySummary = (bytes: Uint8Array): DocumentSummary => decodeSummary(bytes.subarray(...entryParts(...entryLengths(bytes)).head))
