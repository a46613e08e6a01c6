/**
 * Relative links and images checked against the archive: a link to a sibling postmortem's Markdown file resolves to
 * that postmortem's page, a link to any other Markdown file and an image that is not there are warnings at their place.
 */
import path from 'node:path'
import { VFile } from 'vfile'
import { RULE } from '../constants.js'
import { collectDiagnostics, report } from '../normalize/diagnostics.js'
import type { LocalRef } from '../normalize/structure/local-refs.js'
import type { Diagnostic } from '../types.js'
import { imageSource, isImageFile } from './images.js'

/** Extensions of a link that names a postmortem's source file. */
const MARKDOWN_LINK = /\.(?:md|markdown)$/i

/** A relative destination split into its decoded path and its fragment (`#anchor`, kept as written); `null` when unreadable. */
function splitTarget(url: string): { file: string; hash: string } | null {
  const at = url.search(/[?#]/)
  const file = at < 0 ? url : url.slice(0, at)
  const hash = at < 0 ? '' : (/#.*$/s.exec(url.slice(at))?.[0] ?? '')
  try {
    return { file: decodeURIComponent(file), hash }
  } catch {
    return null
  }
}

/** The content path a relative Markdown link of `source` names, and its fragment; `null` when it names no Markdown file inside content/. */
export function markdownTarget(source: string, url: string): { source: string; hash: string } | null {
  const split = splitTarget(url)
  if (!split || !MARKDOWN_LINK.test(split.file) || split.file.includes('\\') || split.file.includes('\0')) return null
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(source), split.file))
  if (joined === '..' || joined.startsWith('../') || joined.startsWith('/')) return null
  return { source: joined, hash: split.hash }
}

/** Each published postmortem's slug by its source path, for links between postmortems. */
export function slugsBySource(docs: ReadonlyArray<{ record: { source: string; slug: string } }>): (source: string) => string | undefined {
  const map = new Map(docs.map((d) => [d.record.source, d.record.slug]))
  return (source) => map.get(source)
}

/** What the archive knows for the checks: each published postmortem's slug by its source, and which images exist under content/. */
export interface ArchiveRefs {
  slugOf: (source: string) => string | undefined
  /** `undefined` when the files are not known (nothing is said about images then). */
  imageExists?: (source: string) => boolean
}

/**
 * Warnings for one postmortem's relative references: a Markdown link whose target is not a published postmortem,
 * and an image (shown, or linked) that is not under content/ where the path says; each at the place it is written.
 */
export function referenceDiagnostics(source: string, refs: readonly LocalRef[], archive: ArchiveRefs): Diagnostic[] {
  if (refs.length === 0) return []
  const file = new VFile({ path: source })
  for (const ref of refs) {
    const place = { line: ref.line, column: ref.column }
    const split = splitTarget(ref.url)
    if (!split) continue
    if (MARKDOWN_LINK.test(split.file)) {
      const target = markdownTarget(source, ref.url)
      if (!target || archive.slugOf(target.source) === undefined) {
        const reason = `Link \`${ref.url}\` names no postmortem in the archive${target ? ` (no published \`${target.source}\`)` : ''}; it would be dead on the site: fix the path or link to the page`
        report(file, 'warning', reason, place, RULE.linkUnresolved)
      }
      continue
    }
    const rel = path.posix.normalize(split.file)
    if (!archive.imageExists || !isImageFile(rel) || rel === '..' || rel.startsWith('../') || rel.includes('\0')) continue
    if (!archive.imageExists(imageSource(source, rel))) {
      report(
        file,
        'warning',
        `Image \`${ref.url}\` is not there (no \`${imageSource(source, rel)}\` in the content folder); it would show broken on the site`,
        place,
        RULE.imageMissing,
      )
    }
  }
  return collectDiagnostics(file)
}
