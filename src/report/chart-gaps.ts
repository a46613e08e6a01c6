import { RULE } from '../constants.js'
import { problem } from '../normalize/diagnostics.js'
import type { Diagnostic, PostmortemRecord } from '../types.js'

/**
 * What `check` adds for a postmortem the stats page cannot chart (no incident date, or no impact duration): the
 * reader's stats page no longer lists these, so the author hears it here, at the place to add what is missing.
 */
export function chartGaps(record: PostmortemRecord): Diagnostic[] {
  const out: Diagnostic[] = []
  if (record.date === null && !record.diagnostics.some((d) => d.ruleId === RULE.noDate)) {
    out.push(
      problem('info', 'No incident date could be read, so the stats charts leave this postmortem out; add a line such as `Date: 2024-05-01`', RULE.noDate),
    )
  }
  if (record.durationMinutes === null) {
    // The impact section is where a reader looks for how long it lasted; else the timeline, else the top.
    const line = record.sections.find((s) => s.key === 'impact')?.line ?? record.timeline[0]?.line ?? 1
    const reason =
      'No impact duration could be read, so the duration chart leaves this postmortem out; state it, e.g. `Duration: 45 minutes` or `Impact: 10:05 to 10:50 UTC`'
    out.push(problem('info', reason, RULE.noDuration, { line, column: 1 }))
  }
  return out
}
