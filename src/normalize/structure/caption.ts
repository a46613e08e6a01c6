/**
 * A bold label ending in a colon right above a code block (`**Service Impact (Node-RED):**` over a log excerpt, `**Load
 * (16:30 UTC):**` over `top` output) in a document with Markdown headings: a caption of the block, not a section,
 * unless the label is a known section name as it stands (`**Timeline:**` over a fenced timeline).
 */
import type { RootContent } from 'mdast'
import type { LineKind } from './line-kinds.js'

/** Whether a one-line paragraph read as `kind`, followed by `next`, only captions that block. */
export function isCaption(kind: LineKind, next: RootContent | undefined, plain: boolean): boolean {
  if (plain || next?.type !== 'code' || kind.type !== 'heading' || !kind.bold || !kind.colon) return false
  return !kind.match || kind.match.confidence < 1
}
