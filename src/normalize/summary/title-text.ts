/**
 * Title text as a reader sees it: markup, inline HTML and emoji decoration at either end dropped, and the tests
 * that tell a real title from a bare URL, a template placeholder or a label that names no incident.
 */
import { oneLine } from '../structure/plain-text.js'
import { firstSentence } from './sentences.js'
import { allMatches } from '../all-matches.js'

const EMOJI = '[\\p{Extended_Pictographic}\\u{1F1E6}-\\u{1F1FF}\\u{1F3FB}-\\u{1F3FF}\\uFE0E\\uFE0F\\u200D\\u20E3]'
// Emoji parts (joiners, variation selectors, skin tones) are listed one by one on purpose: a run of any of them is trimmed.
// eslint-disable-next-line no-misleading-character-class
const EDGE_START = new RegExp(`^(?:${EMOJI}|:[a-z0-9_+-]{1,40}:|\\s)+`, 'iu')
// eslint-disable-next-line no-misleading-character-class
const EDGE_END = new RegExp(`(?:${EMOJI}|:[a-z0-9_+-]{1,40}:|\\s)+$`, 'iu')

/** Drops emoji and `:shortcode:` decoration around a text; a text that is only decoration is kept as it is. */
export function stripEmojiEdges(text: string): string {
  const out = text.replace(EDGE_START, '').replace(EDGE_END, '')
  return out || text.trim()
}

/** A heading or line cleaned for display: escapes, inline HTML, emphasis marks and edge decoration removed. */
export function cleanTitle(text: string): string {
  const plain = oneLine(text.replace(/<\/?[A-Za-z][^<>]{0,400}>/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1'))
  const bare = stripEmojiEdges(plain.replace(/^[*_#\s]+|[*_\s]+$/g, '')).replace(/^[*_#\s]+|[*_\s]+$/g, '')
  return bare.replace(LABEL_PREFIX, '') || bare
}

/**
 * A label left before the title: a template's "Title:" (also with a note, "Title (incident #2):"), or an e-mail's
 * "Subject:" (and its "Re:"/"Fwd:") pasted in whole.
 */
const LABEL_PREFIX = /^(?:(?:title|subject)(?:\s*\([^()\n]{1,40}\))?\s*:\s*(?:[*_]+\s*)?)?(?:(?:re|fwd?|aw|wg)\s*:\s+)*/i

/** A line that is only a URL (a link to where the text was first published), never a title. */
export function isBareUrl(text: string): boolean {
  return /^<?(?:https?:\/\/|www\.)\S+>?$/i.test(text.trim())
}

/** A template placeholder left in place of a title ("Incident title", "[Title]", "<title>", "Incident Report Template"). */
export function isPlaceholder(text: string): boolean {
  const t = text.trim().toLowerCase()
  return (
    /^\[[^\]]*\]$|^<[^>]*>$|^\{\{.*\}\}$/.test(t) ||
    /^(?:(?:incident|postmortem|post-mortem|report|document) )?(?:title|name)(?: here)?$/.test(t) ||
    /^(?:(?:blameless|incident|postmortem|post-mortem|outage|rca|report) ){0,3}template$/.test(t)
  )
}

const GENERIC_WORD =
  /^(?:post-?mortems?|post|mortem|incidents?|reports?|analysis|rca|root|cause|review|retrospective|outage|issue|summary|of|the|a|an|and|for|our|my|project|task|write-?up|documentation|blameless|public)$/

/**
 * A title that names no incident: only a number, a file or course code ("0x19."), a date and generic words
 * ("Postmortem", "Incident report 2024-03-01"), so a display title must be derived.
 */
export function isGenericTitle(title: string): boolean {
  const rest = title
    .toLowerCase()
    .replace(/\b0x[0-9a-f]+\b\.?/g, ' ')
    .replace(/\b\d{1,4}(?:[-./]\d{1,4}){0,2}\b\.?/g, ' ')
    .replace(
      /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/g,
      ' ',
    )
    .replace(/[^\p{L}\p{N}-]+/gu, ' ')
    .trim()
  if (!rest) return true
  return rest.split(/\s+/).every((word) => GENERIC_WORD.test(word))
}

/** Leading phrases that place the incident in time rather than name it ("On 3 March,", "Between 10:00 and 11:00"). */
const LEAD = [
  /^(?:on|at|from|during|around|yesterday|today|tonight|this morning|last \w+|in the (?:morning|afternoon|evening|night) of)\b[^,]{0,60},\s*/i,
  /^\d{1,4}(?:st|nd|rd|th)?,\s*/,
  /^(?:on|at)\s+\S*\d\S*,?\s+(?=\p{L})/iu,
  // A range with its zone and day up to the comma: "Between 2:30 pm and 3:45 pm AEST on 12 June 2024, ...".
  /^[Bb]etween\s(?=[^,]{0,40}\d)[^,]{1,60}\s(?:and|to|-|–)\s[^,]{1,60},\s*/,
  /^[Bb]etween\s+(?:the hours of\s+)?\S+(?:\s[aApP]\.?[mM]\.?)?\s+(?:and|to)\s+\S+(?:\s(?:[aApP]\.?[mM]\.?|[A-Z]{2,5}(?:[+-]\d{1,2})?))?,?\s+/,
  /^\S*\d\S*\s+(?:until|to|through|-|–)\s+\S*\d\S*,?\s+/i,
]

/** A lead-in that reports how the subject was learned ("it was discovered that", "we noticed that"). */
const LEAD_IN =
  /^(?:it (?:was|has been|is) (?:determined|discovered|found|noticed|observed|reported|identified|confirmed|detected)|we (?:noticed|found|discovered|observed|saw|learned|realized|detected)) that\s+/i

/**
 * Where the subject of a sentence may end: a clause break, a lower-case conjunction ("AND" in capitals joins words),
 * a consequence ("that led to"), or a phrase of time, place in time or duration.
 */
const CLAUSE_END =
  /,\s|;\s|\s(?:and|so|because|which|due to|after|when|while|but|from|between|for|during|since|until|that led to|that caused|leading to|resulting in)\s|\s(?:on|at)\s(?=[\d(]|(?:[Mm]on|[Tt]ue|[Ww]ed|[Tt]hu|[Ff]ri|[Ss]at|[Ss]un|[Jj]an|[Ff]eb|[Mm]ar|[Aa]pr|[Mm]ay|[Jj]un|[Jj]ul|[Aa]ug|[Ss]ep|[Oo]ct|[Nn]ov|[Dd]ec)\w*\b)/g

/** A verb-like word that makes a three-word clause a statement ("The site crashed"), not a fragment ("A big part"). */
const VERBISH = /^(?:\w+ed|is|was|were|are|went|broke|fell|down|failed|stopped)$/i
/** A verb that only says the subject happened ("The downtime occurred"): dropped from the end of a subject. */
const HAPPENED = /\s+(?:occurred|happened|took place|was (?:observed|experienced|noticed))$/i

/** The subject: the text before the first clause end that leaves a statement (four words, or three with a verb). */
function subjectOf(body: string): string {
  for (const cut of allMatches(CLAUSE_END, body)) {
    const words = body.slice(0, cut.index).split(/\s+/)
    if (words.length >= 4 || (words.length === 3 && words.some((w) => VERBISH.test(w)))) return body.slice(0, cut.index)
  }
  return body
}

/**
 * A display title for a title that names no incident, from the summary's first sentence: its subject, at most a
 * few words, without a leading date phrase ("On 3 March, ...") or trailing punctuation; null when there is none.
 */
export function deriveDisplayTitle(summary: string, language: string | null = null): string | null {
  let body = (firstSentence(summary.replace(/…$/, ''), language) ?? '').trim()
  for (let i = 0; i < 3; i++) {
    const lead = LEAD.find((re) => re.test(body))
    if (!lead) break
    body = body.replace(lead, '')
  }
  body = body.replace(LEAD_IN, '')
  body = body.replace(/[\s.!?。:;,]+$/, '').trim()
  if (body.split(/\s+/).length < 3) return null
  let subject = subjectOf(body)
  const bare = subject.replace(HAPPENED, '')
  if (bare !== subject && bare.split(/\s+/).length >= 2) subject = bare
  const words = subject.split(/\s+/)
  const short =
    words.length <= 12
      ? subject
      : `${words
          .slice(0, 10)
          .join(' ')
          .replace(/[,;:]$/, '')}…`
  return short.charAt(0).toUpperCase() + short.slice(1)
}
