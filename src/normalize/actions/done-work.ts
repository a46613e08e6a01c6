/**
 * Whether a sentence reports work already done rather than proposing a follow-up: where one section holds both
 * (Resolution and follow-up), the resolution steps are not counted as action items.
 */

/** Words ending in "ed" that are not past tenses ("Embed", "Shed"); words ending in "eed" are ruled out apart ("Speed", "Feed"). */
const NOT_PAST = new Set(['embed', 'imbed', 'shed', 'shred', 'sled', 'bed', 'wed', 'bred', 'naked', 'wicked', 'sacred', 'hundred', 'kindred'])
/** Common irregular past tenses that open a report of done work ("Built a new index"). */
const IRREGULAR_PAST = new Set([
  'made',
  'built',
  'rebuilt',
  'wrote',
  'rewrote',
  'sent',
  'took',
  'found',
  'began',
  'ran',
  'brought',
  'bought',
  'spun',
  'paid',
  'told',
  'gave',
  'kept',
])
/** Imperatives that take a clause, so a later "is"/"are" belongs to the clause ("Ensure alerting is routed"). */
const CLAUSE_VERB = /^(?:ensure|make\s+sure|verify|check|confirm|validate|guarantee|document|test|review|monitor|assert|see\s+that)\b/i
/** Determiners and pronouns that open a subject ("The team", "Our replicas", "We"). */
const SUBJECT_START = /^(?:the|our|we|they|all|this|these|those|it|both|some|its|their)\b/i

/** True for a word that reads as a past tense: a regular "-ed" form with a stem of two letters or more, not "-eed", or a listed irregular one. */
function isPastTense(word: string): boolean {
  const w = word.toLowerCase()
  if (IRREGULAR_PAST.has(w)) return true
  return /^\p{L}{2,}ed$/u.test(w) && !w.endsWith('eed') && !NOT_PAST.has(w)
}

/**
 * True for a sentence that reports work already done or a general truth rather than a follow-up ("The team patched
 * the server", "Customers were informed", "Audits are essential"); used where one section holds both (Resolution
 * and follow-up), so the resolution steps are not counted as items. The verb must stand in subject+verb position at
 * the start, so imperatives ("Speed up failover", "Ensure alerting is routed") stay items.
 */
export function reportsDoneWork(text: string): boolean {
  const body = text.replace(/^[^:]{1,40}:\s+/, '')
  if (/\b(?:will|should|must|need|needs|plan|going to)\b/i.test(body)) return false
  const words = body
    .split(/[^\p{L}']+/u)
    .filter(Boolean)
    .slice(0, 12)
  if (words[0] && isPastTense(words[0])) return true
  if (CLAUSE_VERB.test(body)) return false
  const subjectWords = SUBJECT_START.test(body) ? 6 : 4
  const be = words.findIndex((w) => /^(?:was|were|is|are|has|have|had)$/i.test(w))
  const relative = words.slice(0, Math.max(0, be)).some((w) => /^(?:that|which|who|where|when|if|so)$/i.test(w))
  if (
    be >= 1 &&
    be < subjectWords &&
    !relative &&
    (!/^(?:has|have|had)$/i.test(words[be]!) || /^been$/i.test(words[be + 1] ?? '') || isPastTense(words[be + 1] ?? ''))
  )
    return true
  return SUBJECT_START.test(body) && words.slice(1, 8).some(isPastTense)
}
