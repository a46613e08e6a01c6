/** Which files under content/ are postmortems, decided by name alone so discovery and the dev watcher agree. */
import { CONTENT_EXTENSIONS } from '../constants.js'

/** A repository's own documents, often kept beside the postmortems: README.md describes the archive, it is not an incident. */
const HOUSEKEEPING = /^(readme|contributing|changelog|license|licence|code_of_conduct|code-of-conduct|security|support|authors)$/i

/** A postmortem template (`template.md`, `_template.md`, `postmortem-template.md`), whose placeholders are no incident. */
const TEMPLATE = /(^|[-_.])template$/i

/**
 * Whether a file name (or a `/`-separated path: its last part counts) names a postmortem: a content extension, not a
 * housekeeping document or template, and not `_`-prefixed (Jekyll's and Hugo's partials and section pages, `_index.md`).
 */
export function isPostmortemName(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1)
  const extension = CONTENT_EXTENSIONS.find((ext) => base.toLowerCase().endsWith(ext))
  if (!extension) return false
  const stem = base.slice(0, -extension.length)
  return !base.startsWith('_') && !HOUSEKEEPING.test(stem) && !TEMPLATE.test(stem)
}

/** Whether a file name has a content extension at all (a link to such a file outside content/ is refused, not ignored). */
export const hasContentExtension = (name: string): boolean => CONTENT_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext))
