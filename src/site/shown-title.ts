import type { RecordHead } from '../types.js'

/**
 * The title readers see: the display title when the author's title says nothing of the incident (a file number, a
 * date, "Postmortem"), else the author's title, else the slug; the author's own title stays in the record.
 */
export function shownTitle(record: RecordHead): string {
  return record.displayTitle ?? record.title ?? record.slug
}
