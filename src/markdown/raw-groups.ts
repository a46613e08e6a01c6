/**
 * Groups of mdast nodes holding raw HTML (a document and its sections) rendered with one HTML-parser pass over the
 * distinct nodes, where rendering each group on its own (`renderHtml`) ran parse5 over every section again. The nodes
 * are cut into chunks at every group's start and end; one parse reads all chunks, each wrapped in a mark, and a group's
 * HTML is its chunks' HTML. That equals a group's own render only when the parser leaves every chunk as it found it, so
 * the pass is taken only when each chunk's raw HTML is balanced (see `raw-balance.ts`), and null is returned otherwise:
 * an element opened in one section and closed in the next, a swallowing tag, references or footnotes (which a group
 * resolves on its own) all keep the group-by-group render. Heading ids are given per group, as `renderHtml` gives them.
 */
import GithubSlugger from 'github-slugger'
import type { Element, ElementContent, Root as HastRoot } from 'hast'
import type { Root, RootContent } from 'mdast'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { containsType } from './contains-type.js'
import { hastText, headingsWithoutId } from './heading-ids.js'
import { literalHeading } from './heading.js'
import { linearListItem } from './list-item.js'
import { rawHtmlBalanced, startsWithTablePart } from './raw-balance.js'
import { MAX_HTML_NESTING, rawHtmlDepth, rawHtmlValues } from './raw-html-guard.js'
import { literalTagNames } from './literal-tags.js'
import { sanitizeSchema } from './sanitize-schema.js'

/** mdast stand-in for one chunk: its nodes sit under `content`, so mdast-util-to-hast's definition scan skips them. */
interface ChunkMark {
  type: 'hindsightChunk'
  content: RootContent[]
}

type HandlerState = {
  all: (node: { type: string; children: RootContent[] }) => ElementContent[]
  wrap: (nodes: ElementContent[], loose?: boolean) => ElementContent[]
}
const MARK = 'hindsight-chunk'
const chunkHandler = (state: HandlerState, node: ChunkMark): Element => ({
  type: 'element',
  tagName: MARK,
  properties: {},
  children: state.wrap(state.all({ type: 'hindsightChunk', children: node.content }), false),
})
const toHast = remarkRehype({
  allowDangerousHtml: true,
  handlers: { hindsightChunk: chunkHandler, listItem: linearListItem, heading: literalHeading } as never,
}) as unknown as (tree: Root, file: undefined) => HastRoot
const parseRaw = rehypeRaw() as unknown as (tree: HastRoot, file: undefined) => HastRoot
const sanitize = rehypeSanitize(sanitizeSchema) as unknown as (tree: HastRoot) => HastRoot
const stringifier = unified().use(rehypeStringify).freeze()

/** Node types whose rendering depends on the rest of the group: references and footnotes. */
const GROUP_BOUND = new Set(['linkReference', 'imageReference', 'footnoteReference', 'footnoteDefinition'])

const RAW = new Set(['html'])

const isMark = (node: HastRoot['children'][number]): node is Element => node.type === 'element' && node.tagName === MARK

/** The chunks: `distinct` cut wherever a group (a run of `distinct`) starts or ends. */
function chunksOf(distinct: RootContent[], runs: RootContent[][], index: Map<RootContent, number>): RootContent[][] {
  const cuts = new Set([0, distinct.length])
  for (const run of runs) {
    cuts.add(index.get(run[0]!)!)
    cuts.add(index.get(run.at(-1)!)! + 1)
  }
  const sorted = [...cuts].sort((a, b) => a - b)
  return sorted.slice(0, -1).map((from, k) => distinct.slice(from, sorted[k + 1]))
}

/**
 * The HTML of the selected groups (all runs of `distinct`, see `chunksOf`), rendered chunk by chunk: one mdast-to-hast
 * pass over the chunks and, with `raw`, one parse5 pass; each chunk is sanitised and serialised once for each set of
 * heading ids the groups give it. Null when the chunks cannot be told apart after the parser pass.
 */
function renderChunks(groups: RootContent[][], chunks: RootContent[][], raw: boolean): Map<number, string> | null {
  const hast = toHast({ type: 'root', children: chunks.map((content) => ({ type: 'hindsightChunk', content })) as unknown as RootContent[] }, undefined)
  const empty = hast.children.filter(isMark).map((mark) => mark.children.length === 0)
  const marks = (raw ? parseRaw(hast, undefined) : hast).children.filter(isMark)
  if (marks.length !== chunks.length) return null
  const headings = marks.map((mark) => headingsWithoutId(mark))
  const texts = headings.map((list) => list.map(hastText))
  const rendered = new Map<string, string>()
  const chunkHtml = (k: number, ids: string[]): string => {
    const key = `${k}\u0000${ids.join('\u0000')}`
    let html = rendered.get(key)
    if (html === undefined) {
      headings[k]!.forEach((heading, j) => (heading.properties.id = ids[j]!))
      html = stringifier.stringify(literalTagNames(sanitize({ type: 'root', children: marks[k]!.children as HastRoot['children'] })))
      for (const heading of headings[k]!) delete heading.properties.id
      rendered.set(key, html)
    }
    return html
  }
  const firstChunk = new Map(chunks.map((chunk, k) => [chunk[0]!, k]))
  const out = new Map<number, string>()
  groups.forEach((group, i) => {
    const slugger = new GithubSlugger()
    const parts: string[] = []
    for (let k = firstChunk.get(group[0]!)!, covered = 0; covered < group.length; k++) {
      covered += chunks[k]!.length
      if (!empty[k])
        parts.push(
          chunkHtml(
            k,
            texts[k]!.map((text) => slugger.slug(text)),
          ),
        )
    }
    out.set(i, parts.join('\n'))
  })
  return out
}

/** The selected groups that are runs of their distinct nodes, by index, and the chunks those runs cut the nodes into. */
function runsAndChunks(groups: RootContent[][], selected: boolean[]): { runs: Map<number, RootContent[]>; chunks: RootContent[][] } {
  const distinct = [...new Set(groups.filter((_, i) => selected[i]).flat())]
  const index = new Map(distinct.map((node, i) => [node, i]))
  const runs = new Map<number, RootContent[]>()
  groups.forEach((group, i) => {
    if (selected[i] && group.every((node, k) => k === 0 || index.get(node) === index.get(group[k - 1]!)! + 1)) runs.set(i, group)
  })
  return { runs, chunks: chunksOf(distinct, [...runs.values()], index) }
}

/**
 * The HTML of each group, as `renderOne` renders it, with the groups holding raw HTML rendered in one parser pass and
 * the others in one pass without the parser; null when the parser pass could differ from rendering each group on its
 * own (the caller then does that). Groups that are not runs, or hold references or footnotes, go to `renderOne`.
 */
export function renderRawGroups(groups: RootContent[][], renderOne: (group: RootContent[]) => string): string[] | null {
  const raw = groups.map((group) => group.length > 0 && containsType(group, RAW))
  const withRaw = runsAndChunks(groups, raw)
  if (containsType(withRaw.chunks.flat(), GROUP_BOUND)) return null
  if (!withRaw.chunks.every(rawHtmlBalanced) || [...withRaw.runs.values()].some(startsWithTablePart)) return null
  if (rawHtmlDepth(rawHtmlValues(withRaw.chunks.flat())) > MAX_HTML_NESTING) return null
  const plain = runsAndChunks(
    groups,
    groups.map((group, i) => group.length > 0 && !raw[i] && !containsType(group, GROUP_BOUND)),
  )
  try {
    const rawHtml = renderChunks([...withRaw.runs.values()], withRaw.chunks, true)
    if (!rawHtml) return null
    const plainHtml = renderChunks([...plain.runs.values()], plain.chunks, false)!
    const rawAt = new Map([...withRaw.runs.keys()].map((g, k) => [g, rawHtml.get(k)!]))
    const plainAt = new Map([...plain.runs.keys()].map((g, k) => [g, plainHtml.get(k)!]))
    return groups.map((group, i) => rawAt.get(i) ?? plainAt.get(i) ?? renderOne(group))
  } catch {
    return null
  }
}
