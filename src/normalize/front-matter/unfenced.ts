/**
 * Front matter written without its `---` fences (blog exports: `title: ...`, `slug: ...`, `author: ...` lines at the
 * very top, then a blank line): read as string values, so those lines are metadata rather than the first paragraph.
 */

/** Keys that only a metadata block carries; at least one of them must be present (so `Date:` prose is not taken). */
const ANCHORS = new Set(['title', 'slug'])
const KEY_LINE = /^([a-z][a-z0-9_-]{0,30}):(?:[ \t]+(\S.*?))?[ \t]*$/

/** The parsed block and how many lines it spans; null when the text does not start with one. */
export interface UnfencedMatter {
  data: Record<string, unknown>
  lines: number
}

/** Reads leading lower-case `key: value` lines (at least three, one of them `title` or `slug`) up to a blank line. */
export function readUnfencedMatter(lines: string[], known: ReadonlySet<string>): UnfencedMatter | null {
  const data: Record<string, unknown> = {}
  let count = 0
  let knownKeys = 0
  for (; count < lines.length && count < 40; count++) {
    const line = (lines[count] ?? '').trimEnd()
    if (!line) break
    const m = KEY_LINE.exec(line)
    if (!m) return null
    const key = m[1]!
    if (Object.hasOwn(data, key) || key === '__proto__') return null
    if (known.has(key)) knownKeys++
    data[key] = (m[2] ?? '').replace(/^(["'])(.*)\1$/, '$2')
  }
  if (count < 3 || knownKeys < 2 || !Object.keys(data).some((k) => ANCHORS.has(k))) return null
  if (count < lines.length && (lines[count] ?? '').trim() !== '') return null
  return { data, lines: count }
}
