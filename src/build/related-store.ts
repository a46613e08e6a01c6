/** The related-incidents snapshot a builder plans with: read once from the cache folder, saved there when a plan makes a new one. */
import { readCacheValue, writeCacheValue } from '../cache/files.js'
import { isRelatedSnapshot, type RelatedSnapshot } from '../site/related.js'

/** Name of the related-incidents snapshot in the cache folder. */
const RELATED_FILE = 'related'

/** The snapshot of one builder (see `site/related.ts`); a warm build reuses it while no record's features change. */
export interface RelatedStore {
  /** The current snapshot: the last one planned with, else the one the last process saved, else null. */
  current(): RelatedSnapshot | null
  /** Takes the snapshot a plan returned; saved in the cache folder when new. */
  save(snapshot: RelatedSnapshot | null): void
}

export function createRelatedStore(cacheDir: string): RelatedStore {
  let current: RelatedSnapshot | null | undefined
  let saved: RelatedSnapshot | null = null
  const read = (): RelatedSnapshot | null => {
    if (current === undefined) {
      const stored = readCacheValue<unknown>(cacheDir, RELATED_FILE)
      current = saved = isRelatedSnapshot(stored) ? stored : null
    }
    return current
  }
  return {
    current: read,
    save(snapshot) {
      read()
      current = snapshot
      if (snapshot !== saved) writeCacheValue(cacheDir, RELATED_FILE, (saved = snapshot))
    },
  }
}
