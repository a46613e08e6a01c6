/**
 * Where a follow-up stands, read from the words authors and trackers use ("In progress", "Blocked", "Won't fix",
 * Jira's "To Do"/"In Review"/"Closed", "FAILED", Japanese 対応中), mapped onto a small closed set so that pages
 * can group and filter by it; the author's own word is kept beside it.
 */
import type { ActionState } from '../../types.js'

const DONE = /^(?:done|complete|completed|closed|fixed|resolved|finished|shipped|merged|implemented|deployed|released|verified|landed|yes|[x✓✔☑✅])$/
const WONT =
  /^(?:won'?t (?:do|fix)|wont ?(?:do|fix)|will not (?:do|fix)|not doing|cancel+ed|rejected|declined|dropped|abandoned|obsolete|duplicate|not planned|n\/a)$/
const BLOCKED = /^(?:blocked|on hold|waiting|stalled|paused|deferred|parked|postponed|[⛔🚫])$/u
const ACTIVE =
  /^(?:in[ -]progress|doing|wip|ongoing|started|underway|in review|in development|in testing|in qa|partial(?:ly done)?|partially complete[d]?|[🚧⏳])$/u
const OPEN =
  /^(?:open|to[ -]?do|pending|planned|not (?:yet )?started|not done|no|new|outstanding|backlog|scheduled|unresolved|triage|queued|failed|reopened|selected for development|proposed|[☐⬜❌])$/

/** The state a status word or mark names, or null when it names none ("Show the deploy status" is text). */
export function stateOf(word: string): ActionState | null {
  const w = word
    .toLowerCase()
    .replace(/[*_`[\]()]/g, '')
    .replace(/’/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
  if (DONE.test(w)) return 'done'
  if (WONT.test(w)) return 'wont-do'
  if (BLOCKED.test(w)) return 'blocked'
  if (ACTIVE.test(w)) return 'in-progress'
  if (OPEN.test(w)) return 'open'
  // Japanese: 完了/対応済み (done), 対応中/実施中 (in progress), 未対応/未着手/未完了/検討中 (open).
  if (/^(?:完了|(?:対応|実施)?済み?)$/.test(w)) return 'done'
  if (/^(?:対応中|実施中)$/.test(w)) return 'in-progress'
  return /^(?:未対応|未着手|未完了|検討中)$/.test(w) ? 'open' : null
}

/** Done (`true`) or not (`false`) for a state; null when none is stated. */
export const doneOf = (state: ActionState | null): boolean | null => (state === null ? null : state === 'done')

/** The state a bare done flag gives (a checked or unchecked box, a list introduced as done). */
export const stateOfDone = (done: boolean | null): ActionState | null => (done === null ? null : done ? 'done' : 'open')
