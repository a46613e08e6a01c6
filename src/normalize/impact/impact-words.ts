/**
 * A three-digit number from 500 to 599 that reads as an HTTP status: not one that names a build, release, ticket or other
 * numbered thing ("build 512", "PR #503", "port 554"), nor part of a version or longer number. The look-behind's
 * spaces are bounded so a long run of spaces before a 5xx costs linear time, not quadratic.
 */
export const STATUS_5XX = String.raw`(?<!\b(?:build|version|release|ticket|issue|bug|job|run|pr|pull\s+request|port|node|host|room|step|no\.?|number|id)\s{0,2}#?\s{0,2}|[#.\d,-])5\d\d(?:s|\b)`

/** Words that say a sentence or event speaks of users being affected (down, errors, outage, failing, unavailable, rejected), shared by every impact reader so they agree. */
export const IMPACT_WORDS = new RegExp(
  String.raw`\b(?:down|outage|offline|unavailab|unreachab|inaccessib|not\s+(?:accessible|available|reachable|working|responding|loading|usable)|disrupt|degrad|impact|affect|error|fail(?!over)|reject|refus|incident|interrupt|broken|could\s*n[o']t|unable|slow|latenc|timeouts?)|${STATUS_5XX}|ausfall|störung|nicht erreichbar|panne|indisponib|interruption|障害|停止`,
  'i',
)

/** Words that name who or what was affected ("users", "the site"), which make a stated range read as the impact. */
export const AFFECTED_WORDS = /\b(?:experienc|users?|customers?|service|site|issue|problem)/i
