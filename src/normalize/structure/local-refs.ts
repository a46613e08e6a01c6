import type { Nodes, Root } from 'mdast'

/** A relative link or image target written in the Markdown, with its place, for the checks that need the archive. */
export interface LocalRef {
  kind: 'image' | 'link'
  /** The destination as written (character references decoded, not percent-decoding). */
  url: string
  line: number
  column: number
}

/** Whether a destination is relative to the postmortem's file: no scheme, no host, no leading slash, not only a fragment. */
export const isRelativeUrl = (url: string): boolean => url !== '' && !/^[a-z][a-z\d+.-]*:/i.test(url) && !/^[/\\#?]/.test(url)

/**
 * The relative link and image destinations of a Markdown tree (inline, and reference definitions), with their places,
 * in document order; one walk bounded by the tree's size, an explicit stack so deep nesting cannot overflow.
 */
export function findLocalRefs(tree: Root): LocalRef[] {
  const refs: LocalRef[] = []
  const stack: Nodes[] = [tree]
  while (stack.length) {
    const node = stack.pop()!
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && isRelativeUrl(node.url) && node.position) {
      const kind = node.type === 'image' ? 'image' : 'link'
      refs.push({ kind, url: node.url, line: node.position.start.line, column: node.position.start.column })
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes)
  }
  return refs
}
