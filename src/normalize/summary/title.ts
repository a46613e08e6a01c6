/**
 * The document's own title, best source first: front matter (or an MDX `meta` object), the first H1 that is not a
 * section name and comes before every section, a labelled `Title:` field, the first heading when only decoration
 * precedes it, else a short first line of plain text. Placeholders lose to a labelled field; URLs are never titles.
 */
import type { RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Block, HeadingBlock } from '../structure/blocks.js'
import type { Field } from '../structure/fields.js'
import { isSectionName } from '../sections/section-synonyms.js'
import { isChromeHeading } from './status-page-chrome.js'
import { cleanTitle, isBareUrl, isPlaceholder } from './title-text.js'

/** The title and the block it came from (that block is then not a section). */
export interface TitleResult {
  title: string | null
  blockIndex: number | null
}

function isRealHeading(block: Block): block is HeadingBlock {
  return block.kind === 'heading' && (block.origin === 'markdown' || block.origin === 'html')
}

/** Content that carries no words of its own: images, raw HTML, rules, bare links. */
function isDecoration(node: RootContent): boolean {
  if (node.type === 'html' || node.type === 'thematicBreak' || node.type === 'definition') return true
  if (node.type !== 'paragraph') return false
  return node.children.every(
    (c) =>
      c.type === 'image' ||
      c.type === 'imageReference' ||
      c.type === 'html' ||
      c.type === 'break' ||
      (c.type === 'text' && !c.value.trim()) ||
      (c.type === 'link' && isBareUrl(toString(c))) ||
      (c.type === 'text' &&
        c.value
          .trim()
          .split(/\s+/)
          .every((w) => isBareUrl(w) || /^!\[[^\]]*\](?:\[[^\]]*\])?$/.test(w))),
  )
}

/** Lines of the first paragraph worth reading as a title: bare URLs, HTML-only and image lines skipped. */
function firstLineTitle(blocks: Block[]): { title: string; index: number } | null {
  for (let i = 0; i < blocks.length && i < 4; i++) {
    const block = blocks[i]!
    if (block.kind !== 'content') return null
    if (isDecoration(block.node)) continue
    if (block.node.type !== 'paragraph') return null
    const lines = toString(block.node)
      .split('\n')
      .map((l) => cleanTitle(l))
      .filter((l) => l && !isBareUrl(l))
    const line = lines[0]
    if (!line || line.length > 120 || line.split(' ').length > 14 || /[.,;!]$/.test(line) || isSectionName(line)) return null
    // A line the next one carries on in lower case ("Last night the database failed," / "and users saw errors.") is
    // the start of a wrapped sentence of prose, not a title above it.
    if (/^\p{Ll}/u.test(lines[1] ?? '') && !/[:?]$/.test(line)) return null
    return { title: line, index: -1 }
  }
  return null
}

function fieldTitle(field: Field | null): string | null {
  if (!field) return null
  const value = cleanTitle(field.value).replace(/^`|`$/g, '')
  return value && !isPlaceholder(value) && !isBareUrl(value) && value.length <= 160 ? value : null
}

/** Two spellings of one title (case, spacing and quotes aside). */
function sameTitle(a: string, b: string): boolean {
  const norm = (t: string): string =>
    t
      .toLowerCase()
      .replace(/["'“”‘’`]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  return norm(a) === norm(b)
}

/** The first H1 that names the document: not a section name, and no section heading before it. */
function headingOne(blocks: Block[]): number {
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!
    if (isRealHeading(block) && block.depth === 1 && cleanTitle(block.text) !== '' && !isSectionName(cleanTitle(block.text))) return i
    if (block.kind === 'heading' && block.match) return -1
  }
  return -1
}

/**
 * The first heading when nothing but decoration (images, HTML, links) comes before it, unless it heads a status
 * page's standing section ("Upcoming maintenance windows" on an untitled page is no title).
 */
function leadingHeading(blocks: Block[]): number {
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!
    if (block.kind === 'heading') {
      const text = cleanTitle(block.text)
      return text && !isSectionName(text) && !block.match && !isChromeHeading(text) ? i : -1
    }
    if (block.kind === 'field' || !isDecoration(block.node)) return -1
  }
  return -1
}

/** Front-matter keys that name the title: `title`, or what some site generators call it (`heading`, `headline`). */
const TITLE_KEYS = ['title', 'heading', 'headline']

/** The front matter's title under the first title key that holds one. */
export function frontMatterTitle(data: Record<string, unknown>): unknown {
  return data[TITLE_KEYS.find((key) => typeof data[key] === 'string' && (data[key] as string).trim()) ?? 'title']
}

/**
 * Picks the title by the rules above; `frontMatterTitle` wins when it is a non-empty string; `titleField` is the
 * labelled title the fields stage found (a `Title:` line, a metadata table's `Incident` row).
 */
export function findTitle(blocks: Block[], frontMatterTitle: unknown, titleField: Field | null = null): TitleResult {
  if (typeof frontMatterTitle === 'string' && frontMatterTitle.trim()) {
    // A body H1 that repeats the front matter's title is that title, not a section of its own.
    const title = cleanTitle(frontMatterTitle)
    const h1 = headingOne(blocks)
    const same = h1 >= 0 && sameTitle(cleanTitle((blocks[h1] as HeadingBlock).text), title)
    return { title, blockIndex: same ? h1 : null }
  }
  if (typeof frontMatterTitle === 'number') return { title: String(frontMatterTitle), blockIndex: null }
  const field = fieldTitle(titleField)
  const h1 = headingOne(blocks)
  if (h1 >= 0) {
    const title = cleanTitle((blocks[h1] as HeadingBlock).text)
    return { title: isPlaceholder(title) && field ? field : title, blockIndex: h1 }
  }
  if (field) return { title: field, blockIndex: null }
  const lead = leadingHeading(blocks)
  if (lead >= 0) return { title: cleanTitle((blocks[lead] as HeadingBlock).text), blockIndex: lead }
  const hasHeadings = blocks.some(isRealHeading)
  if (hasHeadings) return { title: null, blockIndex: null }
  const line = firstLineTitle(blocks)
  return { title: line?.title ?? null, blockIndex: null }
}
