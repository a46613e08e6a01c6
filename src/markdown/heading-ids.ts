/** Heading ids as GitHub (and rehype-slug) give them: the slug of the heading's text, unique within one tree. */
import GithubSlugger from 'github-slugger'
import type { Element, ElementContent, Root as HastRoot } from 'hast'

const HEADING = /^h[1-6]$/

/** The headings of a hast tree with no id of their own, in document order, walked without recursion. */
export function headingsWithoutId(tree: HastRoot | Element): Element[] {
  const found: Element[] = []
  const stack: Array<HastRoot | ElementContent> = [tree]
  while (stack.length) {
    const node = stack.pop()!
    if (node.type !== 'root' && node.type !== 'element') continue
    if (node.type === 'element' && HEADING.test(node.tagName) && !node.properties.id) found.push(node)
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as ElementContent)
  }
  return found
}

/**
 * Gives each heading without an id GitHub's id for its text (what rehype-slug does, unique within the tree), walked
 * without recursion: rehype-slug's generic visitor was a fifth of rendering time.
 */
export function addHeadingIds(tree: HastRoot): void {
  const slugger = new GithubSlugger()
  for (const heading of headingsWithoutId(tree)) heading.properties.id = slugger.slug(hastText(heading))
}

/** Text content of a hast subtree (hast-util-to-string's result), without recursion. */
export function hastText(node: Element): string {
  const parts: string[] = []
  const stack: ElementContent[] = [node]
  while (stack.length) {
    const next = stack.pop()!
    if (next.type === 'text') parts.push(next.value)
    else if (next.type === 'element') for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i]!)
  }
  return parts.join('')
}
