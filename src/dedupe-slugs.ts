import { RULE } from './constants.js'
import type { LoadedDocument } from './document.js'
import { problem } from './normalize/diagnostics.js'
import { wholeDocument, type ArchiveDocument, type BodyReader, type SiteDocument } from './site/site-document.js'
import { RESERVED_SLUGS } from './site/paths.js'
import type { Diagnostic } from './types.js'

/**
 * Gives every document a unique slug, in the given (source) order: a later document that wants a taken slug
 * gets `-2`, `-3`... and a warning. Returns new objects for renamed documents, never mutating the loaded ones,
 * so cached documents stay valid. `reserved` adds top-level names the site writes beyond RESERVED_SLUGS (static files);
 * `body` reads a renamed document whole (a renamed copy is a new document, not the cached one).
 */
export function dedupeSlugs<D extends ArchiveDocument>(
  loaded: Array<LoadedDocument<D>>,
  reserved: readonly string[] = [],
  body: BodyReader = wholeDocument,
): { documents: Array<D | SiteDocument>; reports: Array<{ source: string; slug: string | null; diagnostics: Diagnostic[] }> } {
  const slugs = new Map<string, string>([...RESERVED_SLUGS, ...reserved].map((name) => [name.toLowerCase(), 'a page of the archive itself']))
  const documents: Array<D | SiteDocument> = []
  const reports: Array<{ source: string; slug: string | null; diagnostics: Diagnostic[] }> = []
  for (const item of loaded) {
    let doc: D | SiteDocument | null = item.document
    if (doc === null) {
      reports.push({ source: item.source, slug: null, diagnostics: item.diagnostics })
      continue
    }
    const wanted = doc.record.slug
    const taken = slugs.get(wanted)
    if (taken !== undefined) {
      let n = 2
      while (slugs.has(`${wanted}-${n}`)) n++
      const warning = problem('warning', `Slug \`${wanted}\` is already used by ${taken}; this page is published as \`${wanted}-${n}\``, RULE.slugDuplicate)
      doc = renamedDocument(body(doc), `${wanted}-${n}`, [...doc.record.diagnostics, warning])
    }
    slugs.set(doc.record.slug, item.source)
    documents.push(doc)
    reports.push({ source: item.source, slug: doc.record.slug, diagnostics: doc.record.diagnostics })
  }
  return { documents, reports }
}

/** A document published under another slug, with its diagnostics then: a new object, the loaded one untouched. */
export const renamedDocument = (doc: SiteDocument, slug: string, diagnostics: Diagnostic[]): SiteDocument => ({
  ...doc,
  record: { ...doc.record, slug, diagnostics },
})
