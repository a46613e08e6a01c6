/** Words that say a sentence or event speaks of users being affected (down, errors, outage, failing, unavailable, rejected), shared by every impact reader so they agree. */
export const IMPACT_WORDS =
  /\b(?:down|outage|offline|unavailab|unreachab|inaccessib|not\s+(?:accessible|available|reachable|working|responding|loading|usable)|disrupt|degrad|impact|affect|error|fail(?!over)|reject|refus|incident|interrupt|broken|could\s*n[o']t|unable|slow|latenc|timeouts?|5\d\d)|ausfall|störung|nicht erreichbar|panne|indisponib|interruption|障害|停止/i

/** Words that name who or what was affected ("users", "the site"), which make a stated range read as the impact. */
export const AFFECTED_WORDS = /\b(?:experienc|users?|customers?|service|site|issue|problem)/i
