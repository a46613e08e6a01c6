/**
 * Section headings as authors write them ("Root Causes", "What caused it", "Corrective and Preventative Measures")
 * mapped onto the canonical keys, so every later stage asks for `rootCause` rather than for a wording.
 */
import type { CanonicalSectionKey, Lessons } from '../../types.js'
import { classifyHeading } from './section-classifier.js'

/** Synonyms per canonical key, lower-case, without trailing punctuation. */
export const SECTION_SYNONYMS: Record<CanonicalSectionKey, string[]> = {
  summary: [
    'summary',
    'issue summary',
    'incident summary',
    'executive summary',
    'overview',
    'background',
    'tl;dr',
    'tldr',
    'abstract',
    'what happened',
    'description',
    'issue description',
    'incident description',
    'problem statement',
    'problem description',
    // A status post's "ISSUE:" / "PROBLEM:" heading says what happened, as a summary would.
    'issue',
    'problem',
    // The incident itself named as a heading ("The Incident", "The Problem"): the narrative of what happened.
    'the incident',
    'the issue',
    'the problem',
    'the outage',
  ],
  impact: ['impact', 'impacts', 'customer impact', 'user impact', 'fallout', 'affected services', 'scope'],
  rootCause: [
    'root cause',
    'root causes',
    'root cause analysis',
    'rca',
    'cause',
    'causes',
    'contributing factors',
    'contributing factor',
    'what caused it',
    'leadup',
    'lead-up',
    'lead up',
    'apparent reason',
    'analysis',
    // A diagnosis narrative on its own ("Investigation"); a longer name ("Log4Shell investigations") is read from its words.
    'investigation',
    'why it happened',
    'how did this happen',
    'what went wrong technically',
    'what went wrong and why',
  ],
  trigger: ['trigger', 'triggers'],
  detection: ['detection', 'how was it detected', 'how it was detected', 'discovery'],
  resolution: ['resolution', 'resolutions', 'mitigation', 'mitigations', 'recovery', 'resolution and recovery', 'fix', 'remediation', 'response', 'workaround'],
  timeline: ['timeline', 'incident timeline', 'timeline of events', 'detailed timeline', 'event timeline', 'chronology', 'sequence of events'],
  actionItems: [
    'action items',
    'action item',
    'actions',
    'corrective and preventative measures',
    'corrective and preventive measures',
    'corrective measures',
    'preventative measures',
    'preventive measures',
    'corrective actions',
    'follow-ups',
    'follow ups',
    'followups',
    'follow-up',
    'follow up',
    'follow-up actions',
    'next steps',
    'tasks',
    'improvements',
    'improvements/fixes',
    'fixes',
    'remediation items',
    // A plural or a list's noun makes remediation a list of follow-ups ("Remediations"), where "Remediation" alone is the fix.
    'remediations',
    'remediation steps',
    'remediation actions',
    'remediation tasks',
    'remediation plan',
    'follow-up work',
    'follow up work',
    "plan d'action",
    "plan d'actions",
    'todo',
    'to do',
    'prevention',
    'future work',
  ],
  lessonsLearned: [
    'lessons learned',
    'lessons learnt',
    'lessons',
    'learnings',
    'takeaways',
    'key takeaways',
    'what went well',
    'what went wrong',
    'where we got lucky',
    'what we learned',
  ],
  conclusion: ['conclusion', 'conclusions', 'closing', 'closing thoughts', 'final thoughts', 'wrap-up'],
}

/** Lesson sub-headings (Google SRE, PagerDuty and retro wording) and the list of `Lessons` they fill. */
const LESSON_KINDS: Array<[RegExp, keyof Lessons]> = [
  [/^(?:(?:things )?(?:that )?)?what (?:went|worked|has gone|we did) (?:well|right)\b/, 'wentWell'],
  [/^(?:things (?:that )?)?(?:what )?(?:went|worked|going) (?:well|right)\b|^(?:what )?(?:we )?did well\b|^positives?\b/, 'wentWell'],
  // "What went wrong and why?" (a post-incident review's cause section) is no lesson.
  [/^what (?:went|didn't go|did not go|could have gone|could go) (?:so )?(?:wrong|well|better|badly|poorly)\b(?!,? and why)/, 'wentWrong'],
  [
    /^(?:things (?:that )?)?(?:what )?(?:went|going) (?:wrong|badly|poorly)\b(?!,? and why)|^(?:what )?(?:we )?(?:could|can) (?:do )?(?:better|improve)\b|^negatives?\b/,
    'wentWrong',
  ],
  [/^(?:where|when|how) we got lucky\b/, 'gotLucky'],
  // "What worked / What failed", a retro's short form.
  [/^what (?:worked|has worked)\b/, 'wentWell'],
  [/^what (?:failed|didn't work|did not work|broke down)\b/, 'wentWrong'],
  // The same short form in Spanish, Portuguese and Italian, accents folded ("Qué funcionó", "O que não funcionou").
  [/^(?:lo |o )?que no (?:funciono|ha funcionado)\b|^(?:o )?que nao (?:funcionou|deu certo)\b|^cosa non ha funzionato\b/, 'wentWrong'],
  [/^(?:lo |o )?que (?:funciono|ha funcionado|funcionou)\b|^cosa ha funzionato\b/, 'wentWell'],
  // Japanese retrospectives: what was done right (できたこと, 良かった点), and the problems left (課題, 反省点).
  [/(?:できたこと|良かった|よかった|うまくいった)/, 'wentWell'],
  [/^(?:課題|反省点?|問題点|改善点|うまくいかなかった|できなかったこと)/, 'wentWrong'],
  [/^(?:what |things )?(?:we )?got lucky\b|^lucky\b/, 'gotLucky'],
  [/^what (?:could|can|should) (?:be|have been) (?:improved|done better|better)\b/, 'wentWrong'],
  // "Things that could have gone better", "What we could have done differently", "Areas for improvement".
  [
    /^(?:things (?:that )?|what (?:we )?)?(?:we )?(?:could|might|should) (?:we )?have (?:gone|done|been done|handled) (?:better|differently)\b|^(?:areas?|opportunities|room) (?:for|of) improvement\b/,
    'wentWrong',
  ],
  // Spanish and Portuguese: what went well (salió bien, deu certo, correu bem), wrong (salió mal, deu errado), lucky.
  [/^(?:lo )?qu[eé] (?:sali[oó]|funcion[oó]|fue|hicimos) bien\b|^(?:o )?que (?:deu|correu|foi|funcionou) (?:certo|bem)\b/, 'wentWell'],
  [/^(?:lo )?qu[eé] (?:sali[oó]|fue|hicimos) mal\b|^(?:o )?que (?:deu|correu|foi) (?:errado|mal)\b/, 'wentWrong'],
  [/^(?:lo |o )?que (?:se )?pod(?:e|emos|r[ií]amos) (?:mejorar|melhorar)\b/, 'wentWrong'],
  [/^d[oó]nde tuvimos suerte\b|^(?:onde |em que )?tivemos sorte\b/, 'gotLucky'],
  // German and French: was lief gut / schlecht, ce qui a bien / mal fonctionné, ce qui s'est bien / mal passé.
  [/^was (?:lief|ging|hat|haben wir) (?:gut|(?:gut )?funktioniert|richtig gemacht)\b|^ce qui (?:a (?:bien )?(?:fonctionn|march)|s'est bien pass)/, 'wentWell'],
  [
    /^was (?:lief|ging) (?:schlecht|schief|nicht gut)\b|^was (?:hat )?nicht (?:gut )?funktioniert|^ce qui (?:n'a pas (?:bien )?(?:fonctionn|march)|s'est mal pass|a mal (?:fonctionn|march))/,
    'wentWrong',
  ],
  [/^wo wir gl(?:ü|ue)ck hatten\b|^(?:gl(?:ü|ue)ck gehabt)\b|^o(?:ù|u) nous avons eu de la chance\b/, 'gotLucky'],
]

/** A heading read against the synonym table. */
export interface SectionMatch {
  key: CanonicalSectionKey
  /** Second key of a combined heading ("Root Cause and Resolution" -> `resolution`). */
  also: CanonicalSectionKey | null
  lesson: keyof Lessons | null
  /** How sure the reading is: 1 for a known wording, less for one read from its words. */
  confidence: number
}

/** What may follow a synonym in a longer heading: a separator or a connecting word ("Root cause of the outage"). */
const CONTINUATION = /^(?:\s*[,/&:;\u2013\u2014-]|\s+(?:and|of|for|on|in|to|from|during|after|with|at|by|-)\b)/

const LOOKUP = new Map<string, CanonicalSectionKey>()
for (const [key, words] of Object.entries(SECTION_SYNONYMS) as Array<[CanonicalSectionKey, string[]]>) {
  for (const word of words) LOOKUP.set(word, key)
}
const LONGEST_FIRST = [...LOOKUP.keys()].sort((a, b) => b.length - a.length)

/** Lower-cases a heading and drops numbering, markup, parentheticals and trailing punctuation. */
export function normalizeHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/<\/?[a-z][^<>]{0,400}>/g, ' ')
    .replace(/:[a-z0-9_+-]{1,40}:/g, ' ')
    .replace(/[*_`#]/g, '')
    .replace(/^[^\p{L}\p{N}(]+/u, '')
    .replace(/[^\p{L}\p{N})?:.!]+$/u, '')
    .replace(/\([^)]*\)?/g, ' ')
    .replace(/^\s*(?:\d+(?:\.\d+)*\.?|[ivx]+\.|[a-z]\))\s+/, '')
    .replace(/[\s:?!.\u2013\u2014-]+$/, '')
    .replace(/\s+/g, ' ')
    .replace(/[’']/g, "'")
    .trim()
}

/** The lesson kind of a heading, read as written and then with Latin accents folded ("Qué funcionó" as "que funciono"). */
function lessonOf(norm: string): keyof Lessons | null {
  const folded = norm
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
  for (const text of folded === norm ? [norm] : [norm, folded]) for (const [re, kind] of LESSON_KINDS) if (re.test(text)) return kind
  return null
}

function prefixKey(norm: string): { key: CanonicalSectionKey; rest: string } | null {
  for (const word of LONGEST_FIRST) {
    if (norm === word) return { key: LOOKUP.get(word)!, rest: '' }
    if (norm.startsWith(word) && CONTINUATION.test(norm.slice(word.length))) return { key: LOOKUP.get(word)!, rest: norm.slice(word.length) }
  }
  return null
}

/**
 * Headings that name what was done during the incident ("Actions taken during the incident", "Mitigation steps
 * taken", "What we did"): the response, read as the resolution, never as follow-ups; a follow-up word keeps the
 * other reading ("Follow-up actions taken", "Actions taken to prevent a recurrence").
 */
const RESPONSE_DONE =
  /\b(?:actions?|steps?|measures?|mitigations?|remediations?)(?: (?:we|that were|that we))? (?:taken|took|performed|done|carried out|executed|applied)\b|\b(?:actions?|steps?|measures?)\b.*\bduring (?:the )?(?:incident|outage|event|response|impact|investigation)\b|^(?:what we did|what did we do|what was done|steps we took)\b|^what(?:'s| has| have) (?:been )?changed\b|^what (?:we|did we) changed?\b|^changes? (?:we |that were |that we )?(?:made|implemented|applied|deployed|shipped)\b|\b(?:mesures|actions) (?:prises|men[ée]es|r[ée]alis[ée]es)\b/
const FOLLOW_UP_WORD = /\b(?:follow|after|since|future|prevent\w*|corrective|long[- ]term|next|planned|pending|to be|will|venir|pr[ée]vues)\b/

const JOIN = /\s+(?:and|&|und|et|plus|y|e)\s+|\s*[/&,+・]\s*/

/** Two headings joined ("Impact and scope", "Cause / Fix"): the first part's key, the second's as `also`. */
function joined(norm: string, exact: boolean): SectionMatch | null {
  const parts = norm.split(JOIN).filter(Boolean)
  if (parts.length < 2 || parts.length > 3) return null
  const keys = parts.map((part) => prefixKey(part)?.key ?? classifyHeading(part, exact)?.key ?? null)
  if (keys.some((k) => k === null)) return null
  const [first, second] = keys as CanonicalSectionKey[]
  return { key: first!, also: second && second !== first ? second : null, lesson: null, confidence: 0.9 }
}

/**
 * Maps a heading onto a canonical key: a lesson sub-heading, a known wording (optionally followed by more words,
 * "Timeline - May 29, 2021"), two joined headings, else the classifier's reading of its words; a parenthetical is
 * read last ("Working theory (root cause)"). `exact` (for bare lines of plain text and to reject titles) admits no
 * word the classifier does not know.
 */
export function matchSection(heading: string, exact = false): SectionMatch | null {
  const key = `${exact ? 1 : 0}${heading}`
  const cached = MEMO.get(key)
  if (cached !== undefined) return cached
  // NFKC folds full-width brackets and colons ("経緯（JST）", "原因：") and half-width kana into the forms the words are written in.
  const found = heading.length > 300 ? null : readHeading(heading.normalize('NFKC'), exact)
  if (MEMO.size >= MEMO_MAX) MEMO.clear()
  MEMO.set(key, found && Object.freeze(found))
  return found
}

/** Readings of recent headings: the same short lines are asked about many times per document and across documents. */
const MEMO = new Map<string, SectionMatch | null>()
const MEMO_MAX = 4096

/** A chat channel or hashtag (`#incident-response`): the name of a place, whose words name no section. */
const CHANNEL = /(^|\s)#[\p{L}\p{N}][\p{L}\p{N}_-]*/gu

function readHeading(heading: string, exact: boolean): SectionMatch | null {
  const norm = normalizeHeading(heading.includes('#') ? heading.replace(CHANNEL, '$1') : heading)
  if (!norm) return null
  const lesson = lessonOf(norm)
  if (lesson) return { key: 'lessonsLearned', also: null, lesson, confidence: 1 }
  if (RESPONSE_DONE.test(norm) && !FOLLOW_UP_WORD.test(norm)) return { key: 'resolution', also: null, lesson: null, confidence: 0.9 }
  const first = prefixKey(norm)
  if (first) {
    const rest = first.rest.replace(/^\s*(?:and|&|\/|,)\s*/, '')
    const second = rest && rest !== first.rest ? prefixKey(rest) : null
    // The joined part read from its words when no wording names it ("Resolution and preventive methods").
    const also = second?.key ?? (rest && rest !== first.rest ? (classifyHeading(rest, exact)?.key ?? null) : null)
    if (!exact || !first.rest || (second && second.rest === ''))
      return { key: first.key, also: also && also !== first.key ? also : null, lesson: null, confidence: 1 }
  }
  const join = joined(norm, exact)
  if (join) return join
  const read = classifyHeading(norm, exact)
  if (read) return { key: read.key, also: null, lesson: null, confidence: read.confidence }
  const aside = /\(([^()]{2,60})\)/.exec(heading.toLowerCase())?.[1]
  const inner = aside ? classifyHeading(normalizeHeading(aside), true) : null
  return inner ? { key: inner.key, also: null, lesson: null, confidence: Math.min(inner.confidence, 0.7) } : null
}

/** Whether a heading names a section rather than the document (used to reject it as a title). */
export function isSectionName(heading: string): boolean {
  return matchSection(heading, true) !== null
}
