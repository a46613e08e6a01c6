import { authorName } from './meta.js'

/** A job title written after a name ("Kim Lee, Senior DevOps Engineer"): not a second author. */
const JOB_TITLE =
  /\b(?:engineer|developer|manager|lead|director|architect|sre|devops|cto|ceo|cio|ciso|vp|head of|analyst|administrator|admin|intern|consultant|officer|specialist)s?\b/i

/** Names from an `Authors:` line, e-mail addresses, markup and job titles after a name dropped. */
export function authorList(value: string): string[] {
  return value
    .replace(/<[^>]*>|[*_`]/g, '')
    .split(/,|;|\band\b/)
    .map((s) => authorName(s.trim()))
    .filter((s, i) => s && s.length <= 80 && !(i > 0 && !s.includes('(') && JOB_TITLE.test(s)))
}
