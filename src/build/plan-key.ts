import type { PlannedFile, ArchiveDocument } from '../site/pages.js'
import { hashParts } from '../cache/hash.js'

/**
 * Hashes what an output file is made from (template, path, and its key or data, plus the render and template keys),
 * standing each known document in for its cache key, so planning 10,000 pages does not serialise 10,000 bodies;
 * `''` means "unknown": the file is produced and compared by its bytes.
 */
export function createPlanHasher(documents: Iterable<[ArchiveDocument, string]>, renderKey: string): (file: PlannedFile) => string {
  // Documents and records only: reading each document's HTML here would load every cached body the plan never renders.
  const objects = new WeakMap<object, string>()
  for (const [doc, key] of documents) {
    objects.set(doc, `doc:${key}`)
    objects.set(doc.record, `record:${key}`)
  }
  const replacer = (_key: string, value: unknown): unknown => (typeof value === 'object' && value !== null ? (objects.get(value) ?? value) : value)
  return (file) => {
    if (file.key !== undefined) return hashParts(renderKey, 'template' in file ? file.template : '', file.path, file.key)
    if ('content' in file || typeof file.data === 'function') return ''
    return hashParts(renderKey, file.template, file.path, JSON.stringify(file.data, replacer) ?? '')
  }
}
