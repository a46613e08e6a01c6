/**
 * Lessons written as topic sub-sections of prose under a lessons heading ("### Disclosure decision", "### On
 * overly-optimistic code reviews"): each topic of prose is one lesson, its heading with the first sentence under it
 * (a topic that lists its lessons gives each list item), and a
 * sentence that only introduces the section ("In this section we outline the lessons learned …") is none.
 */
import { toString } from 'mdast-util-to-string'
import type { Block, HeadingBlock } from '../structure/blocks.js'
import { oneLine, plainText } from '../structure/plain-text.js'
import type { SectionSpan } from '../sections/sections.js'
import { firstSentence } from '../summary/sentences.js'

/** A sentence about the section itself rather than a lesson: "In this section we outline …", "Below are the lessons …". */
const META =
  /^(?:in this section|this section|below(?: (?:are|is|we))?|the following|here (?:are|is|we)|we (?:outline|list|describe|summari[sz]e|share|present) (?:the|our|some|a few) (?:lessons|learnings|takeaways))\b/i

/** A count of the lessons rather than a lesson: "We learned a few things about …", "There were three takeaways." */
const COUNTED =
  /^(?:(?:we|i|the team)(?: have| also)? (?:learned|learnt|took away|came away with|identified|found)|there (?:are|were)|(?:here are )?)\s*(?:a (?:few|couple(?: of)?|number of|lot of)|several|some|many|two|three|four|five|\d{1,2})\s+(?:\w+\s+)?(?:things|lessons|takeaways|learnings|points|areas)\b/i

/** True for a line that introduces the lessons instead of being one (a lesson stated after a colon is kept). */
export function isMetaLesson(line: string): boolean {
  const text = line.trim()
  return META.test(text) || (COUNTED.test(text) && !/[:：]\s*\S/.test(text))
}

/** Characters of a topic's first sentence kept in the lesson. */
const MAX_SENTENCE = 300

/**
 * One lesson per topic sub-heading at the shallowest depth under a lessons section: sub-headings that are another
 * kind of lessons list (what went well …) or another section (action items, timeline) are left to their readers.
 */
export function topicLessons(span: SectionSpan, blocks: Block[]): string[] {
  // Only under a heading that itself names lessons (not a "Summary" read as its parent's lessons).
  if (span.heading.kind !== 'heading' || span.heading.match?.key !== 'lessonsLearned') return []
  const heads: Array<{ block: HeadingBlock; index: number }> = []
  for (let i = span.index + 1; i < span.end; i++) {
    const block = blocks[i]!
    if (block.kind === 'heading') heads.push({ block, index: i })
  }
  const depth = Math.min(...heads.map((h) => h.block.depth))
  const out: string[] = []
  for (const { block, index } of heads) {
    if (block.depth !== depth || block.match?.key === 'lessonsLearned' || (block.match && block.match.confidence >= 0.9)) continue
    const body = blocks[index + 1]
    const node = body?.kind === 'content' ? body.node : null
    // A topic that lists its lessons gives each of them.
    if (node?.type === 'list') {
      out.push(...node.children.map((item) => oneLine(plainText(item.children))).filter(Boolean))
      continue
    }
    const text = node && (node.type === 'paragraph' || node.type === 'blockquote') ? oneLine(toString(node)) : ''
    const sentence = (text && firstSentence(text)) ?? ''
    const heading = block.text.replace(/\s*[:.]\s*$/, '').trim()
    if (!heading) continue
    const said = sentence.slice(0, MAX_SENTENCE).replace(/\s*:\s*$/, '')
    out.push(said ? `${heading}: ${said}` : heading)
  }
  return out
}
