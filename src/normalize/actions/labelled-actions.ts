/**
 * Follow-ups an author writes as a labelled lead-in inside prose rather than under an action-items heading: an
 * "Action point: …" paragraph or a bold "**Action planned:** We will …" line in any section (a lessons topic, a
 * detection section), each one item, done when a note right below it says so ("- This has been done.").
 */
import { toString } from 'mdast-util-to-string'
import type { Block } from '../structure/blocks.js'
import { oneLine } from '../structure/plain-text.js'
import { TAKEN_ACTIONS } from './action-groups.js'

/** Labels of follow-ups to come: "Remedial actions", "Corrective action", "Follow-up", "Next steps". */
const COMING = '(?:remedial|corrective|preventive|preventative|follow[- ]?up) actions?|follow[- ]?ups?|next steps?'
/** Labels that name one follow-up or a few ("Action point", "Action items", "Actions planned", "Action taken", "Remedial actions"). */
const ACTION_LABEL = new RegExp(`^(?:action (?:points?|items?|planned|taken)|actions (?:planned|taken)|${COMING})$`, 'i')
/** The same label opening a paragraph, with the item after it. */
const LABELLED_PARAGRAPH = /^[*_]{0,2}(action (?:points?|items?|planned|taken)|actions (?:planned|taken))[*_]{0,2}\s*:[*_]{0,2}\s+(\S[\s\S]*)$/i
/** Labels that name one follow-up to come, as a bullet opens with them: "**Remedial actions**:", "Follow-up:", "Next step:". */
const FOLLOW_UP_LABEL = new RegExp(`^[*_]{0,2}(${COMING}|action (?:points?|items?|planned)|actions planned)[*_]{0,2}\\s*:[*_]{0,2}\\s+(\\S[\\s\\S]*)$`, 'i')

/** The follow-up a list item of another section opens with a label ("- **Remedial actions**: I am going to …"), or null. */
export function labelledBullet(text: string): string | null {
  const found = FOLLOW_UP_LABEL.exec(text.trim())
  const rest = oneLine(found?.[2] ?? '')
  return rest && !rest.endsWith(':') ? rest : null
}

/** A note that says the item above it was carried out ("This has been done.", "Done.", "Completed in May"). */
const DONE_NOTE = /^(?:(?:this|it) (?:has|had|was|is) (?:already )?(?:been )?(?:done|completed|implemented|fixed|deployed|in place)|done|completed|fixed)\b/i

/** One labelled follow-up: its text, and whether its label or a note below it says it is done. */
export interface LabelledAction {
  text: string
  done: boolean | null
  /** Index one past the last block the item took (its wrapped line, its note). */
  end: number
}

/** The text of a block as one line. */
const lineOf = (block: Block | undefined): string => (block?.kind === 'content' ? oneLine(toString(block.node)) : '')

/** The labelled follow-up that starts at `blocks[index]`, or null when the block is no such lead-in. */
export function labelledAction(blocks: Block[], index: number): LabelledAction | null {
  const block = blocks[index]!
  let label: string
  let text: string
  let end = index + 1
  if (block.kind === 'field') {
    if (!ACTION_LABEL.test(block.label.replace(/[*_`]/g, '').trim())) return null
    label = block.label
    text = block.value
    // A bold label's line ends at its line break: the wrapped rest of the sentence is the paragraph right below.
    const next = blocks[end]
    if (!/[.!?]\s*$/.test(text) && next?.kind === 'content' && next.node.type === 'paragraph' && next.line === block.line + 1) {
      text = `${text} ${lineOf(next)}`
      end++
    }
  } else if (block.kind === 'content' && block.node.type === 'paragraph') {
    const found = LABELLED_PARAGRAPH.exec(toString(block.node))
    if (!found) return null
    label = found[1] ?? ''
    text = found[2] ?? ''
  } else return null
  text = oneLine(text)
  if (!text || text.endsWith(':')) return null
  let done = TAKEN_ACTIONS.test(label.replace(/[*_`]/g, '').trim()) ? true : null
  const note = blocks[end]
  if (note?.kind === 'content' && note.node.type === 'list' && note.node.children.length === 1 && DONE_NOTE.test(lineOf(note))) {
    done = true
    end++
  }
  return { text, done, end }
}
