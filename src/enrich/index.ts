import type { PostmortemRecord } from '../types.js'
import { deriveCauses } from './derive-causes.js'
import { deriveTags } from './derive-tags.js'
import { computeMetrics } from './metrics.js'

/** Options for record enrichment, from the resolved config. */
export interface EnrichOptions {
  tagVocabulary: Record<string, string[]>
}

/**
 * Adds what is derived rather than written (response metrics, suggested tags, cause categories) to a normalized record; pass the
 * document's front matter so stated phases (`detected`, `mitigated`, `resolved`) win over inferred ones.
 */
export function enrichRecord(record: PostmortemRecord, options: EnrichOptions, frontMatter: Record<string, unknown> = {}): PostmortemRecord {
  const causes = deriveCauses(record)
  const enriched: PostmortemRecord = { ...record, derivedTags: deriveTags(record, options.tagVocabulary), metrics: computeMetrics(record, frontMatter) }
  if (!causes.length) return enriched
  // Cause categories sit beside the suggested tags in the record, as both are derived (the keys' order is the JSON's).
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(enriched)) {
    out[key] = value
    if (key === 'derivedTags') out['derivedCauses'] = causes
  }
  return out as unknown as PostmortemRecord
}
