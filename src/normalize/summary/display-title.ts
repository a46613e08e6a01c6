/**
 * The title a reader is shown: the author's own, unless it names no incident (only a file or course number, a
 * date, "Postmortem"); then one derived from the summary, marked as derived, with the author's title kept in `title`.
 */
import { deriveDisplayTitle, isGenericTitle } from './title-text.js'

/** The record fields for the display title: empty when the author's title stands. */
export function displayTitleOf(title: string | null, summary: string, language: string | null = null): { displayTitle?: string; titleDerived?: true } {
  if (title && !isGenericTitle(title)) return {}
  const derived = deriveDisplayTitle(summary, language)
  return derived ? { displayTitle: derived, titleDerived: true } : {}
}
