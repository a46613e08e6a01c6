/**
 * Headings that look like sections but are not: a metadata heading with its value on the next lines (`## Date`
 * then `2020-01-07`, `## Authors` then names), an empty heading that is only a date, and a wrapper heading that
 * holds the real sections (a second title over the whole document, or a heading with no text of its own).
 * Their text stays on the page (the original is shown whole) and metadata is read into the record by `fields.ts`.
 */
import type { Block } from '../structure/blocks.js'
import { DATELINE } from '../structure/fields.js'
import { plainText } from '../structure/plain-text.js'

/** The part of a section the checks read; a `SectionSpan` fits. */
export interface SpanShape {
  heading: Block
  match: unknown
  depth: number
  index: number
  end: number
}

/** Labels of a report's properties that authors write as a heading over their value. */
const META_HEADING = new RegExp(
  '^(?:(?:incident |report |document |postmortem )?(?:date|dates|time|id|number|status|state|severity|sev|priority|owners?|authors?|editors?|reviewers?)' +
    '|written by|created by|prepared by|updated|last updated|published|security related|security relevant|classification|confidentiality)$',
)

/**
 * Labels of the incident's own values (a duration, a moment, a level, a role) that read as a section's words ("Time to
 * detect", "Impact level"): over a short value they are metadata even so.
 */
const VALUE_HEADING = new RegExp(
  '^(?:(?:incident|outage|impact|total) )?(?:duration|downtime)$|^(?:(?:incident|impact|outage) )?(?:start|end|started|ended)(?: (?:time|date|at))?$' +
    '|^(?:time )?(?:detected|mitigated|resolved|recovered)(?: at)?$|^time to (?:detect|acknowledge|mitigate|resolve|recover|recovery|repair|restore)$' +
    '|^(?:mttd|mtta|mttr|ttd|tta|ttr)$|^(?:impact|severity|priority) level$|^incident (?:commander|lead|manager|owner|coordinator)$',
)

/** Labels whose value is a moment or a length of time: only a value with a digit is metadata ("## Date" over a paragraph of prose is not). */
const WHEN =
  /^(?:.* )?(?:date|dates|time|updated|published|duration|downtime|start|end|started|ended|detected|mitigated|resolved|recovered|at)$|^time to |^mtt|^tt/

const labelOf = (text: string): string =>
  text
    .replace(/[*_`]/g, '')
    .replace(/\s*:\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()

/** A heading over a short value that is a property of the report (date, authors, status, severity), not a section. */
export function isMetadataSpan(span: SpanShape, blocks: Block[]): boolean {
  if (span.heading.kind !== 'heading') return false
  const label = labelOf(span.heading.text)
  const valued = VALUE_HEADING.test(label)
  if (span.match && !valued) return false
  const body = blocks.slice(span.index + 1, span.end)
  if (body.length === 0) return !span.match && DATELINE.test(span.heading.text)
  if (!(valued || META_HEADING.test(label)) || body.length > 4 || body.some((b) => b.kind === 'heading')) return false
  const value = plainText(body.map((b) => b.node))
  if (!value || value.length > (/author|owner|editor|reviewer|by$/.test(label) ? 300 : 120)) return false
  // A section's words over a sentence ("Time to detect" over how the alert was missed) stay that section; so does a
  // status page's update under its label (`**Resolved**` over "This incident has been resolved. Posted …").
  if ((span.match || valued) && (value.length > 60 || /[.!?](?:\s|$)/.test(value))) return false
  return !WHEN.test(label) || /\d/.test(value)
}

/** Labels that mark an item's state (`TODO: k-dev email`, `**DONE**: ...`): a note or an item, never a section. */
const ITEM_MARKER = /^(?:todo|to do|to-do|done|doing|wip|fixme|note|nb)$/

/**
 * Spans (by position in `spans`) that are not sections: metadata headings, wrappers, a field or bold/bare label
 * inside a summary (`Duration: …`, `**Impact:** …` under "Issue Summary": the summary's facts, whose text the summary
 * already holds; not under a background section in `settings`, which is no summary), and item markers. One pass with a stack of enclosing headings; a wrapper counts its inner spans once.
 */
export function hiddenSpans(spans: SpanShape[], blocks: Block[], settings: ReadonlySet<SpanShape> = new Set()): Set<number> {
  const hidden = new Set<number>()
  const open: SpanShape[] = []
  const first = spans.find((s) => s.heading.kind === 'heading')
  spans.forEach((span, i) => {
    while (open.length && open[open.length - 1]!.end <= span.index) open.pop()
    const parent = open[open.length - 1]
    const head = span.heading
    if (head.kind === 'heading') open.push(span)
    if (head.kind === 'field') {
      if (ITEM_MARKER.test(labelOf(head.label)) || (isSummaryKey(parent?.match) && !settings.has(parent!))) hidden.add(i)
    } else if (head.kind === 'heading') {
      if ((head.origin === 'bold' || head.origin === 'bare') && isSummaryKey(parent?.match) && !settings.has(parent!) && parent!.depth < span.depth)
        hidden.add(i)
      else if (isMetadataSpan(span, blocks) || isWrapperSpan(span, i, spans, blocks, first)) hidden.add(i)
    }
  })
  return hidden
}

const isSummaryKey = (match: unknown): boolean => (match as { key?: string } | null | undefined)?.key === 'summary'

/**
 * A wrapper: an unnamed heading that holds the real sections. Either the document's first heading, an H1 or H2 that
 * runs to the end and holds sub-headings (a second title: its lead text is the document's preamble), or an unnamed
 * heading with no text of its own whose sub-headings name at least two sections (nothing is lost without it).
 */
function isWrapperSpan(span: SpanShape, at: number, spans: SpanShape[], blocks: Block[], first: SpanShape | undefined): boolean {
  if (span.heading.kind !== 'heading' || span.match) return false
  if (span === first && span.depth <= 2 && span.end === blocks.length && blocks.slice(span.index + 1).some((b) => b.kind === 'heading')) return true
  if (blocks[span.index + 1]?.kind !== 'heading') return false
  let named = 0
  for (let k = at + 1; k < spans.length && spans[k]!.index < span.end && named < 2; k++) if (spans[k]!.heading.kind === 'heading' && spans[k]!.match) named++
  return named >= 2
}
