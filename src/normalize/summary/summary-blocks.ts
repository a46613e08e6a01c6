/** The prose a block may offer as the summary: a paragraph's lines, indented prose, bullets, a two-column table. */
import type { RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Block } from '../structure/blocks.js'
import { oneLine, plainText } from '../structure/plain-text.js'
import { STATUS_LABEL } from '../timeline/timeline-headings.js'
import { clean, fieldValue, isBoilerplate, isDataField, SUMMARY_LABEL } from './summary-lines.js'

/** Prose a block may hold: paragraph lines without data fields, indented prose, a long sentence set as a heading. */
export function textsOf(block: Block): string[] {
  if (block.kind === 'field') return SUMMARY_LABEL.test(block.label.trim()) ? [clean(block.value)] : []
  if (block.kind === 'heading') return block.origin === 'markdown' && block.text.split(/\s+/).length >= 12 ? [block.text] : []
  const node = block.node
  if (node.type === 'paragraph' && isTemplatePrompt(node)) return []
  if (node.type === 'paragraph') {
    const all = plainText([node]).split('\n')
    // A template's question over its answer ("What was the root cause?" then the answer): the answer is the text.
    const answered = all.filter((l, i) => !(i < all.length - 1 && /\?\s*$/.test(l) && all[i + 1]!.trim() !== ''))
    const lines = answered.map((l) => fieldValue(l).replace(STATUS_LABEL, '')).filter((l) => !isDataField(l) && !isBoilerplate(clean(l)))
    return lines.length ? [clean(lines.join(' '))] : []
  }
  if (node.type === 'code' && !node.lang && !/[{};=<>$]|^\s*[#/]/m.test(node.value))
    return [
      clean(
        node.value
          .split('\n')
          .map((l) => l.trim())
          .join(' '),
      ),
    ]
  if (node.type === 'list') return bulletText(node)
  if (node.type === 'table') return tableText(node)
  return []
}

/** Verbs a template's instruction to its author opens with ("*Include a short sentence …*", "*Describe what happened.*"). */
const PROMPT_VERB = /^(?:include|describe|list|provide|explain|summari[sz]e|add|write|enter|insert|fill in|give|state|outline|be specific)\b/i

/**
 * A filled template's instruction kept in the report: a paragraph set wholly in italics that tells the author what to
 * write. It is the template speaking, never the summary.
 */
function isTemplatePrompt(node: Extract<RootContent, { type: 'paragraph' }>): boolean {
  const parts = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()) && c.type !== 'break')
  const text = toString(node).trim()
  // An italic span the parser could not close (its `*` wrapped onto the line after a hard break) stays a literal `*`.
  if (/^[*_]/.test(text)) return PROMPT_VERB.test(text.slice(1))
  return parts.length > 0 && parts.every((c) => c.type === 'emphasis') && PROMPT_VERB.test(text)
}

/** A summary written as a two-column table (`| Summary | Code refactor ... |`): the value beside a summary label. */
function tableText(table: Extract<RootContent, { type: 'table' }>): string[] {
  for (const row of table.children.slice(0, 12)) {
    const [label, value] = row.children
    if (label && value && SUMMARY_LABEL.test(toString(label).replace(/[*_:]/g, '').trim())) return [clean(toString(value))]
  }
  return []
}

/** A summary written as bullets: the first items that read as prose, or a `Summary:` item's value. */
function bulletText(list: Extract<RootContent, { type: 'list' }>): string[] {
  const items = list.children.map((item) => clean(fieldValue(oneLine(toString(item.children[0] ?? item)))))
  const labelled = list.children
    .map((item) => toString(item.children[0] ?? item))
    .find((t) => /^\s*[\p{L} ]{3,30}:\s+\S/u.test(t) && SUMMARY_LABEL.test(t.split(':')[0]!.trim()))
  if (labelled) return [clean(fieldValue(labelled))]
  const heading = list.children.find(
    (item) =>
      /^\s*([\p{L} ]{3,30}):\s*$/u.test(toString(item.children[0] ?? item)) &&
      SUMMARY_LABEL.test(
        toString(item.children[0] ?? item)
          .replace(/:\s*$/, '')
          .trim(),
      ),
  )
  const nested = heading?.children.find((c): c is Extract<RootContent, { type: 'list' }> => c.type === 'list')
  if (nested) {
    const values = nested.children.map((item) => clean(oneLine(toString(item.children[0] ?? item))).replace(/^[\p{L} ]{1,30}:\s+(?=(?:\S+\s+){4})/u, ''))
    const sentences = values.filter((t) => t.split(/\s+/).length >= 5 && /\p{Ll}/u.test(t) && !isDataField(t))
    if (sentences.length)
      return [
        sentences
          .slice(0, 2)
          .map((t) => (/[.!?]$/.test(t) ? t : `${t}.`))
          .join(' '),
      ]
  }
  const prose = items.filter((t) => !isDataField(t) && t.split(/\s+/).length >= 4)
  return prose.length
    ? [
        prose
          .slice(0, 3)
          .map((t) => (/[.!?]$/.test(t) ? t : `${t}.`))
          .join(' '),
      ]
    : []
}
