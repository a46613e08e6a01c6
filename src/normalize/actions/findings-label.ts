/**
 * A label that introduces what was found wrong rather than what to do ("Issues found:", "**Problems identified**",
 * "What went wrong"): authors list the problems and then the fixes under one action heading, and only the fixes are
 * follow-ups.
 */

/** Problem nouns, optionally with a participle of finding, or the "what went wrong" question forms. */
const FINDINGS =
  /^(?:(?:the |our |main |key )?(?:issues?|problems?|findings?|observations?|symptoms?|errors?|gaps?|weaknesses|pain points|root causes?|causes?|contributing factors?|failures?|shortcomings)(?: (?:found|identified|observed|discovered|noted|seen|encountered|spotted|uncovered))?|what (?:went wrong|didn['’]t go (?:so )?well|did not go (?:so )?well|we found|broke|failed))$/i

/** True for a short label (markup, numbering and a trailing colon aside) that introduces a list of problems. */
export function introducesFindings(label: string): boolean {
  const text = label
    .replace(/[*_`]/g, '')
    .replace(/\s*:\s*$/, '')
    .trim()
  return text.length <= 40 && FINDINGS.test(text)
}
