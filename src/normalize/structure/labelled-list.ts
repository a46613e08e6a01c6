/**
 * A report written as one list of bold-labelled bullets (`- **Impact**:` over sub-bullets, `- **Resolution**: ...`,
 * `- **Key events**` over a nested list): each bullet is a part of the report, as a bold pseudo-heading would be.
 */
import type { List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { matchSection, type SectionMatch } from '../sections/section-synonyms.js'

/** One bullet of a labelled list: its label, what the label names, and the text and nodes under it. */
export interface LabelledItem {
  label: string
  match: SectionMatch | null
  line: number
  column: number
  /** The rest of the bullet's first line (after the label and its colon), when there is any. */
  lead: Paragraph | null
  /** The bullet's other content: sub-lists, further paragraphs. */
  rest: RootContent[]
}

/** The label of a bullet that opens with bold text standing alone or followed by a colon; null for any other bullet. */
function labelOf(item: ListItem): { label: string; after: PhrasingContent[]; paragraph: Paragraph } | null {
  const paragraph = item.children[0]
  if (paragraph?.type !== 'paragraph') return null
  const [first, ...after] = paragraph.children
  if (first?.type !== 'strong') return null
  const written = toString(first).trim()
  const label = written.replace(/\s*:$/, '').trim()
  if (!label || label.length > 60 || label.split(/\s+/).length > 6) return null
  const next = after[0]
  const colon = written.endsWith(':') || (next?.type === 'text' && /^\s*:/.test(next.value))
  const bare = after.every((c) => c.type === 'text' && !c.value.trim())
  return colon || bare ? { label, after, paragraph } : null
}

/** The text after the label as a paragraph of its own, its colon dropped; null when nothing follows the label. */
function leadOf(after: PhrasingContent[], paragraph: Paragraph): Paragraph | null {
  const children = after.map((c, i) => (i === 0 && c.type === 'text' ? { ...c, value: c.value.replace(/^\s*:?\s*/, '') } : c))
  if (!children.some((c) => toString(c).trim())) return null
  const start = after[0]?.position?.start ?? paragraph.position?.start
  return { type: 'paragraph', children, ...(start && paragraph.position ? { position: { start, end: paragraph.position.end } } : {}) }
}

/** A report part named by how the problem was found (`**Identified**:`, `**Discovered**:`): the detection, a status label elsewhere (`**Detected**:` is the time field). */
const FINDING_STEP = /^(?:identified|discovered|noticed|spotted)$/i

function findingStep(label: string): SectionMatch | null {
  return FINDING_STEP.test(label) ? { key: 'detection', also: null, lesson: null, confidence: 0.9 } : null
}

/**
 * The bullets of a list read as labelled parts, when every bullet opens with a bold label and at least two labels
 * name sections (`Impact`, `Resolution`, `Key events`); null for any other list (a list of bold terms, of findings).
 */
export function labelledItems(list: List): LabelledItem[] | null {
  if (list.children.length < 2 || list.children.length > 40) return null
  const items: LabelledItem[] = []
  let named = 0
  for (const item of list.children) {
    const found = labelOf(item)
    if (!found) return null
    const match = matchSection(found.label, true)
    if (match) named++
    const step = match ?? findingStep(found.label)
    const start = found.paragraph.position?.start
    items.push({
      label: found.label,
      match: step,
      line: start?.line ?? item.position?.start.line ?? 1,
      column: start?.column ?? 1,
      lead: leadOf(found.after, found.paragraph),
      rest: item.children.slice(1),
    })
  }
  return named >= 2 ? items : null
}
