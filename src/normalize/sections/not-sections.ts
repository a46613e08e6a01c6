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

/** Labels whose value is a moment: only a value with a digit is metadata ("## Date" over a paragraph of prose is not). */
const WHEN = /^(?:.* )?(?:date|dates|time|updated|published)$/

const labelOf = (text: string): string =>
  text
    .replace(/[*_`]/g, '')
    .replace(/\s*:\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()

/** A heading over a short value that is a property of the report (date, authors, status, severity), not a section. */
export function isMetadataSpan(span: SpanShape, blocks: Block[]): boolean {
  if (span.heading.kind !== 'heading' || span.match) return false
  const body = blocks.slice(span.index + 1, span.end)
  if (body.length === 0) return DATELINE.test(span.heading.text)
  const label = labelOf(span.heading.text)
  if (!META_HEADING.test(label) || body.length > 4 || body.some((b) => b.kind === 'heading')) return false
  const value = plainText(body.map((b) => b.node))
  if (!value || value.length > (/author|owner|editor|reviewer|by$/.test(label) ? 300 : 120)) return false
  return !WHEN.test(label) || /\d/.test(value)
}

/** Whether any heading block lies in `from..to` (exclusive). */
function holdsHeading(blocks: Block[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (blocks[i]!.kind === 'heading') return true
  return false
}

/**
 * A wrapper: an unnamed heading that holds the real sections. Either the document's first heading, an H1 or H2 that
 * runs to the end and holds sub-headings (a second title: its lead text is the document's preamble), or an unnamed
 * heading with no text of its own whose sub-headings name at least two sections (nothing is lost without it).
 */
export function isWrapperSpan(span: SpanShape, spans: SpanShape[], blocks: Block[]): boolean {
  if (span.heading.kind !== 'heading' || span.match) return false
  const first = spans.find((s) => s.heading.kind === 'heading')
  if (span === first && span.depth <= 2 && span.end === blocks.length && holdsHeading(blocks, span.index + 1, span.end)) return true
  if (blocks[span.index + 1]?.kind !== 'heading') return false
  let named = 0
  for (const inner of spans) if (inner.index > span.index && inner.index < span.end && inner.heading.kind === 'heading' && inner.match) named++
  return named >= 2
}
