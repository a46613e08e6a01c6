/** Most string values read from front matter, and the longest kept of each: a bound on what a hostile block costs. */
const MAX_VALUES = 200
const MAX_LENGTH = 200

/**
 * The front matter's string values, nested update lists included (`incident_states: [{date: 05-03-2020 05:36}]`), one per
 * line: the numeric dates there say which day order the author writes, as the body's do.
 */
export function matterDateText(data: Record<string, unknown>): string {
  const out: string[] = []
  const walk = (value: unknown, depth: number): void => {
    if (out.length >= MAX_VALUES) return
    if (typeof value === 'string') out.push(value.slice(0, MAX_LENGTH))
    else if (depth < 3 && Array.isArray(value)) for (const item of value) walk(item, depth + 1)
    else if (depth < 3 && value !== null && typeof value === 'object' && !(value instanceof Date))
      for (const item of Object.values(value)) walk(item, depth + 1)
  }
  walk(data, 0)
  return out.join('\n')
}
