/**
 * Front-matter keys that decide how a postmortem is published rather than what it says: `draft` / `published: false`
 * (kept out of the published site) and `aliases` / `redirect_from` (old addresses that redirect to its page).
 */
import type { VFile } from 'vfile'
import { RULE } from '../../constants.js'
import { report } from '../diagnostics.js'

/** Most aliases one postmortem may ask for; more are ignored with a warning (each one is a page). */
export const MAX_ALIASES = 20

/** Longest alias path in characters. */
const MAX_ALIAS_LENGTH = 200

/** One path segment: letters, digits and `._~-`, not starting with a dot (no `..`, no hidden folders). */
const SEGMENT = /^[\p{L}\p{N}_~-][\p{L}\p{N}._~-]*$/u

const yes = (value: unknown): boolean => value === true || (typeof value === 'string' && /^(?:true|yes)$/i.test(value.trim()))
const no = (value: unknown): boolean => value === false || (typeof value === 'string' && /^(?:false|no)$/i.test(value.trim()))

/** `draft: true` (Hugo, Jekyll, Eleventy) or `published: false` (Jekyll): the postmortem is under review. */
export function isDraft(data: Record<string, unknown>): boolean {
  return yes(data['draft']) || no(data['published'])
}

/**
 * An alias as a site-relative path (`old/address/` for a folder, `old/page.html` for a file), or the reason it
 * cannot be one: a redirect page must stay inside the site folder and must not be the home page.
 */
export function aliasPath(value: string): { path: string } | { reason: string } {
  const text = value.trim()
  if (!text) return { reason: 'is empty' }
  if (text.length > MAX_ALIAS_LENGTH) return { reason: `is longer than ${MAX_ALIAS_LENGTH} characters` }
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(text)) return { reason: 'is a URL; an alias is a path on this site such as `/old/address/`' }
  if (/[?#\\]/.test(text)) return { reason: 'holds `?`, `#` or `\\`; an alias is a plain path such as `/old/address/`' }
  const segments = text.replace(/^\/+/, '').split('/')
  const folder = segments[segments.length - 1] === ''
  if (folder) segments.pop()
  if (segments.length === 0) return { reason: 'is the home page' }
  for (const segment of segments) {
    if (!SEGMENT.test(segment))
      return { reason: `has the segment \`${segment.slice(0, 40)}\`; use letters, digits and \`._~-\`, with no \`..\` and no leading dot` }
  }
  const joined = segments.join('/')
  return { path: folder || !/\.html?$/i.test(joined) ? `${joined}/` : joined }
}

/** The aliases of `aliases` and `redirect_from` (a string or a list of strings), as site-relative paths; unusable ones are warnings. */
export function readAliases(data: Record<string, unknown>, file: VFile): string[] {
  const found = new Set<string>()
  for (const key of ['aliases', 'redirect_from']) {
    const value = data[key]
    if (value === undefined || value === null) continue
    const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : null
    if (list === null || list.some((v) => typeof v !== 'string')) {
      report(
        file,
        'warning',
        `Front-matter \`${key}\` should be a path or a list of paths such as \`/old/address/\``,
        { line: 1, column: 1 },
        RULE.frontMatterType,
      )
    }
    for (const item of list ?? []) {
      if (typeof item !== 'string') continue
      const alias = aliasPath(item)
      if ('reason' in alias)
        report(
          file,
          'warning',
          `Alias \`${item.slice(0, 80)}\` in \`${key}\` ${alias.reason}; no redirect is written for it`,
          { line: 1, column: 1 },
          RULE.aliasInvalid,
        )
      else found.add(alias.path)
    }
  }
  if (found.size > MAX_ALIASES)
    report(file, 'warning', `${found.size} aliases: only the first ${MAX_ALIASES} get a redirect page`, { line: 1, column: 1 }, RULE.aliasInvalid)
  return [...found].slice(0, MAX_ALIASES)
}
