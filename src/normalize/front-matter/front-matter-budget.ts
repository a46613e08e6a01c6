/**
 * The size of a parsed front-matter value counted as its consumers would see it: YAML aliases are shared references,
 * so nine levels of nine aliases parse in microseconds and then expand to 387 million strings in whoever walks them.
 * The walk stops as soon as a limit is passed, so measuring costs at most the limit.
 */

/** Values (mappings, lists and scalars, each alias expansion counted again) a front matter may hold. */
export const MAX_FRONT_MATTER_VALUES = 10_000
/** Characters of text a front matter may hold once expanded. */
export const MAX_FRONT_MATTER_CHARS = 1_000_000
/** Nesting depth of lists and mappings. */
export const MAX_FRONT_MATTER_DEPTH = 64

/** Why a value is over budget, or null when it is within every limit. */
export function frontMatterOverBudget(value: unknown): string | null {
  let values = 0
  let chars = 0
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }]
  while (stack.length) {
    const next = stack.pop()!
    if (++values > MAX_FRONT_MATTER_VALUES) return `more than ${MAX_FRONT_MATTER_VALUES.toLocaleString('en')} values once aliases are expanded`
    if (next.depth > MAX_FRONT_MATTER_DEPTH) return `nested more than ${MAX_FRONT_MATTER_DEPTH} levels deep`
    const item = next.value
    if (typeof item === 'string') chars += item.length
    else if (item && typeof item === 'object' && !(item instanceof Date)) {
      for (const [key, child] of Array.isArray(item) ? item.entries() : Object.entries(item)) {
        if (typeof key === 'string') chars += key.length
        stack.push({ value: child, depth: next.depth + 1 })
        if (stack.length > MAX_FRONT_MATTER_VALUES) return `more than ${MAX_FRONT_MATTER_VALUES.toLocaleString('en')} values once aliases are expanded`
      }
    }
    if (chars > MAX_FRONT_MATTER_CHARS) return `more than ${MAX_FRONT_MATTER_CHARS.toLocaleString('en')} characters once aliases are expanded`
  }
  return null
}
