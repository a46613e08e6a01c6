/**
 * Sentences about the document rather than the incident ("Here is the postmortem on the incident.", "We want to share
 * a detailed explanation of what happened.", an apology, "Investigation is in progress."), dropped from a summary.
 */
import { sentencesOf } from './sentences.js'

/** A word any meta sentence holds: the cheap test that spares splitting most texts into sentences. */
const HINT =
  /\b(?:here|this is (?:a|the|my|our) (?:page|place)|follows?|following|below|share|explain|apolog|sorry|this (?:post|document|report|page|article|write)|investigat|en train de|(?:has been|is now|is|was) (?:now )?(?:resolved|fixed|closed|mitigated|over)|fix has been|to monitor|(?:times|timestamps) (?:are|in|listed|shown)|to (?:describe|give|provide|walk|offer)|allons)/i

/** A page that collects reports, introducing itself ("This is a page where I will discuss any downtime of my services."). */
const PAGE_INTRO = /^this is (?:a|the|my|our) (?:page|place) (?:where|for|to|that|which|in which|on which)\b/i

const META = [
  // A pointer to the report: "Here is the postmortem ...", "The following is the incident report of ...".
  /^(?:so,? )?(?:here(?:'s| is| are)|below (?:is|are|you will find)|what follows is|the following (?:is|are)|following is)\b[^:]{0,160}\b(?:post-?mortem|report|write-?up|analysis|summary|explanation|account|retrospective|review|rca|details|story|timeline|bit about)\b[^:]*$/i,
  /^(?:in )?this (?:post|document|report|article|write-?up|post-?mortem|page)(?: we| I)? (?:describes?|explains?|details?|summari[sz]es?|covers?|documents?|outlines?|looks? at|goes? over|walks? through|is (?:the|a|an|our))\b/i,
  PAGE_INTRO,
  // An offer to explain: "We want to share with you a detailed explanation of what happened."
  /^(?:we|I)(?: would|'d)? (?:want|like|wanted|are going|will try|hope) to (?:share|explain|give|provide|describe|walk|offer)\b/i,
  // An apology, alone or after an acknowledgement.
  /^(?:we|I) (?:(?:sincerely|deeply|truly) )?(?:apologi[sz]e|are (?:very |truly |deeply )?sorry)\b|^(?:my|our) (?:sincere |deepest )?apologies\b|^we (?:understand|know|realize)\b.*\b(?:apologi[sz]e|are sorry)\b/i,
  // A status page's stock update ("This incident has been resolved.", "A fix has been implemented and we are monitoring the results.").
  /^(?:this|the) (?:incident|issue|outage|problem) (?:has been|is now|is|was) (?:now )?(?:resolved|fixed|closed|mitigated|over)\b[^.]{0,40}\.?$|^(?:a fix has been (?:implemented|deployed)|we(?: are|'re)? (?:continuing|continue) to monitor)\b[^.]{0,80}\.?$/i,
  // A note on the zone of the times ("All times are Berlin time.", "Timestamps are in UTC.").
  /^(?:all |the )?(?:times|timestamps)(?: (?:below|above|here))? (?:are |were )?(?:in |given in |listed in |shown in )?(?:the )?[\w/+:-]{2,20}(?: (?:standard |daylight |summer )?time)?(?: \([^)]{1,20}\))?\.?$/i,
  // A status note written while the work went on.
  /^(?:the )?investigation is (?:in progress|ongoing|underway)\b|^we are (?:currently |still )?investigating(?: (?:the|this) (?:issue|cause|problem|incident))?\.?$|^nous (?:sommes en train de|allons) (?:rechercher|chercher|investiguer|analyser)\b/i,
]

/** Whether a sentence speaks about the document (or the team's apology or ongoing work), not the incident. */
export function isMetaSentence(sentence: string): boolean {
  const s = sentence.trim()
  return META.some((re) => re.test(s))
}

/**
 * Words each META pattern cannot match without, in the same order: a sentence is a piece of the text, so a text
 * holding none of them has no meta sentence and need not be split (HINT alone passes most postmortems, on "share" or
 * "investigat"). Keep it in step with META: test/meta-sentences.test.ts checks every pattern's examples against it.
 */
const NEEDED =
  /here(?:'s| is| are)|this is (?:a|the|my|our) (?:page|place) |below (?:is|are|you will find)|what follows is|following (?:is|are)|this (?:post|document|report|article|write|page)|(?:want|like|wanted|are going|will try|hope) to (?:share|explain|give|provide|describe|walk|offer)|apologi|sorry|investigation is (?:in progress|ongoing|underway)|investigating|nous (?:sommes en train de|allons) |(?:incident|issue|outage|problem) (?:has been|is now|is|was) (?:now )?(?:resolved|fixed|closed|mitigated|over)|fix has been (?:implemented|deployed)|continu(?:e|ing) to monitor|\btime(?:s|stamps) /i

/**
 * `text` without its meta sentences (empty when every sentence is one, or when it opens by presenting the page: the
 * rest of that paragraph says what the page's reports hold); unchanged when none can be.
 */
export function withoutMeta(text: string, language: string | null): string {
  if (!HINT.test(text) || !NEEDED.test(text)) return text
  const kept: string[] = []
  let dropped = false
  const sentences = [...sentencesOf(text, language)]
  if (PAGE_INTRO.test(sentences[0]?.trim() ?? '')) return ''
  for (const sentence of sentences) {
    if (isMetaSentence(sentence)) dropped = true
    else kept.push(sentence)
  }
  return dropped ? kept.join(' ') : text
}
