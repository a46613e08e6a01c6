/**
 * A labelled severity's value without the author's explanation ("SEV-3 (CI/CD pipeline availability; no production
 * impact)" -> "SEV-3", "High — customer facing" -> "High"): the level is what the index and badges group by.
 */

/** The level before a parenthesis or an explaining separator, when that level is short; else the whole value. */
const LEVEL_THEN_EXPLANATION = /^([^\s()[\]]{1,12}(?: [^\s()[\]:;,]{1,12})?)\s*(?:\(|\[|\s[\u2013\u2014]\s|;\s)/

/** The severity a field line states, markup stripped, at most 40 characters; `null` when empty. */
export function severityValue(raw: string): string | null {
  const text = raw.replace(/[*_`]/g, '').trim()
  const level = LEVEL_THEN_EXPLANATION.exec(text)?.[1]
  return (level ?? text).slice(0, 40) || null
}
