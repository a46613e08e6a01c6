/**
 * One follow-up's text read for what authors write around it: a kind prefix (`Fix:`), done or pending markers
 * ("(done)", "[DONE]", "TODO", "✅", "completed", "(Finished.)", struck-through), a priority ("P1", "HIGH", "Priority: high")
 * and an owner ("@kim", "Owner: Kim", a leading "(ops team)"); each is taken out of the text into its own field. A tracker
 * link's label left at the end ("(Issue)", "(PR)", "- jira link") is dropped: the link stays on the page, not in the text.
 */
import type { ActionItem } from '../../types.js'
import { stripDecoration } from '../structure/html-blocks.js'
import { oneLine } from '../structure/plain-text.js'
import { kindOf, labelKind } from './action-kinds.js'
import { dueOf, takeDue } from './action-due.js'
import { doneOf, stateOf, stateOfDone } from './action-status.js'
import { MONTH_WORD } from '../time/month-words.js'
import { isNothing } from './action-lines.js'

export { kindOf, labelKind } from './action-kinds.js'

/** Done (`true`) or not (`false`) stated by a status word or mark, else null. */
export function statusOf(word: string): boolean | null {
  return doneOf(stateOf(word))
}

const STATUS_WORDS =
  "done|todo|to do|doing|wip|in progress|completed?|finished|fixed|open|pending|planned|closed|blocked|on hold|in review|failed|deferred|cancel+ed|won[’']?t (?:fix|do)|wontfix"
/** A bracketed status at the start, any case: "[DONE]", "(done)", "[x]". */
const BRACKET_STATUS = new RegExp(`^[[(](${STATUS_WORDS}|[x ✓✔])[\\])]\\s*[:–—-]?\\s*`, 'i')
/** A bare status word at the start, upper-case only so that "Open a ticket" stays text: "DONE:", "TODO", "✅". */
const BARE_STATUS =
  /^(?:(DONE|TODO|TO DO|DOING|WIP|IN PROGRESS|COMPLETED?|FIXED|OPEN|PENDING|PLANNED|CLOSED|BLOCKED|ON HOLD|IN REVIEW|FAILED|DEFERRED|CANCEL+ED|WON[’']?T (?:FIX|DO)|WONTFIX)\b|([✅✔☑✓🚧]))\s*[:–—-]?\s*/u
const TRAILING_STATUS = new RegExp(`(?:\\s+-\\s*|\\s*[–—]\\s*|\\s*[[(])(${STATUS_WORDS})\\.?[\\])]?\\s*[.!]?$|\\s*([✅✔☑🚧])$`, 'iu')
const LABELLED_STATUS = new RegExp(`\\s*[[(]?\\b[Ss]tatus\\s*[:=]\\s*(${STATUS_WORDS})\\b[\\])]?`, 'i')
/** A tracker link's label at the end: "(Issue)", "(pull request).", ". Issue" after a sentence, "- jira link". */
const TRACKER_LABEL =
  /(?:\s*[([](?:issues?|prs?|pull requests?|tickets?|jira|bugs?|links?)[)\]]|\s+[-–—]\s*(?:jira|issue|ticket|pr)(?: (?:link|ticket|issue))?|(?<=[.!?])\s+(?:issues?|prs?|tickets?|jira))(\.?)\s*$/i
/** A short leading parenthesis before a lower-case verb names the owner: "(ops team) add heartbeat monitoring". */
const LEAD_OWNER = /^\(([\p{L}][\p{L} ,&/.-]{0,38}[\p{L}.])\)\s+(?=\p{Ll})/u
const NOT_OWNER = /^(?:optional|maybe|stretch|nice to have|tbd|idea|if needed|proposal|draft|later|ongoing|blocked|done|todo|wip|in progress)$/i

function dropTrackerLabels(text: string): string {
  let out = text
  for (let i = 0; i < 3; i++) {
    const label = TRACKER_LABEL.exec(out)
    if (!label || label.index === 0) break
    out = out.slice(0, label.index) + (label[1] ?? '')
  }
  return out
}
const PRIORITY_WORDS = 'critical|urgent|high|medium|med|normal|low'
const PRIORITY_LABEL = new RegExp(`\\s*[[(]?\\bpriority\\s*[:=]?\\s*(p[0-4]|${PRIORITY_WORDS})\\b[\\])]?`, 'i')
const PRIORITY_TAG = new RegExp(
  `(?:^|\\s)[[(]([pP][0-4]|${PRIORITY_WORDS}|${PRIORITY_WORDS.toUpperCase()})[\\])](?=\\s|$|[:.,])|(?:^|\\s)(P[0-4]|${PRIORITY_WORDS.toUpperCase()})\\s*[:–—-](?=\\s)|(?:^|\\s)(P[0-4]|${PRIORITY_WORDS.toUpperCase()})(?=\\s*$)|^(P[0-4])\\s+(?=\\S)|(?:^|\\s)(${PRIORITY_WORDS}) priority\\b`,
)

/** Jira's priority scale beyond the common words, as a tracker's Priority field or column is written ("Highest", "Blocker"). */
const TRACKER_PRIORITIES = 'highest|lowest|blocker|trivial'

/** Normalized priority ("P1" stays `P1`, words are lower-cased, "med" is `medium`). */
export function priorityOf(value: string): string | null {
  const v = value.replace(/[*_`[\]()]/g, '').trim()
  if (/^p[0-4]$/i.test(v)) return v.toUpperCase()
  const word = v.toLowerCase()
  if (new RegExp(`^(?:${PRIORITY_WORDS}|${TRACKER_PRIORITIES})$`).test(word)) return word === 'med' ? 'medium' : word
  return null
}

/** An item's text without its status markers, whether it is done, and the status word that said so (null for a bare mark). */
function takeStatus(text: string): { text: string; done: boolean | null; word: string | null; todo: boolean } {
  let done: boolean | null = null
  let word: string | null = null
  let todo = false
  const struck = /^~~(.+)~~\s*$/.exec(text)
  if (struck) return { text: struck[1] ?? text, done: true, word, todo }
  const lead = BRACKET_STATUS.exec(text) ?? BARE_STATUS.exec(text)
  if (lead) {
    const said = lead[1] ?? lead[2] ?? ''
    done = said === ' ' ? false : statusOf(said)
    word = said
    todo = /^to ?do$/i.test(said)
    text = text.slice(lead[0].length)
  }
  // A labelled status anywhere ("— Status: done", "(status: open)"), as a table's Status column would say it.
  const labelled = text.includes('tatus') ? LABELLED_STATUS.exec(text) : null
  const labelledDone = labelled && labelled.index > 0 ? statusOf(labelled[1] ?? '') : null
  if (labelled && labelledDone !== null) {
    done = labelledDone
    word = labelled[1] ?? null
    text = text.slice(0, labelled.index) + text.slice(labelled.index + labelled[0].length)
  }
  const trail = TRAILING_STATUS.exec(text)
  if (trail && trail.index > 0) {
    const said = trail[1] ?? trail[2] ?? ''
    const trailDone = statusOf(said)
    if (trailDone !== null) [done, word] = [trailDone, said]
    text = text.slice(0, trail.index)
  }
  return { text, done, word, todo }
}

function takePriority(text: string): { text: string; priority: string | null } {
  const labelled = PRIORITY_LABEL.exec(text)
  if (labelled) return { text: text.slice(0, labelled.index) + text.slice(labelled.index + labelled[0].length), priority: priorityOf(labelled[1] ?? '') }
  const tag = PRIORITY_TAG.exec(text)
  if (!tag) return { text, priority: null }
  if (tag[5]) return { text, priority: priorityOf(tag[5]) }
  return { text: `${text.slice(0, tag.index)} ${text.slice(tag.index + tag[0].length)}`, priority: priorityOf(tag[1] ?? tag[2] ?? tag[3] ?? tag[4] ?? '') }
}

/**
 * A labelled owner, "Owner: Kim Lee", "Owner: J. Patel", "assigned to @kim": a name's dots only inside it ("j.doe") or after an initial, so a sentence's
 * full stop ("Owner: Priya. Due: 30 June.") ends the name and goes with the label.
 */
const LABELLED_OWNER =
  /\s*[([]?(?<![\p{L}\p{N}])(?:(?:owners?|assignees?|verantwortlich(?:e[rn]?)?|zuständig(?:e[rn]?)?|responsables?|responsável|encargad[oa]|propriétaire|titolare)\s*[:=]|assigned to\b|owned by\b)\s*@?((?:\p{Lu}\. ?){0,2}[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*(?: \p{Lu}[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*)?)[)\]]?(?:\.(?=\s|$))?/iu

/** One to three capitalized words, the shape of a person's name ("Jane", "Bob Smith", "Ana García"). */
const NAME = String.raw`\p{Lu}[\p{Ll}'’-]{1,20}(?: \p{Lu}[\p{Ll}'’-]{0,20}\.?){0,2}`
/** A name signing an item at its end, in a parenthesis or after a spaced dash: "Add a canary (Jane)", "Write a runbook — Bob Smith". */
const TRAILING_NAME = new RegExp(String.raw`\s*\((${NAME})\)\s*[.!]?$|\s+(?:--?|[–—])\s+(${NAME})\s*[.!]?$`, 'u')
const CALENDAR_WORD = new RegExp(
  String.raw`^(?:${MONTH_WORD}|` + String.raw`(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|q[1-4]|h[12])\.?$`,
  'i',
)

/** Whether a signed name is a person or team rather than a status, priority, kind or calendar word ("(Done)", "— High", "(Optional)"). */
function isPersonName(name: string): boolean {
  return !NOT_OWNER.test(name) && !kindOf(name) && priorityOf(name) === null && statusOf(name) === null && !CALENDAR_WORD.test(name)
}

function takeOwner(written: string): { text: string; owner: string | null } {
  const text = written.replace(/\s[–—-]\s*$/, '') // a dash a removed priority left ("Fix — Dana — P2")
  const lead = LEAD_OWNER.exec(text)
  const name = lead?.[1]?.trim() ?? ''
  if (lead && name.split(/\s+/).length <= 4 && !NOT_OWNER.test(name) && !kindOf(name) && priorityOf(name) === null)
    return { text: text.slice(lead[0].length), owner: name }
  const labelled = LABELLED_OWNER.exec(text)
  if (labelled) return { text: text.slice(0, labelled.index) + text.slice(labelled.index + labelled[0].length), owner: labelled[1] ?? null }
  const edge =
    /(?:^|\s+[–—-]?\s*)(?:(?:owners?|assignees?|owned by|assigned to)\s+)?[([]?`?@([A-Za-z0-9][\w.-]*[A-Za-z0-9_])`?[)\]]?\s*$|^`?@([A-Za-z0-9][\w.-]*[A-Za-z0-9_])`?\s*[:–—-]\s*/.exec(
      text,
    )
  if (edge) return { text: text.slice(0, edge.index) + ' ' + text.slice(edge.index + edge[0].length), owner: edge[1] ?? edge[2] ?? null }
  const signed = TRAILING_NAME.exec(text)
  const signer = signed?.[1] ?? signed?.[2] ?? ''
  if (signed && signed.index > 0 && isPersonName(signer)) return { text: text.slice(0, signed.index), owner: signer }
  // Inside the text a mention is the owner only when it is asked to act ("Ask @jo to review"), not when it names a
  // role, channel or group the work is about ("added an @emergency role on Discord").
  const mention = /(?:^|[\s(])@([A-Za-z0-9][\w.-]*[A-Za-z0-9_])(?=\s+(?:to|will|shall|should|must|can|is going to)\s)/.exec(text)
  return { text, owner: mention?.[1] ?? null }
}

/**
 * A parenthesis or brackets at the end of an item, full-width too: "(owner: @kim, P1)", "(@ops, high priority)",
 * "[team: SRE]", "（担当：山田、完了）".
 */
const TRAILING_GROUP = /\s*(?:[(（]([^()（）]{1,80})[)）]|\[([^[\]]{1,80})\])\s*[.!。]?\s*$/
/** A due date in a group: "Q2", "H1 2025", "due 2024-05-01", "by March", "2024-05-01", "June 2024". */
const DUE_PART = new RegExp(
  String.raw`^(?:(?:due(?!\s+to\b)|by|until|eta|target|deadline)\b.{1,30}|(?:q[1-4]|h[12])(?:\s*(?:fy)?'?\d{2,4})?|\d{4}-\d{2}(?:-\d{2})?` +
    String.raw`|(?:${MONTH_WORD})\.?(?:\s\d{1,2}(?:st|nd|rd|th)?)?,?(?:\s\d{4})?)$`,
  'i',
)
const GROUP_OWNER =
  /^(?:(?:owners?|teams?|assignees?|verantwortlich(?:e[rn]?)?|zuständig(?:e[rn]?)?|responsables?|responsável|encargad[oa]|propriétaire|titolare|担当者?)\s*[:=：]\s*|assigned to\s+|owned by\s+)?@?([\p{L}\p{N}_.-]+(?: \p{Lu}[\p{L}\p{N}_.-]+)?)$/iu
const GROUP_PRIORITY = new RegExp(`^(?:priority\\s*[:=]?\\s*)?(p[0-4]|${PRIORITY_WORDS})(?:\\s+priority)?$`, 'i')

/**
 * The owner and priority a trailing parenthesis lists, comma- or semicolon-separated, taken out part by part (so no
 * ", P1)" is left behind once the owner is read); the parts it does not know ("due May 3") stay in a parenthesis.
 * A group with neither an owner nor a priority ("(see RFC 12)") is left as it is; a lone name ("(Bob)") is read by takeOwner.
 */
function takeAttributeGroup(text: string): {
  text: string
  owner: string | null
  priority: string | null
  done: boolean | null
  word: string | null
  due: string | null
} {
  const none = { text, owner: null, priority: null, done: null, word: null, due: null }
  const group = TRAILING_GROUP.exec(text)
  if (!group || group.index === 0) return none
  let owner: string | null = null
  let priority: string | null = null
  let done: boolean | null = null
  let word: string | null = null
  const kept: string[] = []
  // The comma of a written-out date ("March 3, 2025") does not split the group.
  const inner = (group[1] ?? group[2]!).replace(/(\p{L}\.? \d{1,2}(?:st|nd|rd|th)?), (?=\d{4}\b)/gu, '$1 ')
  for (const raw of inner.split(/[,;、，]/)) {
    const part = raw.trim()
    const named = /[:=@：]|^assigned to |^owned by /i.test(part) ? GROUP_OWNER.exec(part) : null
    const ranked = GROUP_PRIORITY.exec(part)
    if (ranked && priority === null) priority = priorityOf(ranked[1]!)
    else if (named && owner === null) owner = named[1]!
    else if (done === null && statusOf(part) !== null) [done, word] = [statusOf(part), part]
    else if (part) kept.push(part)
  }
  const due = kept.filter((part) => DUE_PART.test(part))
  if (owner === null && priority === null && due.length === 0) return none
  // Beside a priority or a due date, one short name is the owner: "(ops team, P2)", "(Platform, Q4)".
  const others = kept.filter((part) => !due.includes(part))
  const lone = others.length === 1 && owner === null ? others[0]! : ''
  if (/^\p{L}[\p{L} .&/-]{0,30}$/u.test(lone) && lone.split(/\s+/).length <= 3 && !NOT_OWNER.test(lone) && !kindOf(lone)) {
    owner = lone
    kept.splice(kept.indexOf(lone), 1)
  }
  // A group that is only a due date ("(due May 3)", "(Q3)") gives it too; a bare month ("(March)") stays text.
  const dueDate = due.length === 1 && (owner !== null || priority !== null || /\d|^(?:due|deadline|target|eta)\b/i.test(due[0]!)) ? dueOf(due[0]!) : null
  if (dueDate) kept.splice(kept.indexOf(due[0]!), 1)
  if (owner === null && priority === null && dueDate === null) return none
  const rest = text.slice(0, group.index)
  return { text: kept.length ? `${rest} (${kept.join(', ')})` : rest, owner, priority, done, word, due: dueDate }
}

/** Tracker labels at the end of an item (GitLab's `~"severity::2"`, `~bug`): the page links the issue; `priority::N` is its priority. */
const SCOPED_LABELS = /(?:\s+~(?:"[^"\n]{1,60}"|[A-Za-z][\w:.-]{0,60}))+\s*$/

function takeScopedLabels(text: string): { text: string; priority: string | null } {
  const labels = text.includes('~') ? SCOPED_LABELS.exec(text) : null
  if (!labels || labels.index === 0) return { text, priority: null }
  const rank = /~"?priority::(\d)/i.exec(labels[0])?.[1]
  return { text: text.slice(0, labels.index), priority: rank ? priorityOf(`P${rank}`) : null }
}

/** What a group or table already says about its items. */
export interface ItemDefaults {
  kind: string | null
  done: boolean | null
  priority?: string | null
  owner?: string | null
  due?: string | null
  /** The status word a table cell, a group's label or a "Status:" line wrote, when `done` came from one. */
  word?: string | null
}

/** One action item from a line of text, or null when nothing is left once the markers are taken out. */
export function makeItem(raw: string, defaults: ItemDefaults): ActionItem | null {
  const status = takeStatus(
    dropTrackerLabels(oneLine(stripDecoration(raw.replace(/<\/?[A-Za-z][^<>]{0,300}>/g, ''))).replace(/^(\*\*|__)([^*_]{1,20})\1/, '$2')),
  )
  let text = dropTrackerLabels(status.text)
  let kind = status.todo ? (defaults.kind ?? 'todo') : defaults.kind
  let done = status.done
  let word = status.word
  const typed = /^([A-Za-z][A-Za-z /-]{1,24}?)\s*:\s+(\S.*)$/.exec(text)
  if (typed && labelKind(typed[1] ?? '')) {
    const label = typed[1] ?? ''
    kind = labelKind(label)
    if (statusOf(label) === false && done === null) [done, word] = [false, label]
    text = typed[2] ?? text
  }
  const bracketed = /^[([]([A-Za-z][A-Za-z -]{1,20})[)\]]\s*:?\s+(?=\S)/.exec(text)
  const bracketKind = bracketed ? labelKind((bracketed[1] ?? '').replace(/^longer\b/i, 'long')) : null
  if (bracketed && bracketKind) [kind, text] = [bracketKind, text.slice(bracketed[0].length)]
  const labels = takeScopedLabels(text)
  const grouped = takeAttributeGroup(labels.text)
  if (done === null) [done, word] = grouped.done !== null ? [grouped.done, grouped.word] : [defaults.done, defaults.word ?? null]
  const prioritised = grouped.priority === null ? takePriority(grouped.text) : { text: grouped.text, priority: grouped.priority }
  prioritised.priority ??= labels.priority
  const owned = grouped.owner === null ? takeOwner(prioritised.text) : { text: prioritised.text, owner: grouped.owner }
  const dated = grouped.due === null ? takeDue(owned.text) : { text: owned.text, due: grouped.due }
  // An owner taken from between two dashes ("Fix it — Owner: Bob — due May 3") leaves the dashes side by side: one stays.
  const clean = oneLine(dated.text)
    .replace(/([–—-])(?:\s+[–—-])+(?=\s|$)/g, '$1')
    .replace(/(\s[–—-])\s*[,;]\s*/g, '$1 ') // "Fix it — owner: Dana, due May 3" leaves "— , due
    .replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, '')
  if (!clean || !/[\p{L}\p{N}]/u.test(clean) || isNothing(clean)) return null
  const item: ActionItem = {
    text: clean,
    kind,
    done,
    owner: owned.owner ?? defaults.owner ?? null,
    priority: prioritised.priority ?? defaults.priority ?? null,
  }
  const due = dated.due ?? defaults.due ?? null
  return withStatus(due ? { ...item, due } : item, word)
}

/**
 * The item with its status from the word that stated it (else from its done flag), `done` made to agree, and the
 * word kept as written when it is one (a checkbox's "x" or a mark is not).
 */
function withStatus(item: ActionItem, word: string | null): ActionItem {
  const written = (word ?? '').replace(/[*_`[\]()]/g, '').trim()
  const status = stateOf(written) ?? stateOfDone(item.done)
  if (status === null) return item
  const out: ActionItem = { ...item, done: doneOf(status), status }
  if (/\p{L}.*\p{L}/u.test(written) && written.length <= 40) out.statusText = written
  return out
}
