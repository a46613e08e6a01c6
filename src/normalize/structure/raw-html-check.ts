/**
 * A warning for raw HTML that opens an element the HTML parser would let swallow the rest of the page (`<select>`,
 * `<template>`, `<textarea>`... never closed in its block): the page shows such a tag as text (see
 * `markdown/raw-html-guard.ts`), and the author should know why.
 */
import type { Parent, Root } from 'mdast'
import type { VFile } from 'vfile'
import { RULE } from '../../constants.js'
import { MAX_HTML_NESTING, rawHtmlDepth, rawHtmlValues, unclosedTags } from '../../markdown/raw-html-guard.js'
import { report } from '../diagnostics.js'

/** Reports each unclosed swallowing tag of the tree's raw HTML, walking without recursion. */
export function reportUnclosedHtml(tree: Root, file: VFile): void {
  const depth = rawHtmlDepth(rawHtmlValues([tree]))
  if (depth > MAX_HTML_NESTING)
    report(
      file,
      'warning',
      `Raw HTML nests ${depth} elements deep (more than ${MAX_HTML_NESTING}); the document is shown as plain text`,
      { line: 1, column: 1 },
      RULE.nestingTooDeep,
    )
  const stack: Parent[] = [tree]
  while (stack.length) {
    const parent = stack.pop()!
    const raws = parent.children.flatMap((child) => (child.type === 'html' ? [child] : []))
    raws.forEach((node, k) => {
      if (!node.value.includes('<')) return
      for (const name of new Set(
        unclosedTags(
          node.value,
          raws.slice(k + 1).map((r) => r.value),
        ),
      )) {
        const start = node.position?.start
        report(
          file,
          'warning',
          `Raw HTML \`<${name}>\` is not closed in its paragraph, so it is shown as text (it would hide everything after it); close it with \`</${name}>\` or write \`&lt;${name}>\``,
          start ? { line: start.line, column: start.column } : null,
          RULE.htmlUnclosed,
        )
      }
    })
    for (const child of parent.children) if ('children' in child) stack.push(child as Parent)
  }
}
