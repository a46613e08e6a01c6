/**
 * One copy of each string that repeats across the archive's record heads (tags, sites, dates, severities, diagnostic
 * messages, action item kinds): a cached head is deserialised with its own copy of every string, and a build holds
 * every head to its end, so at 100,000 postmortems the copies of the same few hundred words cost about 1 kB each.
 */

/** Fields whose strings are the record's own (rarely equal to another record's): looking them up would only add entries. */
const OWN = new Set(['slug', 'source', 'title', 'displayTitle', 'summary', 'text', 'at', 'start', 'end', 'listingKey', 'terms'])
/** Longer strings are left as they are: the repeated ones are short words and a few fixed diagnostic messages. */
const LONGEST = 160

/** A table of strings seen, giving back the first copy of each; one per set of documents, as long as it lives. */
export type StringPool = Map<string, string>

export const createStringPool = (): StringPool => new Map()

/** The pool's copy of `text` (adding it when new). */
function interned(pool: StringPool, text: string): string {
  const known = pool.get(text)
  if (known !== undefined) return known
  pool.set(text, text)
  return text
}

/**
 * Replaces, in place, each repeatable string of a record head (or any plain data: arrays and objects, walked to
 * `depth`) by the pool's copy; the values and the order of keys stay as they were.
 */
export function internStrings<T>(value: T, pool: StringPool, depth = 4): T {
  if (depth < 0 || typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i]
      if (typeof item === 'string') value[i] = item.length <= LONGEST ? interned(pool, item) : item
      else internStrings(item, pool, depth - 1)
    }
    return value
  }
  const object = value as Record<string, unknown>
  for (const key of Object.keys(object)) {
    const item = object[key]
    if (typeof item === 'string') {
      if (!OWN.has(key) && item.length <= LONGEST) object[key] = interned(pool, item)
    } else if (typeof item === 'object' && item !== null) internStrings(item, pool, depth - 1)
  }
  return value
}
