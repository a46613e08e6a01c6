/**
 * Clauses that name impact without saying it happened then: denied ("no customer impact", "we did not see errors",
 * "customers were not affected") or in the future ("we will restore service", "to prevent the outage from recurring",
 * "expect a return to normal"). They mark neither the impact's start nor its end, so readers drop them first.
 */

/** Where a text splits into clauses (captured, so the text is rebuilt with its own separators). */
const CLAUSE_BREAK = /([.;:!?()[\]]+(?:\s|$)|,\s|\s[-–—]+\s|\s(?:and|but|while|whereas|so)\s)/i

/** A negation before an impact noun ("no customer impact", "without downtime", "zero errors"); not "no longer", "no one". */
const NEGATED_NOUN =
  /\b(?:no(?!\s+(?:longer|one)\b)|without|zero|nor|kein\w*|ohne|aucune?|sans)\b[^.,;:()]{0,40}?\b(?:outage|downtime|impact|degradation|disruption|interruption|errors?|failures?|loss\s+of\s+service|auswirkung\w*|ausfall|störung|panne|coupure)/i
/** A denied observation or effect ("did not see errors", "hasn't caused", "were not affected", "never went down"). */
const DENIED_VERB =
  /\b(?:(?:did|does|do|has|have|had)(?:\s+not|n[’']t)|never)\s+(?:\w+\s+)?(?:see|saw|observe|notice|experienc|detect|cause|result|lead|affect|impact|suffer|encounter|go\s+down|went\s+down)\w*|\b(?:was|were|is|are|been|be)(?:\s+not|n[’']t)\s+(?:\w+\s+)?(?:affected|impacted|disrupted|degraded|interrupted)\b|\bnot\s+(?:customer|user)[- ]facing\b/i
/**
 * Words that put a clause in the future or make it a plan ("will restore", "expected to recover", "to prevent …");
 * "as expected" and "than expected" say how things went, not what is to come.
 */
const FUTURE =
  /\b(?:will|shall|going\s+to|plan(?:s|ned|ning)?\s+to|(?<!\b(?:as|than)\s)expect(?:s|ed|ing)?|anticipat\w*|to\s+prevent|avoid\w*|in\s+(?:the\s+)?future|next\s+time|ETA|estimated\s+(?:time|resolution|recovery))\b|\w[’']ll\b|\bs[’']attend\w*/i

/** `true` when a clause denies impact ("no customer impact", "did not see errors"). */
export const isDenied = (clause: string): boolean => NEGATED_NOUN.test(clause) || DENIED_VERB.test(clause)

/** `true` when a clause speaks of the future or of a plan ("will restore", "to prevent it from recurring"). */
export const isFuture = (clause: string): boolean => FUTURE.test(clause)

/** `true` when a clause denies impact or speaks of the future. */
export const isDeniedOrFuture = (clause: string): boolean => isDenied(clause) || isFuture(clause)

/** The text without the clauses `drop` tells (bounded input), separators kept; the text itself when none is dropped. */
function without(text: string, drop: (clause: string) => boolean): string {
  const sample = text.slice(0, 4000)
  if (!drop(sample)) return text
  const parts = sample.split(CLAUSE_BREAK)
  // Even entries are clauses, odd ones the separators captured between them; a dropped clause takes its separator along.
  let out = ''
  for (let i = 0; i < parts.length; i += 2) if (!drop(parts[i]!)) out += parts[i]! + (parts[i + 1] ?? '')
  return out
}

/** The text without its clauses that deny impact or speak of the future: what a start is read from. */
export const withoutDeniedOrFuture = (text: string): string => without(text, isDeniedOrFuture)

/** The text without its clauses in the future: what an end is read from ("no more errors" is an end, not a denial). */
export const withoutFuture = (text: string): string => without(text, isFuture)
