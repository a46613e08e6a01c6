/**
 * Raw HTML that would swallow what follows it: an opening `<select>`, `<template>`, `<textarea>`, `<script>` (and the
 * other elements whose content the HTML parser reads in a mode of its own) with no closing tag after it in the same
 * block makes parse5 take the rest of the page as that element's content, which the sanitizer then drops. Such a raw
 * node is shown as text instead, so no text after it is lost; a closed element is left to the sanitizer.
 */
import type { ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast'

/** Elements whose content the HTML parser reads in a mode of its own (raw text, escapable raw text, template, select). */
const SWALLOWING = ['select', 'template', 'textarea', 'title', 'script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']
const TAG = `<(${SWALLOWING.join('|')})(?=[\\s/>]|$)`
const OPENING = new RegExp(TAG, 'gi')
const OPENS = new RegExp(TAG, 'i')

/** Names of swallowing elements opened in `value` and not closed after their opening in `value` or in `later`. */
export function unclosedTags(value: string, later: readonly string[]): string[] {
  const open: string[] = []
  for (const match of value.matchAll(OPENING)) {
    const name = match[1]!.toLowerCase()
    const closing = new RegExp(`</${name}\\s*>`, 'i')
    if (name === 'plaintext' || (!closing.test(value.slice(match.index + match[0].length)) && !later.some((v) => closing.test(v)))) open.push(name)
  }
  return open
}

type Parent = { children: Array<HastContent | ElementContent> }

/** Turns each swallowing raw node of the tree into text, walking without recursion. */
export function defuseRawHtml(tree: HastRoot): void {
  const stack: Parent[] = [tree]
  while (stack.length) {
    const parent = stack.pop()!
    const raws = parent.children.flatMap((child, i) => (child.type === 'raw' ? [{ i, value: child.value }] : []))
    raws.forEach(({ i, value }, k) => {
      if (
        OPENS.test(value) &&
        unclosedTags(
          value,
          raws.slice(k + 1).map((r) => r.value),
        ).length
      )
        parent.children[i] = { type: 'text', value }
    })
    for (const child of parent.children) if ('children' in child) stack.push(child as Parent)
  }
}

/** The guard as a unified plugin, to run before rehype-raw. */
export const rawHtmlGuard = () => defuseRawHtml

/** Deepest raw-HTML nesting rendered at all: deeper, the renderer's recursion would depend on the thread's stack size. */
export const MAX_HTML_NESTING = 500

/** Elements that never hold content or close themselves when a sibling opens: they add no depth. */
const NO_DEPTH = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'optgroup',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'rb',
  'rt',
  'rp',
])
const TAGS = /<(\/?)([A-Za-z][A-Za-z0-9-]*)\b[^<>]*?(\/?)>/g

/** The deepest nesting the raw HTML strings reach, read in order as one stream (as the HTML parser reads them). */
export function rawHtmlDepth(values: Iterable<string>): number {
  let depth = 0
  let max = 0
  for (const value of values) {
    for (const [, closing, name, selfClosing] of value.matchAll(TAGS)) {
      if (selfClosing || NO_DEPTH.has(name!.toLowerCase())) continue
      depth = closing ? Math.max(0, depth - 1) : depth + 1
      if (depth > max) max = depth
    }
  }
  return max
}

/** The `html` node values of an mdast tree (or nodes) in document order, walked without recursion. */
export function* rawHtmlValues(nodes: unknown[]): Generator<string> {
  const stack = [...nodes].reverse()
  while (stack.length) {
    const node = stack.pop() as { type: string; value?: unknown; children?: unknown[] }
    if (node.type === 'html' && typeof node.value === 'string') yield node.value
    if (Array.isArray(node.children)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i])
  }
}
