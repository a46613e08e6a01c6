/**
 * The title a reader is shown: the author's own, unless it names no incident (only a file or course number, a
 * date, "Postmortem"); then one derived from the summary, marked as derived, with the author's title kept in `title`;
 * a sharing tag before it ("[Public] ...") is left out of the one shown.
 */
import { deriveDisplayTitle, isGenericTitle } from './title-text.js'

/** A document's sharing tag before its title ("[Public] 4/26 Transaction Delays"): not shown as part of the title. */
const VISIBILITY_TAG = /^\[\s*(?:public|internal|external|confidential|private|restricted|redacted|draft)\s*\]\s*(?:[-:\u2013\u2014]\s*)?/i

/** The record fields for the display title: empty when the author's title stands. */
export function displayTitleOf(title: string | null, summary: string, language: string | null = null): { displayTitle?: string; titleDerived?: true } {
  if (title && !isGenericTitle(title)) {
    const shown = title.replace(VISIBILITY_TAG, '')
    return shown && shown !== title ? { displayTitle: shown } : {}
  }
  const derived = deriveDisplayTitle(summary, language)
  return derived ? { displayTitle: derived, titleDerived: true } : {}
}
