/**
 * Old slugs worth keeping as aliases: a postmortem whose address changed since the last build (a `slug:` edit, or its
 * file renamed after its title changed) is told its old slug, so links to the old page keep working once it is an
 * alias. The last build's state (`.hindsight/cache`) says which file had which slug; nothing else is kept for this.
 */
import { RULE } from '../constants.js'
import { problem } from '../normalize/diagnostics.js'
import type { Diagnostic } from '../types.js'

/** What the last build published: slug and content hash by source. */
export interface PreviousBuild {
  slugs: ReadonlyMap<string, string>
  hashes: ReadonlyMap<string, string>
}

/** A postmortem as it is now: its slug, its aliases, and the hash of its bytes when known. */
export interface CurrentPostmortem {
  source: string
  slug: string
  aliases: readonly string[]
  hash: string | null
}

/** Folder and leading `YYYY-MM-DD` of a file name (as `hindsight new` names files), the mark of one postmortem renamed. */
function renameMark(source: string): string | null {
  const slash = source.lastIndexOf('/')
  const date = /^\d{4}-\d{2}-\d{2}/.exec(source.slice(slash + 1))?.[0]
  return date ? `${source.slice(0, slash + 1)}${date}` : null
}

/**
 * An info diagnostic per postmortem whose slug differs from the one it was last published under: same file with a new
 * slug, or a new file with the bytes of a file gone since, or the only new file with the folder and date prefix of the
 * only file gone since. Not offered when the old slug is now another postmortem's or already an alias.
 */
export function slugChanges(previous: PreviousBuild, current: CurrentPostmortem[]): Array<{ source: string; diagnostic: Diagnostic }> {
  const present = new Set(current.map((c) => c.source))
  const taken = new Set(current.map((c) => c.slug))
  const gone = [...previous.slugs.keys()].filter((s) => !present.has(s))
  const byHash = new Map<string, string>()
  const byMark = new Map<string, string[]>()
  for (const source of gone) {
    const hash = previous.hashes.get(source)
    if (hash) byHash.set(hash, source)
    const mark = renameMark(source)
    if (mark) byMark.set(mark, [...(byMark.get(mark) ?? []), source])
  }
  const added = new Map<string, number>()
  for (const c of current) {
    const mark = !previous.slugs.has(c.source) ? renameMark(c.source) : null
    if (mark) added.set(mark, (added.get(mark) ?? 0) + 1)
  }
  const out: Array<{ source: string; diagnostic: Diagnostic }> = []
  for (const c of current) {
    let before = previous.slugs.get(c.source)
    if (before === undefined) {
      const mark = renameMark(c.source)
      const sameMark = mark ? byMark.get(mark) : undefined
      const from = (c.hash ? byHash.get(c.hash) : undefined) ?? (sameMark?.length === 1 && added.get(mark!) === 1 ? sameMark[0] : undefined)
      before = from === undefined ? undefined : previous.slugs.get(from)
    }
    if (before === undefined || before === c.slug || taken.has(before) || c.aliases.includes(`${before}/`)) continue
    const message = `The address changed since the last build, from /${before}/ to /${c.slug}/; add \`aliases: [/${before}/]\` to the front matter so links to the old address keep working`
    out.push({ source: c.source, diagnostic: problem('info', message, RULE.slugChanged) })
  }
  return out
}
