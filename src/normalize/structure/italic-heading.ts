/**
 * An italic line that ends in a colon and names a section (`*Timeline:*`, `_Root Cause and Resolution:_`): a
 * pseudo-heading as a bold one would be; an italic remark ("*Note: the graphs are hourly.*") stays text.
 */
import { matchSection, type SectionMatch } from '../sections/section-synonyms.js'

const ITALIC_LABEL = /^\s*([*_])(?<label>[^*_\n:]{1,80}?)\s*(?::\s*\1|\1\s*:)\s*$/

/** The heading an italic label line names, or null when the line is not one or names no section. */
export function italicHeading(line: string): { text: string; match: SectionMatch } | null {
  if (line.length > 100) return null
  const label = ITALIC_LABEL.exec(line)?.groups?.['label']?.trim()
  if (!label || label.split(/\s+/).length > 6) return null
  const match = matchSection(label, true)
  return match ? { text: label, match } : null
}
