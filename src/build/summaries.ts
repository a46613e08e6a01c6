/**
 * Between the cache and the site: what the builder derives from a whole record for its cached summary, the plain
 * document planning reads from a summary, and `readDocumentBody`, the one call that reads a summary's body.
 */
import type { DocumentSummary, SummaryFacts } from '../cache/entry.js'
import type { DocumentCache } from '../cache/store.js'
import type { LoadedDocument } from '../document.js'
import { internStrings, type StringPool } from './intern-head.js'
import { listingKey, primeListingKey } from '../site/listing-key.js'
import type { ArchiveDocument, SiteDocument } from '../site/pages.js'
import { joinedTerms, primeTerms } from '../site/related.js'

/**
 * The facts a summary keeps of a whole record, so planning need not read its sections: root-cause terms and listing
 * key. The terms are handed to the record first: its listing key hashes its related-incidents signature, which would
 * otherwise read the root cause sections for them a second time (a tenth of this call's instructions).
 */
export function summaryFacts(doc: LoadedDocument): SummaryFacts | null {
  const record = doc.document?.record
  if (!record) return null
  const terms = joinedTerms(record)
  primeTerms(record, terms)
  return { terms, listingKey: listingKey(record) }
}

/**
 * The document planning reads of a summary: plain data (its record's head, images, links), with the terms and listing
 * key handed over; a spread or `JSON.stringify` of it reads nothing. Its body is read by `readDocumentBody` alone.
 * With a `pool`, the head's repeated strings are the pool's copies (`intern-head.ts`): a build holds every head.
 */
export function summaryDocument(summary: DocumentSummary, pool?: StringPool): LoadedDocument<ArchiveDocument> {
  const { record } = summary
  if (!record) return { source: summary.source, document: null, diagnostics: summary.diagnostics }
  if (pool) internStrings(record, pool)
  primeTerms(record, summary.terms)
  primeListingKey(record, summary.listingKey)
  return { source: summary.source, document: { record, images: summary.images, refs: summary.refs ?? [] }, diagnostics: summary.diagnostics }
}

/**
 * Reads the body of the document cached under `key`, for a page that shows it: its record whole and its HTML. A body
 * that cannot be read (its pack gone or damaged since its summary was read) is a `CacheError` naming the pack file,
 * thrown here; the cache remembers the last few bodies it read, so a page and its neighbours read each once.
 */
export function readDocumentBody(cache: DocumentCache, key: string): SiteDocument {
  const whole = cache.body(key)
  return whole.document!
}
