/**
 * A one-line summary for lists and feeds: front-matter `description`/`summary`, else the first sentences of the
 * Summary section, else of the first prose paragraph; labelled-field lines (`Duration: ...`) are data, never summary.
 */
import type { RootContent } from 'mdast'
import type { Block } from '../structure/blocks.js'
import { oneLine, plainText, shorten } from '../structure/plain-text.js'
import { primarySummary, type SectionSpan } from '../sections/sections.js'

const MAX = 240

function firstSentences(text: string): string {
  const sentences = oneLine(text).split(/(?<=[.!?])\s+(?=[A-Z0-9"'“(])/)
  let out = ''
  for (const sentence of sentences) {
    if (out && (out.length >= 100 || out.length + sentence.length + 1 > MAX)) break
    out = out ? `${out} ${sentence}` : sentence
  }
  return shorten(out, MAX)
}

function isProse(text: string): boolean {
  const words = text.split(/\s+/).length
  return /[a-z]/.test(text) && (words >= 12 || (words >= 5 && /[.!?]["”')]?$/.test(text.trim())))
}

function labelledItem(nodes: RootContent[]): string | null {
  for (const node of nodes) {
    if (node.type !== 'list') continue
    for (const item of node.children) {
      const m = /^\s*(?:summary|impact|description|overview|what happened)\s*:\s*(\S[\s\S]*)$/i.exec(plainText(item.children))
      if (m?.[1]) return firstSentences(m[1])
    }
  }
  return null
}

function proseOf(blocks: Block[], from: number, to: number, skip: (i: number) => boolean, title: string | null): string | null {
  for (let i = from; i < to; i++) {
    const block = blocks[i]!
    if (skip(i) || block.kind !== 'content' || block.node.type !== 'paragraph') continue
    let text = plainText([block.node])
    if (title && text.startsWith(title)) text = text.slice(title.length).trim()
    if (isProse(text)) return firstSentences(text)
  }
  return null
}

/**
 * Text of an Impact section without its labelled-field lines (`**Duration:** ...`, `Severity: ...`, which the blocks
 * stage splits out as field blocks): a field's own value, or the body's content blocks only.
 */
function impactText(span: SectionSpan, blocks: Block[]): string {
  if (span.heading.kind === 'field') return plainText(span.nodes)
  return plainText(blocks.slice(span.index + 1, span.end).flatMap((b) => (b.kind === 'content' ? [b.node] : [])))
}

/**
 * Picks the summary: front matter, else the Summary section's prose, else prose before the first section,
 * else the Impact section or field, else the first prose outside the timeline and action items.
 */
export function findSummary(data: Record<string, unknown>, spans: SectionSpan[], blocks: Block[], title: string | null): string {
  for (const key of ['description', 'summary', 'excerpt']) {
    const value = data[key]
    if (typeof value === 'string' && value.trim()) return shorten(oneLine(value), MAX)
  }
  const none = (): boolean => false
  const firstSection = spans[0]?.index ?? blocks.length
  const preamble = proseOf(blocks, 0, firstSection, none, title)
  if (preamble) return preamble
  const field = spans.find((s) => s.match?.key === 'summary' && s.heading.kind === 'field')
  if (field && field.heading.kind === 'field' && isProse(field.heading.value)) return firstSentences(field.heading.value)
  const summary = primarySummary(spans)
  const ownEnd = summary ? blocks.findIndex((b, i) => i > summary.index && b.kind === 'heading') : -1
  const fromSummary = summary ? proseOf(blocks, summary.index + 1, ownEnd < 0 ? summary.end : Math.min(ownEnd, summary.end), none, title) ?? labelledItem(summary.nodes) : null
  if (fromSummary) return fromSummary
  const impact = spans.find((s) => s.match?.key === 'impact' && impactText(s, blocks))
  if (impact) return firstSentences(impactText(impact, blocks))
  const skipped = spans.filter((s) => s.match?.key === 'timeline' || s.match?.key === 'actionItems')
  return proseOf(blocks, 0, blocks.length, (i) => skipped.some((s) => i > s.index && i < s.end), title) ?? ''
}
