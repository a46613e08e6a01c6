/**
 * A paragraph that announces the follow-ups listed right after it ("Here are the two things I'll be changing to
 * prevent this in the future:"): its list holds action items even in a section that is not called action items.
 */
import { collapseSpaces } from '../collapse-spaces.js'

/** Words of intent about the future: a plan, a change to come, prevention of a recurrence. */
const FUTURE =
  /\b(?:in the future|going forward|moving forward|from now on|next steps|(?:we|i)(?:'ll|’ll| will| are going to| plan to| intend to)\b|to (?:prevent|avoid) (?:this|it|that|similar|such|a recurrence|recurrence|this from)\b)/i
/** Words that introduce what was already done ("we did the following", "we have", "were taken"). */
const PAST = /\b(?:we (?:did|took|made|have|had)|we've|were|was|had been|have been)\b/i

/** A purpose of prevention ("To prevent similar issues in the future", "to keep this from happening again"). */
const PREVENTION =
  /\b(?:to (?:prevent|avoid) (?:this|it|that|similar|such|a recurrence|recurrence|future)|to keep (?:this|it|that) from happening|from happening again)\b/i
/** Nouns that name the follow-ups a sentence announces ("a few changes", "these improvements", "the following measures"). */
const FOLLOW_UPS = /\b(?:changes|improvements|measures|steps|actions|fixes|safeguards)\b/i

/**
 * True for a paragraph whose last sentence ends in a colon and announces changes still to come, or changes made or
 * planned to prevent a recurrence ("To prevent similar issues, we've made a few changes:").
 */
export function announcesFollowUps(paragraph: string): boolean {
  const text = collapseSpaces(paragraph).trim()
  if (!text.endsWith(':')) return false
  const last = text.slice(Math.max(0, text.lastIndexOf('. ', text.length - 2) + 1), -1).slice(-400)
  return (FUTURE.test(last) && !PAST.test(last)) || (PREVENTION.test(last) && FOLLOW_UPS.test(last))
}
