/**
 * Which sections hold follow-ups and which of their items they keep: action-items sections, a status sibling right
 * after one, a heading joined with one, and lessons or remediation headings that name what to improve.
 */
import type { SectionSpan } from '../sections/sections.js'
import { namesImprovement } from '../sections/section-words.js'
import { normalizeHeading } from '../sections/section-synonyms.js'
import { narrates } from './narrative-lines.js'
import { isStatement } from './action-lines.js'
import { reportsDoneWork } from './done-work.js'
import { stateOf } from './action-status.js'

/**
 * Which items a section keeps when it holds follow-ups, or null when it holds none: all of an action-items section's
 * (inside a resolution section only those that report no work done);
 * of a heading joined with one ("Resolution and follow-up") those that report no work done; of a lessons heading that
 * names what to improve ("Areas for improvement") or a bare "Remediation" only those that read as changes to make,
 * not statements, narration or reports of what was done.
 */
export function followUpsOf(span: SectionSpan, after: SectionSpan | null, parent: SectionSpan | null): ((text: string) => boolean) | null {
  // Inside a resolution ("## Resolution" over "**Immediate actions**:", "**Permanent fixes**:"), steps already taken are
  // the resolution's; only what is still to do is a follow-up.
  if (span.match?.key === 'actionItems') return parent?.match?.key === 'resolution' ? (text) => !reportsDoneWork(text) : () => true
  // A sibling right after action items named only by a status ("## To do" then "## Done"): more of them, in that state.
  const label = span.heading.kind === 'heading' ? span.heading.text.replace(/[*_`:]/g, '').trim() : ''
  if (after?.match?.key === 'actionItems' && after.end === span.index && after.depth === span.depth && stateOf(label)) return () => true
  if (span.match?.also === 'actionItems') return (text) => !reportsDoneWork(text)
  const heading = span.heading.kind === 'heading' ? span.heading.text : ''
  const improvement = span.match?.key === 'lessonsLearned' && namesImprovement(heading)
  const remediation = span.match?.key === 'resolution' && normalizeHeading(heading) === 'remediation'
  return improvement || remediation ? (text) => !reportsDoneWork(text) && !isStatement(text) && !narrates(text) && !FINDING.test(text) : null
}

/** A finding rather than a change: a subject of a word or two and a finite verb ("Escalation took too long", "Alerts were late"). */
const FINDING =
  /^[\p{L}-]+(?: [\p{L}-]+)? (?:took|was|were|is|are|had|has|did|went|came|broke|caused|lacked|missed|seemed|worked|helped|wasn['’]t|weren['’]t|didn['’]t|did not|could(?:n['’]t| not))\b/iu
