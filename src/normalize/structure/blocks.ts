/**
 * The document as one flat list of headings, labelled fields and content, whatever the author used to mark
 * structure: Markdown or HTML headings, bold pseudo-headings, bare lines of plain text, `Label: value` lines.
 */
import type { Heading, Paragraph, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { hasBlockStructure, htmlToNodes } from './html-blocks.js'
import { paragraphLines } from './br-lines.js'
import { isCaption } from './caption.js'
import { asksQuestions, isQuestion } from './question-lines.js'
import { foreignFieldName } from './foreign-field-labels.js'
import { labelledItems, type LabelledItem } from './labelled-list.js'
import { classifyLine, continuesValue, FIELD_NAMES, type LineKind } from './line-kinds.js'
import { metadataHeading, stripInlineTags } from './meta-lines.js'
import { headingNode, lineStartsOf, parseAt, textParagraph, valueParagraph, type Point } from './synthetic-nodes.js'
import { matchSection, type SectionMatch } from '../sections/section-synonyms.js'
import { isContextHeading } from '../sections/section-words.js'
import { collapseSpaces } from '../collapse-spaces.js'

/** A heading of any origin; `node` is a real or synthetic mdast heading for rendering and timelines. */
export interface HeadingBlock {
  kind: 'heading'
  depth: number
  text: string
  line: number
  column: number
  origin: 'markdown' | 'html' | 'bold' | 'bare'
  match: SectionMatch | null
  node: Heading
}

/** A `Label: value` line; `node` is the whole line as a paragraph, `valueNode` the value alone. */
export interface FieldBlock {
  kind: 'field'
  label: string
  value: string
  line: number
  column: number
  match: SectionMatch | null
  node: Paragraph
  valueNode: Paragraph
}

/** Anything else, kept as its mdast node. */
export interface ContentBlock {
  kind: 'content'
  node: RootContent
  line: number
}

export type Block = HeadingBlock | FieldBlock | ContentBlock

interface Open {
  depth: number
  text: string
  match: SectionMatch | null
}

interface SourceLine {
  text: string
  line: number
  column: number
}

/** Builds the block list; `source` is the text the tree was parsed from (front matter blanked). */
export function buildBlocks(tree: Root, source: string): Block[] {
  const lineStarts = lineStartsOf(source)
  const point = (line: number, column: number): Point => ({
    line,
    column,
    offset: Math.min(source.length, (lineStarts[line - 1] ?? source.length) + column - 1),
  })
  const lineEnd = (line: number): Point => point(line, Math.max(1, (lineStarts[line] ?? source.length + 1) - (lineStarts[line - 1] ?? 0)))
  const questions = asksQuestions(tree)
  const plain = !tree.children.some((n) => n.type === 'heading' || (n.type === 'html' && /<h[1-6]\b/i.test(n.value)))
  const blocks: Block[] = []
  const open: Open[] = []
  let lastRealDepth = 1

  const inTimeline = (): boolean => open.some((o) => o.match?.key === 'timeline')
  const pushHeading = (block: Omit<HeadingBlock, 'kind' | 'node'>): void => {
    while (open.length && open[open.length - 1]!.depth >= block.depth) open.pop()
    open.push({ depth: block.depth, text: block.text, match: block.match })
    blocks.push({ kind: 'heading', ...block, node: headingNode(block.text, block.depth, point(block.line, block.column), lineEnd(block.line)) })
  }
  const pseudoDepth = (kind: Extract<LineKind, { type: 'heading' }>): number => {
    const key = kind.match?.key
    for (let i = open.length - 1; i >= 0 && key; i--) {
      const o = open[i]!
      // A background ("Introduction") holds no summary of the incident under it: that one is its sibling.
      if (key === 'summary' && isContextHeading(o.text) && !isContextHeading(kind.text)) continue
      if (o.depth >= lastRealDepth && o.depth < 6 && (o.match?.key === key || o.match?.also === key)) return o.text === kind.text ? o.depth : o.depth + 1
    }
    const top = open[open.length - 1]
    if (!key && kind.colon && top?.match && top.depth >= lastRealDepth && top.depth < 6) return top.depth + 1
    // A second unmatched label under the same section ("**Short-term:**", then "**Long-term:**") is a sibling, not a new section.
    if (!key && kind.colon && top && !top.match && top.depth > lastRealDepth && open.some((o) => o.match && o.depth < top.depth)) return top.depth
    // A question line under a question heading ("What was the impact?" under "## What happened?") is its sibling.
    if (questions && isQuestion(kind.text) && isQuestion(open.findLast((o) => o.depth === lastRealDepth)?.text ?? '')) return lastRealDepth
    return Math.min(6, lastRealDepth + 1)
  }

  /** The end of the run of text lines from `start`: the index of the first line read as a heading or a field. */
  const textRun = (lines: SourceLine[], start: number): number => {
    let end = start
    const ctx = { plain, standalone: false, inTimeline: inTimeline(), questions }
    while (end < lines.length && classifyLine(lines[end]!.text, ctx).type === 'text') end++
    return end
  }

  // `known`: the kinds of the first lines, already read in the same state (no heading pushed before the first non-text line).
  const splitLines = (lines: SourceLine[], reparse: (from: number, to: number) => RootContent[], standalone: boolean, known: LineKind[] = []): void => {
    let from = 0
    const flush = (to: number): void => {
      if (to > from) for (const node of reparse(from, to)) blocks.push({ kind: 'content', node, line: node.position?.start.line ?? lines[from]!.line })
    }
    for (let i = 0; i < lines.length; i++) {
      const sl = lines[i]!
      const kind = known[i] ?? classifyLine(sl.text, { plain, standalone, inTimeline: inTimeline(), questions })
      if (kind.type === 'text') continue
      flush(i)
      // `Duration:` over its value: the value is the text lines up to the next label line, not the rest of a paragraph that
      // holds the whole report (a plain-text report written without blank lines); over no text line it is a heading.
      const valueEnd =
        kind.type === 'heading' && kind.colon && !kind.match && /^\s*(?:date|duration|start|end)\b/i.test(kind.text) ? textRun(lines, i + 1) : i + 1
      if (kind.type === 'heading' && valueEnd > i + 1) {
        const value = lines
          .slice(i + 1, valueEnd)
          .map((l) => l.text.trim())
          .join(' ')
        const valueNode = textParagraph(value, point(lines[i + 1]!.line, 1), lineEnd(lines[valueEnd - 1]!.line))
        blocks.push({
          kind: 'field',
          label: kind.text,
          value,
          line: sl.line,
          column: sl.column,
          match: null,
          node: textParagraph(`${kind.text}: ${value}`, point(sl.line, sl.column), lineEnd(lines[valueEnd - 1]!.line)),
          valueNode,
        })
        from = valueEnd
        i = valueEnd - 1
        continue
      }
      if (kind.type === 'heading') {
        pushHeading({ depth: pseudoDepth(kind), text: kind.text, line: sl.line, column: sl.column, origin: kind.bold ? 'bold' : 'bare', match: kind.match })
        from = i + 1
        continue
      }
      // A label naming a section (`**Issue**: …`) keeps the lines that continue its paragraph as its value; a metadata field keeps its line.
      let to = i + 1
      if (kind.match && !FIELD_NAMES.has(kind.label.toLowerCase()))
        while (to < lines.length && continuesValue(lines[to - 1]!.text, lines[to]!.text, { plain, standalone, inTimeline: inTimeline(), questions })) to++
      const written = [kind.value, ...lines.slice(i + 1, to).map((l) => l.text.trim())]
      const last = lines[to - 1]!
      blocks.push({
        kind: 'field',
        label: kind.label,
        value: written.join(' '),
        line: sl.line,
        column: sl.column,
        match: kind.match,
        node: reparse(i, to).find((n): n is Paragraph => n.type === 'paragraph') ?? textParagraph(sl.text, point(sl.line, sl.column), lineEnd(last.line)),
        valueNode: valueParagraph(written.join('\n'), sl.line) ?? textParagraph(written.join(' '), point(sl.line, sl.column), lineEnd(last.line)),
      })
      i = to - 1
      from = i + 1
    }
    flush(lines.length)
  }

  const markdownParagraph = (node: Paragraph, next: RootContent | undefined): void => {
    const start = node.position?.start
    const end = node.position?.end
    if (!start || !end || start.offset === undefined || end.offset === undefined) return void blocks.push({ kind: 'content', node, line: start?.line ?? 1 })
    const first = lineStarts[start.line - 1] ?? start.offset
    const text = source.slice(first, end.offset)
    const lines = paragraphLines(text, start.line, start.column, !plain)
    const standalone = !text.includes('\n')
    // Lines are read up to the first that is not text; splitLines starts from these kinds instead of reading them again.
    const context = { plain, standalone, inTimeline: inTimeline(), questions }
    const known: LineKind[] = []
    for (const l of lines) {
      const kind = classifyLine(l.text, context)
      known.push(kind)
      if (kind.type !== 'text') break
    }
    if (known[known.length - 1]!.type === 'text' || (standalone && isCaption(known[0]!, next, plain)))
      return void blocks.push({ kind: 'content', node, line: start.line })
    splitLines(lines, (from, to) => parseAt(text.slice(lines[from]!.from, lines[to - 1]!.to), lines[from]!.line), standalone, known)
  }

  // A list of bold-labelled bullets outside any named section: each bullet a part of the report (a field when its label names one).
  const labelledList = (items: LabelledItem[]): void => {
    for (const item of items) {
      if (!item.match && item.lead && (FIELD_NAMES.has(item.label.toLowerCase()) || foreignFieldName(item.label))) {
        const value = collapseSpaces(toString(item.lead)).trim()
        blocks.push({ kind: 'field', label: item.label, value, line: item.line, column: item.column, match: null, node: item.lead, valueNode: item.lead })
        continue
      }
      pushHeading({ depth: Math.min(6, lastRealDepth + 1), text: item.label, line: item.line, column: item.column, origin: 'bold', match: item.match })
      for (const node of item.lead ? [item.lead, ...item.rest] : item.rest) blocks.push({ kind: 'content', node, line: node.position?.start.line ?? item.line })
    }
  }

  const nodes: RootContent[] = []
  for (const node of tree.children) {
    if (node.type === 'html' && hasBlockStructure(node)) nodes.push(...htmlToNodes(node))
    else if (node.type === 'blockquote' && node.children[0]?.type === 'heading') nodes.push(...node.children)
    else nodes.push(node)
  }
  for (const [at, node] of nodes.entries()) {
    const line = node.position?.start.line ?? 1
    const column = node.position?.start.column ?? 1
    if (node.type === 'heading') {
      const text = stripInlineTags(toString(node))
      const meta = metadataHeading(text, node.depth)
      if (meta) {
        const start = point(line, column)
        blocks.push({
          kind: 'field',
          label: meta.label,
          value: meta.value,
          line,
          column,
          match: null,
          node: textParagraph(text, start, lineEnd(line)),
          valueNode: textParagraph(meta.value, start, lineEnd(line)),
        })
        continue
      }
      lastRealDepth = node.depth
      while (open.length && open[open.length - 1]!.depth >= node.depth) open.pop()
      open.push({ depth: node.depth, text, match: null })
      const block: HeadingBlock = {
        kind: 'heading',
        depth: node.depth,
        text: text.replace(/\s*:\s*$/, ''),
        line,
        column,
        origin: node.children.length === 1 && node.children[0]?.type === 'text' && !node.position?.end.offset ? 'html' : 'markdown',
        match: null,
        node,
      }
      // The H1 that opens the document is its title, a section only when all its words name one ("# Summary", not "# Queue backlog").
      const opening = node.depth === 1 && !blocks.some((b) => b.kind === 'heading')
      block.match = matchSection(block.text, opening)
      open[open.length - 1]!.match = block.match
      blocks.push(block)
    } else if (node.type === 'list' && !open.some((o) => o.match) && labelledItems(node)) {
      labelledList(labelledItems(node)!)
    } else if (node.type === 'paragraph' && node.position?.start.offset !== undefined) {
      markdownParagraph(node, nodes[at + 1])
    } else if (node.type === 'paragraph') {
      const texts = toString(node).split('\n')
      splitLines(
        texts.map((text, i) => ({ text, line: line + i, column: 1 })),
        (from, to) => [textParagraph(texts.slice(from, to).join('\n'), point(line + from, 1), lineEnd(line + to - 1))],
        texts.length === 1,
      )
    } else {
      blocks.push({ kind: 'content', node, line })
    }
  }
  return blocks
}
