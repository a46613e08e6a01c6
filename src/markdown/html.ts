import { unified } from 'unified'
import remarkRehype from 'remark-rehype'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import type { Element, ElementContent, Root as HastRoot } from 'hast'
import type { Definition, Root, RootContent } from 'mdast'
import { containsType } from './contains-type.js'
import { addHeadingIds } from './heading-ids.js'
import { literalHeading } from './heading.js'
import { linearListItem } from './list-item.js'
import { literalTagNames } from './literal-tags.js'
import { MAX_HTML_NESTING, rawHtmlDepth, rawHtmlGuard, rawHtmlValues } from './raw-html-guard.js'
import { renderRawGroups } from './raw-groups.js'
import { sanitizeSchema } from './sanitize-schema.js'
import { escapeHtml } from '../escape-html.js'

/** The sanitisation schema, re-exported where it was first defined. */
export { sanitizeSchema } from './sanitize-schema.js'

const headingIds = () => addHeadingIds

const withRawHtml = unified()
  .use(remarkRehype, { allowDangerousHtml: true, handlers: { listItem: linearListItem, heading: literalHeading } })
  .use(rawHtmlGuard)
  .use(rehypeRaw)
  .use(headingIds)
  .use(rehypeSanitize, sanitizeSchema)
  .use(() => literalTagNames)
  .use(rehypeStringify)
  .freeze()

/** The same pipeline for trees with no raw HTML: parse5 (rehype-raw) is a fifth of normalization time and would do nothing. */
const withoutRawHtml = unified()
  .use(remarkRehype, { handlers: { listItem: linearListItem, heading: literalHeading } })
  .use(headingIds)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeStringify)
  .freeze()

const RAW_HTML = new Set(['html'])

/** Plain text of a tree, walked without recursion so that no nesting depth can overflow the stack. */
function flatText(root: Root): string {
  const parts: string[] = []
  const stack: unknown[] = [root]
  while (stack.length) {
    const node = stack.pop() as { value?: unknown; children?: unknown[] }
    if (typeof node.value === 'string') parts.push(node.value)
    if (Array.isArray(node.children)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i])
  }
  return parts.join(' ')
}

/** Node types whose HTML depends on more than the node: raw HTML (parse5 reads it as one stream) and footnotes. */
const WHOLE_RENDER_TYPES = new Set(['html', 'footnoteReference', 'footnoteDefinition'])

/**
 * mdast stand-in that marks where one block's hast ends, so one pass over all blocks can be cut back into blocks. Its
 * node sits under `content`, not `children`: mdast-util-to-hast first walks the whole tree it is given for link
 * definitions with a generic visitor (a third of this pass), so the definitions are handed to it in one small mark
 * of their own instead (`DefinitionsMark`), in document order, and the blocks are not walked.
 */
interface BlockMark {
  type: 'hindsightBlock'
  content: RootContent[]
}
/** The document's link definitions, for mdast-util-to-hast's definition scan; renders to nothing. */
interface DefinitionsMark {
  type: 'hindsightDefinitions'
  children: Definition[]
}
const markHandler = (state: { all: (node: { type: string; children: RootContent[] }) => ElementContent[] }, node: BlockMark): Element => ({
  type: 'element',
  tagName: 'hindsight-block',
  properties: {},
  children: state.all({ type: 'hindsightBlock', children: node.content }),
})
const toHast = remarkRehype({
  handlers: { hindsightBlock: markHandler, hindsightDefinitions: () => undefined, listItem: linearListItem, heading: literalHeading } as never,
}) as unknown as (tree: Root, file: undefined) => HastRoot
const sanitize = rehypeSanitize(sanitizeSchema)

/** The link definitions among the nodes and their descendants in document order, or null when a node needs a whole render. */
function definitionsOrWhole(nodes: RootContent[]): Definition[] | null {
  const found: Definition[] = []
  const stack: unknown[] = [...nodes].reverse()
  while (stack.length) {
    const node = stack.pop() as { type: string; children?: unknown[] }
    if (WHOLE_RENDER_TYPES.has(node.type)) return null
    if (node.type === 'definition') found.push(node as Definition)
    if (Array.isArray(node.children)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i])
  }
  return found
}

/**
 * Renders groups of mdast nodes (a whole document and its sections, which nest and so share nodes) to sanitised
 * HTML, as `renderHtml` would render each group, but in one pass over the distinct nodes: a unified run per section
 * costs more than its content. Heading ids are unique across all groups, given in order of first appearance. Groups
 * holding raw HTML or footnotes are rendered group by group, exactly as `renderHtml` does.
 */
export function renderGroups(groups: RootContent[][]): string[] {
  const distinct = [...new Set(groups.flat())]
  const definitions = definitionsOrWhole(distinct)
  if (!definitions) return renderRawGroups(groups, renderHtml) || groups.map((group) => renderHtml(group))
  try {
    const marks: BlockMark[] = distinct.map((node) => ({ type: 'hindsightBlock', content: [node] }))
    const defined: DefinitionsMark = { type: 'hindsightDefinitions', children: definitions }
    const hast = toHast({ type: 'root', children: [defined, ...marks] as unknown as RootContent[] }, undefined)
    addHeadingIds(hast)
    const blocks = hast.children.filter((n): n is Element => n.type === 'element' && n.tagName === 'hindsight-block')
    const html = new Map(
      distinct.map((node, i) => [
        node,
        withoutRawHtml.stringify(sanitize({ type: 'root', children: blocks[i]!.children as HastRoot['children'] }) as HastRoot),
      ]),
    )
    return groups.map((group) => group.map((node) => html.get(node)!).join('\n'))
  } catch {
    return groups.map((group) => renderHtml(group))
  }
}

/**
 * Renders mdast (a whole tree or some of its nodes) to sanitised HTML. Never throws: a tree too deep to render
 * (thousands of nested inline HTML tags) comes out as its escaped plain text instead.
 */
export function renderHtml(nodes: Root | RootContent[]): string {
  const root: Root = Array.isArray(nodes) ? { type: 'root', children: nodes } : nodes
  try {
    const raw = containsType([root], RAW_HTML)
    // An explicit limit, the same on every thread: past it the renderer's recursion depends on the stack size.
    if (raw && rawHtmlDepth(rawHtmlValues([root])) > MAX_HTML_NESTING) throw new RangeError('raw HTML nested too deeply')
    const toHtml = raw ? withRawHtml : withoutRawHtml
    const hast = toHtml.runSync(root)
    return toHtml.stringify(hast)
  } catch {
    return `<pre class="unrendered">${escapeHtml(flatText(root))}</pre>`
  }
}
