/**
 * Whether raw HTML leaves the HTML parser as it found it: every tag in a raw node complete and simple, every element
 * opened in a node list closed in the same list in nesting order, and no element whose content or closing changes the
 * parser's state beyond its own subtree. Conservative: anything this reader is not sure of counts as unbalanced.
 */
import type { RootContent } from 'mdast'

/** Elements that never hold content: no closing tag is expected (and one is not simple). */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen'])

/**
 * Elements whose content the parser reads in a mode of its own, that change document-wide state (form pointer, frameset,
 * head and body), or switch to foreign content: their presence anywhere sends the document down the group-by-group path.
 */
const UNSAFE = new Set(
  ['select template textarea title script style xmp iframe noembed noframes noscript plaintext', 'html head body frameset frame form svg math image isindex']
    .join(' ')
    .split(' '),
)

/** Table parts, which the parser places differently when one is the first tag a fragment sees. */
const TABLE_PART = new Set(['caption', 'colgroup', 'col', 'tbody', 'tfoot', 'thead', 'tr', 'td', 'th'])

const SPACE = /[\t\n\f\r ]/
const NAME = /[A-Za-z][A-Za-z0-9-]*/y

/** One tag read from `value` at `at` (a `<`): its name, whether it closes, and the index after its `>`; null when not simple. */
function readTag(value: string, at: number): { name: string; closing: boolean; end: number } | null {
  const closing = value[at + 1] === '/'
  NAME.lastIndex = at + (closing ? 2 : 1)
  const name = NAME.exec(value)?.[0]
  if (!name) return null
  let i = NAME.lastIndex
  for (;;) {
    while (i < value.length && SPACE.test(value[i]!)) i++
    if (i >= value.length) return null
    if (value[i] === '>') return { name: name.toLowerCase(), closing, end: i + 1 }
    if (value[i] === '/') {
      if (value[i + 1] !== '>') return null
      return { name: name.toLowerCase(), closing, end: i + 2 }
    }
    if (closing) return null
    const start = i
    while (i < value.length && !SPACE.test(value[i]!) && !'/>='.includes(value[i]!)) {
      if ('"\'<`'.includes(value[i]!)) return null
      i++
    }
    if (i === start) return null
    while (i < value.length && SPACE.test(value[i]!)) i++
    if (value[i] !== '=') continue
    i++
    while (i < value.length && SPACE.test(value[i]!)) i++
    const quote = value[i]
    if (quote === '"' || quote === "'") {
      const close = value.indexOf(quote, i + 1)
      if (close < 0) return null
      i = close + 1
      if (i < value.length && !SPACE.test(value[i]!) && value[i] !== '>' && value[i] !== '/') return null
    } else {
      const from = i
      while (i < value.length && !SPACE.test(value[i]!) && value[i] !== '>') {
        if ('"\'<=`'.includes(value[i]!)) return null
        i++
      }
      if (i === from) return null
    }
  }
}

/** The tags of one raw value in order (comments skipped), or null when some part of it is not simple. */
export function rawTags(value: string): Array<{ name: string; closing: boolean }> | null {
  const tags: Array<{ name: string; closing: boolean }> = []
  for (let at = value.indexOf('<'); at >= 0; at = value.indexOf('<', at)) {
    const next = value[at + 1] ?? ''
    if (value.startsWith('<!--', at)) {
      const end = value.indexOf('-->', at + 4)
      if (end < 0 || value.startsWith('<!-->', at) || value.startsWith('<!--->', at) || value.slice(at, end).includes('--!>')) return null
      at = end + 3
    } else if (/[A-Za-z/]/.test(next)) {
      const tag = readTag(value, at)
      if (!tag || UNSAFE.has(tag.name) || (tag.closing && VOID.has(tag.name))) return null
      tags.push({ name: tag.name, closing: tag.closing })
      at = tag.end
    } else if (next === '!' || next === '?') return null
    else at++
  }
  return tags
}

type Node = { type: string; value?: unknown; children?: Node[] }

/**
 * Elements the parser treats specially in a document's body (its special and formatting elements, and those that
 * close others when they open). Any other element left open in a paragraph or heading is closed by the parser at the
 * paragraph's or heading's end, and leaves nothing behind: `<filename>` in "edit <filename> first".
 */
const KNOWN = new Set(
  [
    'address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup dd details',
    'dialog dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr',
    'html iframe img input keygen li link listing main marquee menu meta nav noembed noframes noscript object ol p param',
    'plaintext pre script search section select source style summary table tbody td template textarea tfoot th thead title',
    'tr track ul wbr xmp a b big code em font i nobr s small strike strong tt u option optgroup rb rp rt rtc math svg image',
  ]
    .join(' ')
    .split(' '),
)

/** Parents whose closing tag closes whatever raw HTML left open inside them. */
const CLOSING_PARENTS = new Set(['paragraph', 'heading'])

/**
 * Whether the raw HTML in `nodes` is balanced: in each list of siblings (the nodes themselves, and every node's
 * children), the raw tags close what they open in nesting order, with simple tags only (see `rawTags`); a paragraph or
 * heading may leave elements open that its end closes (see KNOWN). Walked without recursion, each node once.
 */
export function rawHtmlBalanced(nodes: RootContent[]): boolean {
  const lists: Array<{ parent: string; nodes: Node[] }> = [{ parent: 'root', nodes: nodes as Node[] }]
  while (lists.length) {
    const open: string[] = []
    const { parent, nodes: siblings } = lists.pop()!
    for (const node of siblings) {
      if (node.type === 'html' && typeof node.value === 'string') {
        const tags = rawTags(node.value)
        if (!tags) return false
        for (const tag of tags) {
          if (VOID.has(tag.name)) continue
          if (!tag.closing) open.push(tag.name)
          else if (open.pop() !== tag.name) return false
        }
      }
      if (Array.isArray(node.children)) lists.push({ parent: node.type, nodes: node.children })
    }
    if (open.length && !(CLOSING_PARENTS.has(parent) && open.every((name) => !KNOWN.has(name)))) return false
  }
  return true
}

/**
 * Whether a fragment starting with these nodes starts with a table part (`<tr>`, `<td>`, …) in raw HTML: the parser
 * then reads it in table mode, where after any other tag it would drop it. Leading definitions and raw nodes are read.
 */
export function startsWithTablePart(nodes: RootContent[]): boolean {
  for (const node of nodes) {
    if (node.type === 'definition') continue
    if (node.type !== 'html') return false
    const first = (rawTags(node.value) ?? []).find((tag) => !tag.closing)
    if (first) return TABLE_PART.has(first.name)
  }
  return false
}
