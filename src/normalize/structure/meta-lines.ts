/**
 * Headings that are metadata, not sections: `## Date: 2020-05-04`, `## Owner: @name`, `## Involved:` — a label
 * naming a property of the report (who, when, status, a tracker's bug or ticket) followed by a colon and its value (possibly empty).
 */

const META_LABEL = new RegExp(
  '^(?:(?:incident |report |document |postmortem )?(?:date|time|id|number|status|severity|sev|priority|owners?|authors?|editors?|reviewers?)' +
    '|involved|participants|attendees|responders|written by|created by|prepared by|updated|last updated|last modified|published|' +
    'meeting(?: [a-z ]{0,30})?|call recording|recording|(?:(?:bugzilla|github|gitlab|jira|tracker|tracking|related|internal) )?(?:bug|ticket|issue)(?: id| number)?|jira|team|teams|systems?|services?|components?|detected|resolved|duration|start(?: time)?|end(?: time)?|version)$',
)

/** A labelled metadata heading split into label and value; null when the heading is a section or a title. */
export function metadataHeading(text: string): { label: string; value: string } | null {
  const m = /^\s*([^:\n]{1,40}):(?:\s+(.*)|\s*)$/.exec(text.replace(/[*_`]/g, ''))
  if (!m) return null
  const label = (m[1] ?? '').trim()
  if (!META_LABEL.test(label.toLowerCase())) return null
  return { label, value: (m[2] ?? '').trim() }
}

/** Inline HTML tags removed from a heading's text (`<span style="color:green">Summary:</span>` reads "Summary:"). */
export function stripInlineTags(text: string): string {
  return text
    .replace(/<\/?[A-Za-z][^<>]{0,400}>/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}
