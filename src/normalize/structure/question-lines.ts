/**
 * Documents that use questions as their sections ("## What happened?", "## Why did it happen?"): a short question
 * written as a line of a paragraph there is one more section, a sibling of the question heading it follows.
 */
import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'

/** A short question that could head a section: a capital first letter, up to ten words, a question mark at the end. */
const QUESTION = /^\p{Lu}[^?\n]{1,100}\?$/u

/** Whether a line (or heading text) is a short question. */
export function isQuestion(text: string): boolean {
  const trimmed = text.trim()
  return QUESTION.test(trimmed) && trimmed.split(/\s+/).length <= 10
}

/** Whether the document's Markdown headings ask at least two questions: its sections are questions. */
export function asksQuestions(tree: Root): boolean {
  let count = 0
  for (const node of tree.children) if (node.type === 'heading' && isQuestion(toString(node)) && ++count >= 2) return true
  return false
}
