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

/** Done (`true`), still to do (`false`) or unsaid (`null`), as a group's label states it. */
export function doneGroup(text: string): boolean | null {
  const t = text.replace(/[*_`]/g, '').trim()
  const state = stateOf(t.replace(/\s*:$/, ''))
  if (state) return doneOf(state)
  return DONE_GROUP.test(t) ? true : OPEN_GROUP.test(t) ? false : null
}

/** What a group's label says of its items' status, the label kept as their status word when it is one ("In progress", "Blocked"). */
export function groupStatus(text: string, defaults: ItemDefaults): Pick<ItemDefaults, 'done' | 'word'> {
  const done = doneGroup(text)
  if (done === null) return { done: defaults.done, word: defaults.word ?? null }
  const label = text
    .replace(/[*_`]/g, '')
    .replace(/\s*:\s*$/, '')
    .trim()
  return { done, word: stateOf(label) ? label : null }
}

/**
 * A label that names actions already carried out ("Actions taken", "Steps completed"): beside planned follow-ups, the
 * follow-ups already done; alone, often the responders' steps during the incident, so it sets no status by itself.
 */
export const TAKEN_ACTIONS = /^(?:actions?|steps|measures|changes|fixes) (?:already )?(?:taken|completed|done|implemented)\s*:?$/i
