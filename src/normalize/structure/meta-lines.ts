/**
 * Headings that are metadata, not sections: `## Date: 2020-05-04`, `## Owner: @name`, `## Involved:` — a label
 * naming a property of the report (who, when, status, a tracker's bug or ticket) followed by a colon and its value (possibly empty).
 */

const META_LABEL = new RegExp(
  '^(?:(?:incident |report |document |postmortem )?(?:date|time|id|number|status|severity|sev|priority|owners?|authors?|editors?|reviewers?)' +
    '|involved|participants|attendees|responders|written by|created by|prepared by|updated|last updated|last modified|published|' +
    'meeting(?: [a-z ]{0,30})?|call recording|recording|(?:(?:bugzilla|github|gitlab|jira|tracker|tracking|related|internal) )?(?:bug|ticket|issue)(?: id| number)?|jira|team|teams|systems?|services?|components?|detected|resolved|duration|start(?: time)?|end(?: time)?|version)$',
)

/** A tracker reference as a heading's value: `#412`, `OPS-12`, a number or a link. */
const TRACKER_REF = /^(?:#?\d{1,9}|[A-Z][A-Z0-9]{1,9}-\d{1,9}|\[?https?:\/\/\S+)\s*$/

/**
 * Whether a value is only metadata (empty, a tracker reference, or short parts: a date, a code, names), not the words
 * of a title: "Bug: Device assignments empty despite active devices" names the incident, "Date: 2020-05-04" does not.
 */
function metadataOnly(value: string): boolean {
  if (!value || TRACKER_REF.test(value)) return true
  const parts = value.split(/\s*(?:[,;&/]|\s(?:and|und|et|y)\s)\s*/).slice(0, 20)
  const words = parts.map((part) => part.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length)
  return words.every((n) => n <= 2) && words.reduce((a, b) => a + b, 0) <= 6
}

/**
 * A labelled metadata heading split into label and value; null when the heading is a section or a title. An H1 is
 * the title unless its value is only metadata (`# Bug: Device assignments empty` is a title, `# Date: 2020-05-04` is not).
 */
export function metadataHeading(text: string, depth = 2): { label: string; value: string } | null {
  const m = /^\s*([^:\n]{1,40}):(?:\s+(.*)|\s*)$/.exec(text.replace(/[*_`]/g, ''))
  if (!m) return null
  const label = (m[1] ?? '').trim()
  const value = (m[2] ?? '').trim()
  if (!META_LABEL.test(label.toLowerCase())) return null
  // "#### ISSUE:" over prose is a status post's section (what happened); only a reference ("Issue: #412") is metadata.
  if (/^issue$/i.test(label) && !TRACKER_REF.test(value)) return null
  if (depth === 1 && !metadataOnly(value)) return null
  return { label, value }
}

/** Inline HTML tags removed from a heading's text (`<span style="color:green">Summary:</span>` reads "Summary:"). */
export function stripInlineTags(text: string): string {
  return text
    .replace(/<\/?[A-Za-z][^<>]{0,400}>/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}
