/**
 * Follow-ups written as lines rather than Markdown lists: bullet or numbered lines ("•", "+", "1,", "(1)"),
 * lines after an introducing line ending in a colon, bare one-per-line items, and indented blocks (which
 * Markdown reads as code); a wrapped line that starts in lower case continues the item before it.
 */
import { stripDecoration } from '../structure/html-blocks.js'
import { splitSentences } from '../summary/sentences.js'
import { narrates } from './narrative-lines.js'

/** A bullet or a number in front of an item: "•", "-", "+", "1.", "1)", "1,", "(1)"; Japanese "・" needs no space after it. */
const MARKER = /^(?:(?:[•◦▪‣·●○■□–—*+-]|\(\d{1,2}\)|\d{1,2}[.),:](?!\d))[ \t]+|・[ \t]*)/
/** A line that states what is or was rather than what will be done ("The server was restarted."). */
const STATEMENT = /^(?:the|a|an|this|that|these|those|it|there|we|our|they|i)\b[^.]{0,80}?\b(?:is|are|was|were|has been|have been|had)\b/i
/** Openings of running prose: connectives, hedges and first-person talk ("Secondly, ...", "For now, ...", "I'm sure ..."). */
const PROSE_START =
  /^(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|finally|lastly|also|however|so|and|but|then|for now|hope|hopefully|i|i'm|i've|i'd|we're|we've|it's|this is|that is|as|because|since|although|overall|in (?:short|summary|conclusion)|thanks|thank you)\b/i
const FUTURE = /\b(?:will|shall|should|must|need|needs|plan|going to)\b/i

/**
 * A sentence that promises a follow-up: "We will add …", "We are also going to …", "Going forward, we'll …",
 * "The storage team will …" (a subject, then will / going to / plan to, then the action).
 */
const COMMITMENT =
  /^(?:(?:going forward|moving forward|in (?:the )?future|additionally|also|next|finally|furthermore|to (?:prevent|avoid|reduce|mitigate) [^,.]{1,60}),\s+)?(?:we|our(?: [\p{L}-]+){0,3} team|the(?: [\p{L}-]+){0,3} team)(?:['’]ll| will| shall|(?: are|['’]re)(?: also)? (?:going|planning|committed) to| plan to| intend to|(?: are|['’]re)(?: also)? working on)\s/iu
/** The same promise in German, French and Spanish: "Wir werden …", "Nous allons …", "Vamos a …". */
const FOREIGN_COMMITMENT =
  /^(?:(?:außerdem|zukünftig|künftig|en outre|à l'avenir|además|en el futuro),?\s+)?(?:wir werden|werden wir|wir wollen|nous allons|nous (?:prévoyons|comptons) de|vamos a|planeamos|nos comprometemos a)\s/iu

/** True for a sentence that promises a follow-up. */
const promises = (sentence: string): boolean => COMMITMENT.test(sentence) || FOREIGN_COMMITMENT.test(sentence)

/** Characters of a paragraph read for promises; a longer one is running prose. */
const MAX_PROMISES = 2000

/**
 * The sentences of a paragraph under an action-items heading when every one promises a follow-up ("We will …. We
 * are also going to ….": each is an item); null when any sentence does not, or it introduces a list (ends in ":").
 */
export function commitments(text: string): string[] | null {
  const t = text.trim()
  if (t.length > MAX_PROMISES || !promises(t) || /[:?]$/.test(t)) return null
  const sentences = splitSentences(t)
  return sentences.length > 0 && sentences.every((s) => promises(s) && !/[:?]$/.test(s)) ? sentences : null
}

/**
 * A line that says there is nothing to do ("No fixes were necessary.", "None.", "N/A", "Nothing planned at this
 * time"): an author filling in a template's group, not a follow-up.
 */
const NOTHING =
  /^(?:(?:none|nothing|n\/?a|tbd|-+)(?: (?:so far|yet|at this (?:time|point)|for now|needed|required|necessary|planned|identified)){0,2}|(?:no|nothing)(?: [\p{L}-]+){0,3} (?:(?:was|were|is|are) )?(?:necessary|needed|required|planned|identified|to (?:do|add|report)))[.!]?$/iu

/** True for a line that only says there is nothing to do in its group. */
export function isNothing(line: string): boolean {
  return line.length <= 80 && NOTHING.test(line.trim())
}

/** Sentences that propose or commit to a change ("We should document this.", "We could alert on …", "X would be useful"). */
const PROPOSAL = /\b(?:should|must|will|could|would be (?:useful|good|better|nice)|need to|needs to|plan to|intend to|going to)\b/i

/** A modal that looks back ("should have deployed", "could not have been"): what was not done, not a change to come. */
const COUNTERFACTUAL = /\b(?:should|could|would|must|might)(?:n['’]t| not)? (?:\p{L}+ )?have (?:been|done|known|seen|caught|taken|\p{L}+ed)\b/giu

/**
 * A short paragraph (at most three sentences) that proposes a change in one of them: under a sub-heading that names
 * a group of follow-ups ("Process", "Detection"), such a paragraph is that group's item even when it gives context first.
 */
export function proposes(text: string): boolean {
  // A modal with "have" looks back ("we should have deployed it alone"): a regret, not a proposal.
  const t = text.trim().replace(COUNTERFACTUAL, '')
  if (t.length > 500 || !/^[\p{Lu}\p{N}"“([*_~]/u.test(t) || /[:?]$/.test(t)) return false
  const sentences = splitSentences(t)
  return sentences.length <= 3 && sentences.some((s) => PROPOSAL.test(s) && !/^(?:it|this|that)(?:['’]s| is| was) (?:unclear|not clear|hard to say)\b/i.test(s))
}

/** Candidate items of a run of lines; `sure` when bullets or an introducing line say the lines are a list. */
export interface LineItems {
  items: string[]
  sure: boolean
}

/** True when a line reads as one item: one sentence, or a short `Label: text` line. */
export function itemLike(line: string): boolean {
  const text = line.trim()
  // A capital, a digit, or a letter of a script without case (Japanese, Chinese) starts an item.
  if (!/^[\p{Lu}\p{Lo}\p{N}"“([*_~]/u.test(text) || text.length > 400) return false
  return oneSentence(text) || /^[\p{Lu}][^:.!?]{1,40}:\s+\S/u.test(text)
}

/** At most one sentence (no full stop followed by a capitalised word) and not too long. */
export function oneSentence(text: string): boolean {
  return text.length <= 300 && !/[.!?]\s+["“]?\p{Lu}/u.test(text.trim())
}

/** A line that states a fact (past or present) rather than naming a follow-up. */
export function isStatement(line: string): boolean {
  return STATEMENT.test(line.trim()) && !FUTURE.test(line)
}

/** A line that opens with a short label of at most five words and a colon ("Warm-up job: …"). */
const LABELLED_LINE = /^[\p{Lu}\p{Lo}][\p{L}\p{N}'’&/-]*(?: [\p{L}\p{N}'’&/-]+){0,4}:\s+\S/u

/**
 * Lines of a short label and its description ("Reload limiter: We added a limiter …"), all of them or all but one of
 * three or more ("Paging revamp! We are …"): the labels name the items, however the descriptions read.
 */
export function labelledLines(lines: string[]): boolean {
  const labelled = lines.filter((l) => LABELLED_LINE.test(l.trim())).length
  return labelled >= 2 && labelled >= lines.length - (lines.length >= 3 ? 1 : 0)
}

/**
 * True when at least half the lines read as running prose (statements, connectives, first-person talk, clauses
 * with their own subject) or any is a question.
 */
export function readsAsProse(lines: string[]): boolean {
  if (lines.some((l) => /\?/.test(l))) return true
  if (labelledLines(lines)) return false
  const prosey = lines.filter((l) => isStatement(l) || PROSE_START.test(l.trim()) || narrates(l)).length
  return prosey * 2 >= lines.length && lines.length > 0
}

/** Splits lines into items: markers start items, a lower-case line continues the one before, an intro is dropped. */
export function lineItems(text: string): LineItems {
  const lines = text
    .split('\n')
    .map((l) => stripDecoration(l))
    .filter((l) => l.trim() !== '')
  let start = 0
  for (let i = 0; i < Math.min(3, lines.length - 1); i++) if (/:\s*$/.test(lines[i] ?? '') && !MARKER.test((lines[i] ?? '').trim())) start = i + 1
  const body = lines.slice(start)
  const marked = body.some((l) => MARKER.test(l.trim()))
  const items: string[] = []
  for (const raw of body) {
    const line = raw.trim()
    const marker = MARKER.exec(line)
    if (marker) items.push(line.slice(marker[0].length).trim())
    else if (items.length && /^\p{Ll}/u.test(line)) items[items.length - 1] += ` ${line}`
    else items.push(line)
  }
  return { items: items.filter((i) => i !== ''), sure: start > 0 || marked }
}

/** Items of an indented or unlabelled code block, or none when it reads as code, logs or commands. */
export function codeItems(value: string, lang: string | null | undefined): LineItems {
  if (lang || /[{};=<>|]|^\s*[$#>]|^\s*\/\//m.test(value)) return { items: [], sure: false }
  return lineItems(value)
}
