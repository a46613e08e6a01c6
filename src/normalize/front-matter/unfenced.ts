/**
 * Front matter written without its `---` fences (blog exports: `title: ...`, `slug: ...`, `author: ...` lines at the
 * very top, then a blank line; Pelican's `Title: ...` header; Nikola's `<!-- .. title: ... -->` comment): read as
 * string values, so those lines are metadata rather than the first paragraph or a comment to skip.
 */

/** Keys that only a metadata block carries; at least one of them must be present (so `Date:` prose is not taken). */
const ANCHORS = new Set(['title', 'slug'])
/** A `key: value` line, already trimmed at its end: its value runs to the end (a lazy value before `[ \t]*$` was quadratic on spaces). */
const KEY_LINE = /^([A-Za-z][a-z0-9_-]{0,30}):(?:[ \t]+(\S.*))?$/
/** A Nikola metadata line inside its leading comment: `.. title: Cache outage`. */
const NIKOLA_LINE = /^\.\.[ \t]+([a-z][a-z0-9_-]{0,30}):(?:[ \t]+(\S.*))?$/

/** The parsed block and how many lines it spans; null when the text does not start with one. */
export interface UnfencedMatter {
  data: Record<string, unknown>
  lines: number
}

/**
 * Reads leading `key: value` lines (at least three, one of them `title` or `slug`; keys all lower-case, or all
 * capitalised as Pelican writes them, read in lower case) up to a blank line, or Nikola's `.. key: value` lines
 * between `<!--` and `-->` lines.
 */
export function readUnfencedMatter(lines: string[], known: ReadonlySet<string>): UnfencedMatter | null {
  const comment = (lines[0] ?? '').trim() === '<!--'
  const data: Record<string, unknown> = {}
  let count = comment ? 1 : 0
  let knownKeys = 0
  let capitals = 0
  for (; count < lines.length && count < 40; count++) {
    const line = (lines[count] ?? '').trimEnd()
    if (!line || (comment && line.trim() === '-->')) break
    const m = (comment ? NIKOLA_LINE : KEY_LINE).exec(line)
    if (!m) return null
    if (/^[A-Z]/.test(m[1]!)) capitals++
    const key = m[1]!.toLowerCase()
    if (Object.hasOwn(data, key) || key === '__proto__') return null
    if (known.has(key)) knownKeys++
    data[key] = (m[2] ?? '').replace(/^(["'])(.*)\1$/, '$2')
  }
  const keys = Object.keys(data).length
  if (keys < (comment ? 2 : 3) || knownKeys < 2 || !Object.keys(data).some((k) => ANCHORS.has(k))) return null
  if (capitals !== 0 && capitals !== keys) return null
  if (comment) return (lines[count] ?? '').trim() === '-->' ? { data, lines: count + 1 } : null
  if (count < lines.length && (lines[count] ?? '').trim() !== '') return null
  return { data, lines: count }
}
