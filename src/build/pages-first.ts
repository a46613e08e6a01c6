/** `dev`'s first pass after a save: the saved postmortems' own pages, before the indexes, feeds and export follow. */
import { RULE } from '../constants.js'
import { planPostmortems, type ArchiveDocument, type ImageContent } from '../site/pages.js'
import { isHidden } from '../site/publish.js'
import type { DocumentSet } from './documents.js'
import type { FullOutcome } from './full.js'
import { runPass, type PassContext } from './pass.js'
import type { RelatedStore } from './related-store.js'
import type { ManifestEntry } from './state.js'

/** What the pages-first pass works with: the last plan, and the documents as they were in it. */
export interface PagesFirst {
  pass: PassContext
  documents: DocumentSet
  related: RelatedStore
  image: ImageContent
  lastPlan: FullOutcome['plan']
  /** The published documents of the last plan, by source. */
  before: ReadonlyMap<string, ArchiveDocument>
}

/**
 * Writes the saved postmortems' own pages first, when no slug moves (a renamed or colliding page moves links and
 * indexes too, and only the full pass is right): the last plan's documents with the saved ones swapped in, so the
 * cost does not grow with the archive. The full pass then finds these pages current and skips them. Returns the
 * paths written and the manifest after them, or null when the saves need the full pass first.
 */
export async function pagesFirst(
  first: PagesFirst,
  manifest: ReadonlyMap<string, ManifestEntry>,
  sources: string[],
): Promise<{ written: string[]; manifest: Map<string, ManifestEntry> } | null> {
  const docs = [...first.lastPlan.docs]
  const keys = new Map(first.lastPlan.keys)
  const slugs = new Set<string>()
  let sorted = true
  for (const source of sources) {
    const before = first.before.get(source)
    const now = first.documents.loaded.get(source)
    const doc = now?.doc.document
    if (!before || !doc || isHidden(doc.record, first.pass.config) || doc.record.slug !== before.record.slug) return null
    if (before.record.diagnostics.some((d) => d.ruleId === RULE.slugDuplicate)) return null
    const at = docs.indexOf(before)
    if (at < 0) return null
    docs[at] = doc
    sorted &&= doc.record.date === before.record.date && doc.record.published === before.record.published
    keys.set(doc, `${now.key}/${doc.record.slug}`)
    slugs.add(doc.record.slug)
  }
  const files = planPostmortems(docs, slugs, (d) => keys.get(d)!, sorted, first.image, first.related.current(), first.documents.readBody)
  const outcome = await runPass(first.pass, manifest, async () => ({ files }), { partial: true })
  return { written: outcome.written, manifest: outcome.manifest }
}
