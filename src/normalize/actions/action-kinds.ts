/**
 * Kinds of action items: the words a label, a sub-heading or a bracket in front of an item uses to name its group
 * ("Improvements/Fixes", "Short-term", "Process"), mapped onto one kind each.
 */
const KINDS = new Map<string, string>([
  ['improvement', 'improvement'],
  ['fix', 'fix'],
  ['todo', 'todo'],
  ['to do', 'todo'],
  ['task', 'task'],
  ['action', 'action'],
  ['action item', 'action'],
  ['follow-up', 'follow-up'],
  ['followup', 'follow-up'],
  ['follow up', 'follow-up'],
  ['mitigation', 'mitigation'],
  ['mitigate', 'mitigation'],
  ['prevention', 'prevention'],
  ['prevent', 'prevention'],
  ['repair', 'repair'],
  ['preventative', 'prevention'],
  ['preventive', 'prevention'],
  ['remediation', 'remediation'],
  ['corrective', 'corrective'],
  ['correction', 'corrective'],
  ['investigation', 'investigation'],
  ['process', 'process'],
  ['monitoring', 'monitoring'],
  ['documentation', 'documentation'],
  ['detection', 'detection'],
  ['detect', 'detection'],
  ['bug', 'bug'],
  ['chore', 'chore'],
  ['technical', 'technical'],
  ['short term', 'short-term'],
  ['short-term', 'short-term'],
  ['shortterm', 'short-term'],
  ['long term', 'long-term'],
  ['long-term', 'long-term'],
  ['longterm', 'long-term'],
  ['near term', 'short-term'],
  ['near-term', 'short-term'],
  ['medium term', 'medium-term'],
  ['medium-term', 'medium-term'],
  ['mid-term', 'medium-term'],
  ['mid term', 'medium-term'],
  ['immediate', 'immediate'],
  ['organizational', 'organizational'],
  ['organisational', 'organizational'],
  ['people', 'people'],
  ['tooling', 'tooling'],
  ['infrastructure', 'infrastructure'],
  ['communication', 'communication'],
  ['testing', 'testing'],
])

/** Kind named by a label ("Improvements/Fixes" -> `improvement`, "Long term" -> `long-term`), else null. */
export function kindOf(label: string): string | null {
  const norm = label
    .toLowerCase()
    .replace(/[*_`:]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  const twoWords = norm
    .split(/[\s/&,]+/)
    .slice(0, 2)
    .join(' ')
  for (const candidate of [norm, twoWords, norm.split(/[\s/&,]+/)[0] ?? '']) {
    const hit = KINDS.get(candidate) ?? KINDS.get(candidate.replace(/(?:es|s)$/, '')) ?? KINDS.get(candidate.replace(/s$/, ''))
    if (hit) return hit
  }
  return null
}

/** Kind of a label made only of kind words ("Improvements/Fixes", "Short-term", "Process"), else null. */
export function labelKind(label: string): string | null {
  const parts = label
    .toLowerCase()
    .replace(/[*_`:]/g, '')
    .split(/\s*(?:[/&,+]|\band\b)\s*/)
    .map((p) => p.trim())
    .filter(Boolean)
  const kinds = parts.map((p) => KINDS.get(p) ?? KINDS.get(p.replace(/(?:es|s)$/, '')) ?? KINDS.get(p.replace(/s$/, '')) ?? null)
  return kinds.length && kinds.every(Boolean) ? kinds[0]! : null
}
