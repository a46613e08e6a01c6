/**
 * Sections of the document: each heading (or canonical labelled field) with the blocks up to the next heading of
 * the same or a higher level, mapped onto canonical keys, with ids that match the anchors on the rendered page.
 */
import GithubSlugger from 'github-slugger'
import type { RootContent } from 'mdast'
import type { Lessons, Section } from '../../types.js'
import type { Block, FieldBlock, HeadingBlock } from '../structure/blocks.js'
import { plainText } from '../structure/plain-text.js'
import { isStampHeading } from '../timeline/timeline-headings.js'
import { labelKind } from '../actions/action-kinds.js'
import { hiddenSpans } from './not-sections.js'
import { isContextHeading, namesImprovement, SUMMARY_WORD } from './section-words.js'
import type { SectionMatch } from './section-synonyms.js'

const SHORTCODE_START = /^(?::[a-z0-9_+-]{1,40}:\s*)+/i
const SHORTCODE_END = /(?:\s+:[a-z0-9_+-]{1,40}:?)+$/i

/** A heading as readers see it: inline HTML, emphasis marks and `:shortcodes:` at either end dropped (a kept shortcode's `_` too). */
function headingLabel(label: string): string {
  const plain = label.replace(/<\/?[A-Za-z][^<>]{0,400}>/g, '').trim()
  const bare = plain.replace(SHORTCODE_START, '').replace(SHORTCODE_END, '') || plain
  return bare
    .replace(/(:[a-z0-9_+-]{1,40}:)|[*_`]/gi, (_mark, code?: string) => code ?? '')
    .replace(/\s*[:]\s*$/, '')
    .trim()
}

/** A section with its source blocks, for the stages that read more than its text. */
export interface SectionSpan {
  heading: HeadingBlock | FieldBlock
  match: SectionMatch | null
  depth: number
  /** Index of the heading block in the block list. */
  index: number
  /** Index one past the last block of the section body (sub-sections included). */
  end: number
  /** Body nodes, sub-section headings included. */
  nodes: RootContent[]
  lesson: keyof Lessons | null
}

function bodyNodes(blocks: Block[], from: number, to: number): RootContent[] {
  return blocks.slice(from, to).map((b) => b.node)
}

/**
 * A sub-heading named as a summary inside a section of another meaning ("Summary" under "Lessons Learned") sums up
 * that section: it takes its parent's key, so the document keeps one summary. A narrative ("What happened") keeps its own.
 * A sub-heading naming a kind of follow-up under action items ("Detection", "Process") is one of its groups, and so is
 * one naming what to improve ("Areas for Improvement" beside "Tasks" under "Corrective and Preventative Measures").
 */
function inParent(match: SectionMatch | null, open: SectionSpan[], text: string): SectionMatch | null {
  const parent = open.findLast((o) => o.match)?.match
  // A kind of follow-up under action items ("Detection", "Process") is a group of items, not that section.
  if (match && match.key !== 'actionItems' && parent?.key === 'actionItems' && labelKind(text.replace(/\s*:\s*$/, ''))) return { ...parent, lesson: null }
  if (match?.key === 'lessonsLearned' && parent?.key === 'actionItems' && namesImprovement(text)) return { ...parent, lesson: null }
  if (match?.key !== 'summary' || !SUMMARY_WORD.test(text)) return match
  return parent && parent.key !== 'summary' ? { ...parent, lesson: null, confidence: Math.min(parent.confidence, match.confidence) } : match
}

/** Finds every section; `skip` is the index of the block used as the title (not a section). */
export function findSections(blocks: Block[], skip: number | null): SectionSpan[] {
  const spans: SectionSpan[] = []
  const open: SectionSpan[] = []
  blocks.forEach((block, index) => {
    if (index === skip) return
    if (block.kind === 'heading') {
      let end = index + 1
      while (end < blocks.length) {
        const next = blocks[end]!
        if (next.kind === 'heading' && next.depth <= block.depth) break
        end++
      }
      while (open.length && open[open.length - 1]!.end <= index) open.pop()
      const match = inParent(block.match, open, block.text)
      const span: SectionSpan = {
        heading: block,
        match,
        depth: block.depth,
        index,
        end,
        nodes: bodyNodes(blocks, index + 1, end),
        // A sub-heading read as part of its parent (a group of follow-ups) lists no lessons.
        lesson: (match === block.match ? block.match?.lesson : match?.lesson) ?? null,
      }
      spans.push(span)
      open.push(span)
    } else if (block.kind === 'field' && block.match) {
      spans.push({ heading: block, match: block.match, depth: 99, index, end: index + 1, nodes: [block.valueNode], lesson: block.match.lesson })
    }
  })
  return spans
}

/**
 * The section that holds the summary: a heading read as `summary`, the surest reading first ("Issue Summary" before
 * a "Background context" read from its words), the earliest on a tie.
 */
export function primarySummary(spans: SectionSpan[]): SectionSpan | undefined {
  let found: SectionSpan | undefined
  const settings = contextSpans(spans)
  for (const span of spans) {
    if (span.match?.key !== 'summary' || span.heading.kind !== 'heading' || settings.has(span)) continue
    if (!found || span.match.confidence > found.match!.confidence) found = span
  }
  return found ?? spans.find((s) => settings.has(s))
}

/**
 * Whether a summary span sits inside another section that is one part of the report among others (a "Summary" of the
 * bug under "Bounty report", beside Timeline and Lessons): it sums up that part, not the report. A wrapper running over
 * every other named section nests nothing.
 */
export function isNestedSummary(span: SectionSpan, spans: SectionSpan[]): boolean {
  const outer = spans.find((o) => o.heading.kind === 'heading' && o.index < span.index && span.index < o.end && o.match?.key !== 'summary')
  return !!outer && spans.some((o) => o.match && o.heading.kind === 'heading' && (o.end <= outer.index || o.index >= outer.end))
}

/**
 * Sections read as `summary` that only give the setting ("Background", "Context") in a document that also has a
 * summary of the incident ("Summary", "What happened"): that one is the summary, these keep their heading unmapped.
 */
export function contextSpans(spans: SectionSpan[]): Set<SectionSpan> {
  const context = new Set<SectionSpan>()
  let other = false
  for (const span of spans) {
    if (span.match?.key !== 'summary' || span.heading.kind !== 'heading') continue
    if (isContextHeading(span.heading.text)) context.add(span)
    else other = true
  }
  return other ? context : new Set()
}

/** How sure a run of time headings is the timeline: its stamps say so, no heading names it. */
const STAMP_MATCH = { key: 'timeline', confidence: 0.8 } as const

/**
 * Unnamed headings that open with a stamp (`## 13:20`, `### Update 26.08.2022 18:00 Uhr`, `## 01.10.2025 – 18:00`),
 * by position in `spans`, when the document has at least two: a run of time headings is the timeline (each update
 * keeps its own section; the timeline reader has read their events).
 */
function stampHeadings(spans: SectionSpan[]): Set<number> {
  const found = new Set<number>()
  spans.forEach((span, i) => {
    if (span.heading.kind === 'heading' && !span.match && isStampHeading(headingLabel(span.heading.text))) found.add(i)
  })
  return found.size >= 2 ? found : new Set()
}

/** The record's sections, in document order, with unique ids matching the page's heading anchors; `html` per span. */
export function toSections(spans: SectionSpan[], blocks: Block[], html: string[]): Section[] {
  const slugger = new GithubSlugger()
  const ids = new Map<Block, string>()
  for (const block of blocks) {
    if (block.kind === 'heading' && (block.origin === 'markdown' || block.origin === 'html')) ids.set(block, slugger.slug(block.text) || 'section')
  }
  const open: SectionSpan[] = []
  const settings = contextSpans(spans)
  const hidden = hiddenSpans(spans, blocks, settings)
  const stamped = stampHeadings(spans)
  return spans.flatMap((span, i) => {
    while (open.length && open[open.length - 1]!.end <= span.index) open.pop()
    // An unnamed sub-heading inside a known section (a time heading in the timeline) is part of it, not a section.
    const inKnown = span.heading.kind === 'heading' && !span.match && open.some((o) => o.match)
    if (span.heading.kind === 'heading') open.push(span)
    const label = span.heading.kind === 'heading' ? span.heading.text : span.heading.label
    const id = ids.get(span.heading) ?? (slugger.slug(label) || slugger.slug('section'))
    if (inKnown || hidden.has(i)) return []
    const match = settings.has(span) ? null : (span.match ?? (stamped.has(i) ? STAMP_MATCH : null))
    return {
      key: match?.key ?? null,
      ...(match ? { confidence: match.confidence } : {}),
      id,
      heading: headingLabel(label),
      text: plainText(span.nodes),
      html: html[i]!,
      line: span.heading.line,
    }
  })
}
