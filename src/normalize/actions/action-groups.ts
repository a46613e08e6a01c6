/**
 * What the label of a group of follow-ups says of its items ("Completed", "Actions taken", "Planned", "In progress"),
 * so that every item under it shares the label's status.
 */
import { doneOf, stateOf } from './action-status.js'
import type { ItemDefaults } from './action-markers.js'

/** Words that introduce or name a list of things already done ("Completed", "We have already done the following:"). */
const DONE_GROUP =
  /^(?:done|completed?|already done|implemented|finished|fixed)\b|\b(?:ha(?:ve|s) (?:already )?been (?:done|completed|implemented|made|taken|deployed|fixed)|already (?:done|completed|implemented|taken|made|in place)|we(?: have|'ve) (?:already )?(?:done|completed|implemented|made|taken|deployed|added|fixed|shipped))\b/i

/** Words that name a group of things still to do ("Open", "Planned", "To do", "Remaining"). */
const OPEN_GROUP = /^(?:open|pending|planned|to ?do|in progress|not started|remaining|outstanding|upcoming)\b/i

/**
 * A status written after a label, in brackets or after a dash ("Immediate actions (Completed)", "Short-term (In
 * progress - issue 12)", "Actions [DONE]", "Cleanup — done"): the words before any further dash or comma.
 */
const TRAILING = /(?:\(([^()]{1,80})\)|\[([^[\]]{1,40})\]|\s[-–—]\s+([^-–—()[\]]{1,30}))\s*:?\s*$/

/** The status word a label ends with, as written, when it names a state. */
function trailingState(text: string): string | null {
  const m = TRAILING.exec(text)
  const said = (m?.[1] ?? m?.[2] ?? m?.[3] ?? '').split(/\s+[-–—]\s+|[,;:]/)[0]?.trim() ?? ''
  return said && stateOf(said) ? said : null
}

/** Done (`true`), still to do (`false`) or unsaid (`null`), as a group's label states it. */
export function doneGroup(text: string): boolean | null {
  const t = text.replace(/[*_`]/g, '').trim()
  const state = stateOf(t.replace(/\s*:$/, ''))
  if (state) return doneOf(state)
  const trailing = trailingState(t)
  if (trailing) return doneOf(stateOf(trailing))
  return DONE_GROUP.test(t) ? true : OPEN_GROUP.test(t) ? false : null
}

/** What a group's label says of its items' status, the label (or its trailing status) kept as their status word when it is one ("In progress", "Blocked"). */
export function groupStatus(text: string, defaults: ItemDefaults): Pick<ItemDefaults, 'done' | 'word'> {
  const done = doneGroup(text)
  if (done === null) return { done: defaults.done, word: defaults.word ?? null }
  const label = text
    .replace(/[*_`]/g, '')
    .replace(/\s*:\s*$/, '')
    .trim()
  return { done, word: stateOf(label) ? label : trailingState(label) }
}

/**
 * A label that names actions already carried out ("Actions taken", "Steps completed"): beside planned follow-ups, the
 * follow-ups already done; alone, often the responders' steps during the incident, so it sets no status by itself.
 */
export const TAKEN_ACTIONS = /^(?:actions?|steps|measures|changes|fixes) (?:already )?(?:taken|completed|done|implemented)\s*:?$/i
