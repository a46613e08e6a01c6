/**
 * Between the cache and the site: what the builder derives from a whole record for its cached summary, and a
 * document made from a summary whose body is read, through the cache's one `body` call, only when a page uses it.
 */
import type { DocumentSummary, SummaryFacts } from '../cache/entry.js'
import type { LoadedDocument } from '../document.js'
import { listingKey, primeListingKey } from '../site/listing-key.js'
import type { SiteDocument } from '../site/pages.js'
import { joinedTerms, primeTerms } from '../site/related.js'

/** Record fields a summary leaves out (see `cache/entry.ts`; action items are in the head), read from the body when used. */
const BODY_FIELDS = ['sections', 'timeline', 'lessons'] as const

/** The facts a summary keeps of a whole record, so planning need not read its sections: root-cause terms and listing key. */
export function summaryFacts(doc: LoadedDocument): SummaryFacts | null {
  const record = doc.document?.record
  return record ? { terms: joinedTerms(record), listingKey: listingKey(record) } : null
}

/**
 * A document from a summary: its record's body fields and HTML come from `readBody` (the cache's `body`, which
 * remembers the last few it read) whenever used, and are not kept here, so 10,000 of them stay small. A body that
 * cannot be read is the cache's `CacheError`, thrown where the page asked for it.
 */
export function documentFromSummary(summary: DocumentSummary, readBody: () => LoadedDocument): LoadedDocument {
  const { record } = summary
  if (!record) return { source: summary.source, document: null, diagnostics: summary.diagnostics }
  const fromBody = <T extends object>(target: T, key: string, read: () => unknown): void => {
    Object.defineProperty(target, key, {
      enumerable: true,
      configurable: true,
      get: read,
      set: (value: unknown) => Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true }),
    })
  }
  for (const key of BODY_FIELDS) fromBody(record, key, () => readBody().document!.record[key])
  primeTerms(record, summary.terms)
  primeListingKey(record, summary.listingKey)
  const document = { record } as SiteDocument
  fromBody(document, 'html', () => readBody().document!.html)
  document.images = summary.images
  document.refs = summary.refs ?? []
  return { source: summary.source, document, diagnostics: summary.diagnostics }
}
