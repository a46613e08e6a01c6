/** The documents planning reads (a record's head, or the document whole) and the one way a body is read: a `BodyReader`. */
import type { LocalRef } from '../normalize/structure/local-refs.js'
import type { PostmortemRecord, RecordHead } from '../types.js'

/** True for a whole record; false for a cached summary's head, whose body fields are left out. */
export const hasBody = (record: RecordHead): record is PostmortemRecord => Array.isArray((record as Partial<PostmortemRecord>).sections)

/**
 * One postmortem as the site plans it: its record's head (no sections, timeline or lessons), its images
 * and links. A page that shows more reads the document whole through a `BodyReader`, the one way a body is read.
 */
export interface ArchiveDocument {
  record: RecordHead
  /** Images the HTML shows from beside the source file (`site/images.ts`), copied beside the page. */
  images?: string[]
  /** Relative link and image targets the Markdown names, with their places (`normalize/structure/local-refs.ts`). */
  refs?: LocalRef[]
}

/** One postmortem whole: its record with the body fields, plus the rendered original. */
export interface SiteDocument extends ArchiveDocument {
  record: PostmortemRecord
  html: string
}

/**
 * Reads a document whole for a page that shows its body: the builder's reads a cached summary's body from the cache
 * (`build/documents.ts`), and fails there, with a `CacheError`, when it cannot; `wholeDocument` serves documents in memory.
 */
export type BodyReader = (doc: ArchiveDocument) => SiteDocument

/** Whether a document is whole (normalized in this process, or read whole), not a cached summary's head. */
export const isWhole = (doc: ArchiveDocument): doc is SiteDocument => typeof (doc as Partial<SiteDocument>).html === 'string' && hasBody(doc.record)

/** The body reader of documents already whole (`check`, `inspect`, tests): the document itself. */
export const wholeDocument: BodyReader = (doc) => {
  if (isWhole(doc)) return doc
  throw new Error(`The body of ${doc.record.source} is in the cache: plan it with the builder's body reader`)
}
