/**
 * Whether a line under an action-items heading narrates (a clause with its own subject and verb: "The ideal pattern
 * would be …", "Most importantly we aim at …") rather than naming a follow-up (an imperative, a noun phrase, a
 * commitment), so that a paragraph of such lines is read as prose and not as one item per line.
 */
/** Words of a plan or proposal: a line holding one is a follow-up, not narration. */
const PLAN = /\b(?:will|shall|should|must|need|needs|plan|plans|going to|intend|intends)\b/i
/** Imperatives that take a clause, so a later verb belongs to the clause ("Ensure alerting is routed"). */
const CLAUSE_VERB = /^(?:ensure|make\s+sure|verify|check|confirm|validate|guarantee|document|test|review|monitor|assert|see\s+that)\b/i
/** Finite verbs that follow a subject ("… is", "… would be", "… has"). */
const FINITE = /^(?:is|are|was|were|would|could|might|has|have|had|does|did)$/i
/** Personal pronouns that open a clause ("we aim", "it seems"). */
const PRONOUN = /^(?:we|i|they|he|she|it)$/i
/** Determiners that open a subject ("The ideal pattern", "Our engineers"). */
const DETERMINER = /^(?:the|our|their|its|this|these|those|all|both|some|my)$/i
/** Words that start a clause inside an item, so a later verb belongs to it ("Add an alert when the queue is full"). */
const RELATIVE = /^(?:that|which|who|where|when|if|so|how|why|what|whether|once|until|because)$/i
/** Adverbs that may open a sentence before its subject ("Most importantly", "Currently", "Going forward"). */
const OPENER = /^(?:\p{L}+ly|most|going|moving|forward|now|today|currently|also|still)$/iu

/** True for a line that is a clause with its own subject (narration), not an imperative, noun phrase or plan. */
export function narrates(line: string): boolean {
  const body = line.replace(/^[^:]{1,40}:\s+/, '').trim()
  if (PLAN.test(body) || CLAUSE_VERB.test(body)) return false
  const words = body
    .split(/[^\p{L}']+/u)
    .filter(Boolean)
    .slice(0, 12)
  let start = 0
  while (start < 2 && OPENER.test(words[start] ?? '')) start++
  if (PRONOUN.test(words[start] ?? '') && words.length > start + 1) return true
  const limit = start + (DETERMINER.test(words[start] ?? '') ? 6 : 4)
  for (let i = start + 1; i < Math.min(limit, words.length); i++) {
    if (RELATIVE.test(words[i]!)) return false
    if (FINITE.test(words[i]!)) return true
  }
  return false
}
