import type { PlannedFile, SiteDocument } from '../site/pages.js'
import { hashParts } from './hash.js'

/**
 * Hashes what a templated output file is rendered from (template, path, data, plus the render and template keys),
 * standing each known document in for its cache key, so planning 10,000 pages does not serialise 10,000 bodies.
 */
export function createPlanHasher(documents: Iterable<[SiteDocument, string]>, renderKey: string): (file: PlannedFile) => string {
  const objects = new WeakMap<object, string>()
  const strings = new Map<string, string>()
  for (const [doc, key] of documents) {
    objects.set(doc, `doc:${key}`)
    objects.set(doc.record, `record:${key}`)
    if (doc.html.length > 64) strings.set(doc.html, `html:${key}`)
  }
  const replacer = (_key: string, value: unknown): unknown => {
    if (typeof value === 'object' && value !== null) return objects.get(value) ?? value
    if (typeof value === 'string' && value.length > 64) return strings.get(value) ?? value
    return value
  }
  return (file) => ('content' in file ? '' : hashParts(renderKey, file.template, file.path, JSON.stringify(file.data, replacer) ?? ''))
}
