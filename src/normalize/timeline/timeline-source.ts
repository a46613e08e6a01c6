/**
 * Where the timeline is (a Timeline section, a `* Timeline` bullet with nested entries, or else the first
 * list/table/run of lines that starts with times) and the context its entries are read in.
 */
import type { List, RootContent, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Block } from '../structure/blocks.js'
import { isByline } from '../structure/byline.js'
import { plainText } from '../structure/plain-text.js'
import { matchSection } from '../sections/section-synonyms.js'
import { findHeadingRun, isStampHeading, namesTimeline, STATUS_LEAD } from './timeline-headings.js'
import { readStamp } from './timeline-stamp.js'
import { isMomentTable } from './moment-table.js'
import { primarySummary, type SectionSpan } from '../sections/sections.js'

/** The timeline's nodes and the text around them that may carry its date and zone. */
export interface TimelineLocation {
  /** `section`: a heading or bullet names the timeline; `found`: entries recognised by their shape alone. */
  kind: 'section' | 'found'
  nodes: RootContent[]
  heading: string
  /** Heading, enclosing heading and preface lines (no entry lines), for the incident date and zone. */
  context: string
}

const STARTS_WITH_TIME = /^\W{0,6}(?:\d{1,2}[:.]\d{2}|\d{1,2}\s?[ap]\.?m\b|\d{4}-\d{2}-\d{2}\b|\d{1,2}[./]\d{1,2}[./]\d{2,4}|midnight\b|noon\b)/i

/** A status update's stamp line (`Resolved - Aug 28, 14:20 UTC`): an entry, not a preface that dates the timeline. */
function statusStamp(line: string): boolean {
  const rest = line.replace(STATUS_LEAD, '')
  return rest !== line && startsTimed(rest)
}

function prefaceLines(nodes: RootContent[]): string[] {
  const out: string[] = []
  for (const node of nodes) {
    if (node.type !== 'paragraph' && node.type !== 'heading') continue
    for (const line of toString(node).split('\n')) if (line.trim() && !STARTS_WITH_TIME.test(line) && !statusStamp(line)) out.push(line.trim())
    if (out.length >= 3) break
  }
  return out.slice(0, 3)
}

function enclosing(spans: SectionSpan[], index: number): SectionSpan | null {
  let found: SectionSpan | null = null
  for (const span of spans) if (span.heading.kind === 'heading' && span.index < index && index < span.end) found = span
  return found
}

function bulletTimeline(list: List, depth = 0): { heading: string; list: List } | null {
  for (const item of list.children) {
    const first = item.children[0]
    const nested = item.children.find((c): c is List => c.type === 'list')
    if (first?.type === 'paragraph' && nested && matchSection(toString(first))?.key === 'timeline') return { heading: toString(first), list: nested }
    if (nested && depth < 5) {
      const inner = bulletTimeline(nested, depth + 1)
      if (inner) return inner
    }
  }
  return null
}

/** Whether a line opens with a stamp that gives a time or a date. */
function startsTimed(line: string): boolean {
  if (STARTS_WITH_TIME.test(line.trim())) return true
  const stamp = readStamp(line.slice(0, 200), {})
  return stamp !== null && (stamp.time !== null || stamp.date !== null) && !stamp.invalidTime
}

/**
 * Whether at least 60 % of a list's items (first lines), a table's rows after the header or a paragraph's lines open
 * with a stamp; three lines at least. Lines are read one at a time and the count stops once the answer is settled.
 */
export function mostlyTimed(node: RootContent): boolean {
  const paragraph = node.type === 'paragraph' ? toString(node).split('\n') : null
  const total = paragraph ? paragraph.length : node.type === 'list' ? node.children.length : node.type === 'table' ? node.children.length - 1 : 0
  if (total < 3) return false
  const line = (i: number): string =>
    paragraph ? paragraph[i]! : node.type === 'list' ? (toString(node.children[i]!).split('\n')[0] ?? '') : toString((node as Table).children[i + 1]!)
  // hits / total >= 0.6, in integers: 5 hits >= 3 total.
  let hits = 0
  for (let i = 0; i < total; i++) {
    if (startsTimed(line(i))) hits++
    if (5 * hits >= 3 * total) return true
    if (5 * (hits + total - 1 - i) < 3 * total) return false
  }
  return false
}

/** A label before a colon, then the rest (`Impact start: March 3, 2023 9:36 AM`); the label holds no digit. */
const LABELLED = /^([^\d:：]{1,40})[:：]\s*(\S.{0,200})$/

/**
 * Whether a section holds nothing but one list whose every item is a label and a stamp (`- **Fixed:** 9:45 AM`), or a
 * table of such pairs (`| Mitigated | 19:02 UTC |`): named moments (reported, impact start, fixed, closed), not the story of the incident.
 */
export function isLabelList(nodes: RootContent[]): boolean {
  const content = nodes.filter((n) => n.type !== 'thematicBreak' && n.type !== 'html')
  const list = content[0]
  if (content.length === 1 && list?.type === 'table') return isMomentTable(list)
  if (content.length !== 1 || list?.type !== 'list' || list.children.length < 2 || list.children.length > 12) return false
  return list.children.every((item) => {
    const m = LABELLED.exec((toString(item).split('\n')[0] ?? '').trim())
    const stamp = m ? readStamp(m[2]!, {}) : null
    return stamp !== null && (stamp.time !== null || stamp.date !== null) && !stamp.invalidTime
  })
}

/**
 * A timeline of time headings continues past its own end when the author raised some of them a level too high
 * (`## 13:20` after `## Timeline` with `### 13:10` entries): those headings and their text are entries too.
 */
function withStrayTimeHeadings(section: SectionSpan, blocks: Block[]): RootContent[] {
  const own = blocks.slice(section.index + 1, section.end)
  if (!own.some((b) => b.kind === 'heading' && isStampHeading(b.text))) return section.nodes
  let end = section.end
  while (end < blocks.length) {
    const b = blocks[end]!
    if (b.kind === 'heading' && b.depth <= section.depth && !isStampHeading(b.text)) break
    end++
  }
  return end === section.end ? section.nodes : blocks.slice(section.index + 1, end).map((b) => b.node)
}

/**
 * Every place the timeline may be, best first: Timeline sections (or headings naming one), then a `* Timeline`
 * bullet with nested entries, then a run of stamp headings (a status log), then the first list, table or run of
 * lines that mostly starts with times. The caller keeps the first that yields entries, so a Timeline section holding only a link does not hide a timed list elsewhere.
 */
export function locateTimelines(spans: SectionSpan[], blocks: Block[]): TimelineLocation[] {
  const out: TimelineLocation[] = []
  for (const section of spans) {
    if (section.heading.kind !== 'heading' || section.nodes.length === 0) continue
    if (section.match?.key !== 'timeline' && !namesTimeline(section.heading.text)) continue
    if (out.some((o) => o.nodes.includes(section.heading.node))) continue
    const parent = enclosing(spans, section.index)
    const context = [section.heading.text, ...prefaceLines(section.nodes), parent?.heading.kind === 'heading' ? parent.heading.text : '']
    out.push({ kind: 'section', nodes: withStrayTimeHeadings(section, blocks), heading: section.heading.text, context: context.filter(Boolean).join('\n') })
  }
  // A list of labelled moments ("Key timestamps": `**Fixed:** 9:45 AM`) beside a real timeline section is its digest.
  if (out.length > 1) out.sort((a, b) => Number(isLabelList(a.nodes)) - Number(isLabelList(b.nodes)))
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!
    if (block.kind !== 'content' || block.node.type !== 'list') continue
    const found = bulletTimeline(block.node)
    if (!found) continue
    const parent = enclosing(spans, i)
    const context = [found.heading, parent?.heading.kind === 'heading' ? parent.heading.text : '']
    out.push({ kind: 'section', nodes: [found.list], heading: found.heading, context: context.filter(Boolean).join('\n') })
    break
  }
  const run = findHeadingRun(blocks)
  if (run) {
    const nodes = blocks.slice(run.from, run.to).map((b) => b.node)
    out.push({ kind: 'found', nodes, heading: run.parent?.text ?? '', context: run.parent?.text ?? '' })
  }
  const timed = blocks.find((b) => b.kind === 'content' && mostlyTimed(b.node))
  if (timed) out.push({ kind: 'found', nodes: [timed.node], heading: '', context: '' })
  return out
}

/**
 * Prose that may date the incident: the Summary section, else a `**Summary:** …` field's value and the first paragraphs
 * (a summary written as a field line dates the incident as a section would).
 */
export function summaryProse(spans: SectionSpan[], blocks: Block[]): string {
  const summary = primarySummary(spans)
  // Pasted output (a code block) is the machine's words: its dates and zones are not the incident's.
  if (summary) return plainText(summary.nodes.filter((n) => n.type !== 'code'))
  const field = blocks.find((b) => b.kind === 'field' && b.match?.key === 'summary')
  // A byline's day ("Published 2024-10-02") is when the report came out, not when the incident happened.
  const paragraphs: RootContent[] = []
  for (const b of blocks) {
    if (paragraphs.length >= 4) break
    if (b.kind === 'content' && b.node.type === 'paragraph' && !(paragraphs.length === 0 && isByline(plainText([b.node])))) paragraphs.push(b.node)
  }
  const text = plainText(paragraphs)
  return field?.kind === 'field' ? `${field.value}\n${text}` : text
}
