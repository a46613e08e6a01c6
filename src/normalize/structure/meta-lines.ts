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

/** A labelled metadata heading split into label and value; null when the heading is a section or a title. */
export function metadataHeading(text: string): { label: string; value: string } | null {
  const m = /^\s*([^:\n]{1,40}):(?:\s+(.*)|\s*)$/.exec(text.replace(/[*_`]/g, ''))
  if (!m) return null
  const label = (m[1] ?? '').trim()
  const value = (m[2] ?? '').trim()
  if (!META_LABEL.test(label.toLowerCase())) return null
  // "#### ISSUE:" over prose is a status post's section (what happened); only a reference ("Issue: #412") is metadata.
  if (/^issue$/i.test(label) && !TRACKER_REF.test(value)) return null
  return { label, value }
}

/** Inline HTML tags removed from a heading's text (`<span style="color:green">Summary:</span>` reads "Summary:"). */
export function stripInlineTags(text: string): string {
  return text
    .replace(/<\/?[A-Za-z][^<>]{0,400}>/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}
