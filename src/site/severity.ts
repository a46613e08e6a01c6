import type { RecordHead } from '../types.js'

/** How bad an incident was on a common scale, for the badge's colour; the badge always says the author's level too. */
export type SeverityLevel = 'critical' | 'high' | 'medium' | 'low' | 'other'

/** A record's severity as a badge shows it: the label and its place on the common scale. */
export interface SeverityBadge {
  label: string
  level: SeverityLevel
}

const NUMBERED = /^(sev|severity|p|priority|s)[\s_-]*(\d)$/i
const WORDS: Array<[RegExp, SeverityLevel]> = [
  [/^(critical|blocker|emergency|catastrophic|urgent)$/i, 'critical'],
  [/^(high|major|severe|serious)$/i, 'high'],
  [/^(medium|moderate|normal|significant)$/i, 'medium'],
  [/^(low|minor|trivial|informational|info)$/i, 'low'],
]

/**
 * The severity label pages show and group by: numbered levels written any way (`sev-1`, `SEV 1`, `Severity 1`) become
 * `SEV1`, priorities `P1`; words keep their spelling with a capital. `null` when the record states none.
 */
export function severityLabel(r: RecordHead): string | null {
  const raw = r.severity?.replace(/\s+/g, ' ').trim()
  if (!raw) return null
  const numbered = NUMBERED.exec(raw)
  if (numbered) return `${/^p/i.test(numbered[1]!) ? 'P' : 'SEV'}${numbered[2]}`
  return raw[0]!.toUpperCase() + raw.slice(1)
}

/** Where a severity label sits on the common scale: level 0-1 critical, 2 high, 3 medium, 4-5 low; words by meaning. */
export function severityLevel(label: string): SeverityLevel {
  const numbered = /^(?:SEV|P)(\d)$/.exec(label)
  if (numbered) return (['critical', 'critical', 'high', 'medium', 'low', 'low'] as const)[Number(numbered[1])] ?? 'low'
  return WORDS.find(([pattern]) => pattern.test(label))?.[1] ?? 'other'
}

/** The badge of a record, `null` when it states no severity. */
export function severityBadge(r: RecordHead): SeverityBadge | null {
  const label = severityLabel(r)
  return label ? { label, level: severityLevel(label) } : null
}
