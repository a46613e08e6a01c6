/**
 * Timeline events that mark when impact began and ended ("site goes down", "errors begin", "service restored",
 * "back to normal", "resolved"), scored by weighted word stems (English, with a few German, French and Japanese
 * words) rather than whole phrases; and events that are lead-up (a change merged the day before) or follow-up
 * (a retro next week), which are not the window.
 */
import type { TimelineEntry } from '../../types.js'
import { IMPACT_WORDS, STATUS_5XX } from './impact-words.js'
import { withoutDeniedOrFuture, withoutFuture } from './denied-or-future.js'

/** A stem with its weight; stems are matched case-insensitively at a word start (CJK anywhere). */
type Stems = Array<[RegExp, number]>

/**
 * One expression per weight (and flags), heaviest first, matching where any stem of that weight matches: one scan of
 * the text per weight instead of one per stem. Stems hold no numbered back-references, which a join would renumber.
 */
function heaviestFirst(stems: Stems): Stems {
  const joined = new Map<string, { weight: number; flags: string; sources: string[] }>()
  for (const [re, weight] of stems) {
    const key = `${weight}/${re.flags}`
    const group = joined.get(key) ?? { weight, flags: re.flags, sources: [] }
    group.sources.push(`(?:${re.source})`)
    joined.set(key, group)
  }
  return [...joined.values()].sort((a, b) => b.weight - a.weight).map((g): [RegExp, number] => [new RegExp(g.sources.join('|'), g.flags), g.weight])
}

/** A status page's phase label opening an update ("Investigating - …", "**Resolved** – …"): the log's own marks. */
const PHASE = (words: string): RegExp => new RegExp(String.raw`^\s*[*_]{0,2}(?:${words})[*_]{0,2}\s*[-–—:]`, 'i')

/** The author's own mark of the start in capitals, often in angle brackets ("<START OF OUTAGE>", "START OF IMPACT"). */
const AUTHOR_START = /\bSTART\s+OF\s+(?:THE\s+)?(?:OUTAGE|IMPACT|DOWNTIME|INCIDENT)\b/
/** The same mark opening the event in any case ("Start of incident. A bad route is announced.", "Impact start — API returns 502"). */
const AUTHOR_START_LEAD =
  /^\W{0,3}(?:(?:start|beginning|onset)\s+of\s+(?:the\s+)?(?:outage|impact|downtime|incident|disruption)\b|(?:outage|impact|downtime|disruption)\s+(?:start(?:s|ed)?|begins?|began)\b)/i

const START_STEMS: Stems = heaviestFirst([
  // A status log opens when the team starts investigating what users see.
  [PHASE('investigating'), 2],
  [AUTHOR_START, 3],
  [AUTHOR_START_LEAD, 3],
  [/\b(?:go(?:es)?|went|going|is|was|were|are|be(?:en)?)\s+(?:completely\s+|fully\s+|partially\s+)?down\b/i, 3],
  [/\b(?:outage|downtime|incident|impact|disruption|degradation)\s+(?:begins?|began|start(?:s|ed)?|occur(?:s|red)?)\b/i, 3],
  // Serving marks the start only with what was served wrong ("began serving 502s"); "started serving pages again" is the end.
  [
    /\b(?:begins?|began|start(?:s|ed)?|starting)\s+(?:to\s+)?(?:fail|fall|error|return|serv\w*\s+(?:\w+\s+)?(?:5\d\d|errors?|exceptions?|stale|wrong|incorrect|blank|empty|bad)|throw|crash|time\s*out|drop|reject|respond\w*\s+with)/i,
    3,
  ],
  [
    /\b(?:errors?|failures?|timeouts?|5xx|50[0-4]s?)(?:\s+rates?)?\s+(?:begin|began|start|started|spike|spiked|increase|increased|appear|appeared|rose|rises?|rising|climb)/i,
    3,
  ],
  [/\b(?:stopped|stops|ceased)\s+(?:working|responding|serving|processing|loading|running|accepting|handling|answering)\b/i, 3],
  [/\b(?:success(?:\s+rate)?|throughput|traffic|requests?|availability|launch(?:es)?|logins?|builds?)\s+(?:drop(?:s|ped)?|fell|falls?)\s+(?:to|below)\b/i, 2],
  [/\b(?:outage|offline|unavailab\w*|unreachab\w*|inaccessib\w*|unresponsive|not\s+(?:reachable|accessible|available|responding|loading)|down\b)/i, 2],
  [
    new RegExp(
      String.raw`\b(?:crash\w*|broke\w*|fail(?:s|ed|ing|ures?)?(?!over)|errors?|degrad\w*|spik\w*|timed?\s*out|timeouts?|latenc\w*|slow\w*|dropp\w*|lost\b|loss\b|disrupt\w*|interrupt\w*)|${STATUS_5XX}`,
      'i',
    ),
    1,
  ],
  [
    /\b(?:users?|customers?|visitors?|clients?)\s+(?:(?:start(?:ed)?|began|begin)\s+(?:to\s+)?report\w*|could\s*n[o']t|could\s+not|cannot|can't|can\s+no\s+longer|were\s+unable|are\s+unable|unable)|\b(?:nobody|no\s+one)\s+(?:can|could)\b/i,
    2,
  ],
  [
    /\b(?:error\s+rates?|latency|5xxs?)\s+(?:spike[sd]?|increase[sd]?|rose|rises?|rising|jump(?:s|ed)?|climb(?:s|ed)?)|\belevated\s+(?:error|latency|5xx|failure)|\b(?:service|site|api|performance|system)s?\s+(?:is\s+|was\s+|became\s+)?degraded\b/i,
    2,
  ],
  [/\b(?:crashed|crash\s*loop\w*|ran\s+out\s+of\s+(?:memory|disk|space)|out\s+of\s+memory|(?:requests?|connections?|calls?)\s+(?:all\s+)?time\s*out)/i, 2],
  // A service answering with errors ("returns 500 for every page", "serving 502s", "throws exceptions"): what users see.
  [
    /\b(?:returns?|returning|serv(?:es|ing)|throws?|throwing|respond(?:s|ing)?\s+with|giv(?:es|ing))\s+(?:(?:an?|only|http|many|lots\s+of)\s+)?(?:5\d\d|errors?|exceptions?|timeouts?)/i,
    2,
  ],
  [/\b(?:users?|customers?)\s+(?:start|began|begin|report\w*|experienc\w*)/i, 1],
  // A security incident begins when the attack lands: a malicious release, a compromise, data taken.
  [
    /\b(?:malware|malicious|compromised|breach(?:ed)?|exfiltrat\w*|unauthori[sz]ed\s+access|(?<!\b(?:be|could|can|would|might|may|not)\s)exploited|exploit(?:ation)?\s+(?:began|started|occurred|observed|detected))\b/i,
    2,
  ],
  [/\b(?:issue|problem|outage|incident)\s+(?:was\s+|is\s+)?(?:detected|noticed|reported|spotted|observed)\b/i, 1],
  [
    /ausfall|ausgefallen|störung|nicht\s+(?:mehr\s+)?(?:erreichbar|verfügbar|möglich|nutzbar|abrufbar)|fehler(?!frei)|\bpanne|indisponib\w*|coupure|interruption|障害|停止|不具合|エラー|ダウン|発生/i,
    2,
  ],
])

/** What a security team revokes or yanks to end an exposure (a token, a key, a release), never a certificate or a host. */
const SECURITY_OBJECT = String.raw`(?:tokens?|keys?|credentials?|secrets?|passwords?|releases?|versions?|packages?|access|sessions?|permissions?)`
const REVOKE = String.raw`(?:yank|revok)(?:e|ed|es|ing|s)?`
/** A quarantine, or a revocation with its object on either side ("revokes the leaked key", "release 1.2.3 yanked"). */
const REVOKED = new RegExp(
  String.raw`\bquarantin(?:e|ed|es|ing)\b|\b${REVOKE}\b[^.;,]{0,40}?\b${SECURITY_OBJECT}\b|\b${SECURITY_OBJECT}\b(?:[^.;,]|\.(?=\d)){0,30}?\b${REVOKE}\b`,
  'i',
)

const END_STEMS: Stems = heaviestFirst([
  // A status log's "Resolved" update closes the impact it opened.
  [PHASE('resolved'), 4],
  // A marker in capitals ("OUTAGE ENDS", "IMPACT ENDED") is the author's own mark of the window's end; "INCIDENT END" is
  // one too, though weaker: where both are written (Google's template), the incident ends after the outage.
  [/\b(?:OUTAGE|IMPACT|DOWNTIME)\s+END(?:S|ED)?\b|\bEND\s+OF\s+(?:THE\s+)?(?:OUTAGE|IMPACT|DOWNTIME)\b/, 4],
  // The same mark in any case opening the event ("Impact end", "End of outage: …").
  [/^\W{0,3}(?:(?:outage|impact|downtime|disruption)\s+end(?:s|ed)?\b|end\s+of\s+(?:the\s+)?(?:outage|impact|downtime|disruption)\b)/i, 4],
  [/\bINCIDENT\s+END(?:S|ED)?\b/, 3],
  // "RECOVERY" in capitals, or an event that opens with it as a label ("Recovery: logins succeed"), not "disaster recovery".
  [/(?<!\b(?:DISASTER|DR)\s)\bRECOVERY\b|^\W{0,3}(?:[Ff]ull\s+)?[Rr]ecovery\W{0,3}(?:[:.!–—-]|$)/, 3],
  [
    /\b(?:fully|completely|all)\s+(?:restored|recovered|resolved|operational|functional|back)\b|\bfull\s+(?:[\w-]+\s+){0,3}?(?:restored|recovered|back)\b|\b(?:outage|downtime|impact|disruption|degradation)\s+(?:ended|ends|over|is\s+over|resolved|mitigated)\b/i,
    4,
  ],
  [
    /\b(?:restor(?:ed|es)|recover(?:ed|s|y\s+complete)|resolved|back\s+(?:online|up|to\s+normal|in\s+service|to\s+service)|operational\s+again|up\s+again|working\s+again|(?:is|are|was|were)\s+(?:back|up)\b|normal\s+(?:operation|service)s?|functioning\s+normally|(?:service|traffic)\s+(?:resumed|returned)|all\s+clear|return(?:s|ed|ing)?\s+to\s+(?:a\s+)?(?:normal|functional|working|healthy|green)|back\s+to\s+green|(?:returned|went|is|are|was|were)\s+back\s+to\s+normal|(?:ok(?:ay)?|fine|good|normal|healthy)\s+again|(?:problem|issue|bug|outage)\s+(?:is|was|has\s+been|had\s+been)\s+(?:now\s+|finally\s+|fully\s+)?(?:solved|fixed|resolved))/i,
    3,
  ],
  [/\bresolution\s+(?:is\s+|was\s+)?(?:confirmed\s+)?(?:complete|completed|confirmed)\b|\bfix\s+(?:is\s+|was\s+)?confirmed\b/i, 3],
  [
    /\b(?:back|return(?:s|ed)?)\s+to\s+(?:baseline|pre-incident|expected|normal\s+levels)|\b(?:all\s+)?systems?\s+(?:are\s+|is\s+)?(?:fully\s+)?operational\b|\b(?:operating|working|running|flowing|performing|behaving)\s+(?:normally|as\s+(?:expected|usual))|\bno\s+(?:more|further|new)\s+(?:errors|failures|alerts|timeouts)\b|\b(?:problem|issue|bug)\s+(?:is\s+|was\s+)?(?:now\s+)?(?:solved|fixed)\b/i,
    3,
  ],
  [
    /\b(?:stable|caught\s+up)\b|\b(?:accessible|reachable|available|live|working|works|work|processing|running|responding|loading|online|accept(?:ed|ing)|serv(?:ed|ing)|succeed(?:s|ed|ing)?|flowing|deliver(?:ed|ing)|sen(?:t|ding)|connecting|connected)\s+again\b/i,
    2,
  ],
  [/\bincident\s+(?:ended|ends|over|closed|is\s+over)\b/i, 2],
  [
    /\b(?:users?|students?|customers?|clients?|people)\s+(?:can|could|are\s+able|were\s+able)\s+(?:to\s+)?(?:again\s+)?(?:connect|access|log\s*in|sign\s*in|use|reach)|\b(?:enabl|allow|lett|permitt)(?:e|es|ed|ing|s)?\s+(?:the\s+|our\s+|all\s+)?\w+\s+to\s+(?:again\s+)?(?:connect|access|log\s*in|sign\s*in|use|reach)\b|\b(?:verif\w*|confirm\w*)\b.{0,60}\b(?:are|is|were|was|been)\s+(?:fixed|working|resolved|stopped)\b/i,
    3,
  ],
  [
    /\b(?:errors?|failures?|alerts?|exceptions?|timeouts?|5xxs?)\s+(?:have\s+|had\s+)?(?:stopped|stop|ceased|subsided|cleared|disappeared|dropped|went\s+away|resolved)\b/i,
    3,
  ],
  [
    /\b(?:mitigat\w*|fix(?:ed)?\s+(?:deployed|applied|released|rolled\s+out)|rollback\s+(?:complete|completed|finished|done)|revert(?:ed)?\s+(?:complete|deployed)|stabili[sz]ed|recovering|healthy|green)\b/i,
    2,
  ],
  // A security incident's exposure ends when the bad release or access is taken away: a quarantine, or a revoked or yanked
  // token, key, release… ("Certificate revoked by the CA" or "database taken down" is an outage starting, not an end).
  [REVOKED, 2],
  // An event that ends by saying what is normal again ("logins normal", "latency back to normal."), not "higher than normal".
  [/(?<!\b(?:than|as|above|below|beyond|of|from)\s)\bnormal\s*[.!]?$/i, 3],
  [/\b(?:closed|fixed|normal)\b/i, 1],
  [
    /wiederhergestellt|behoben|(?:läuft|laufen|funktioniert|funktionieren)\s+wieder|wieder\s+(?:erreichbar|verfügbar|online|möglich|nutzbar)|rétabli\w*|résolu\w*|retour\s+à\s+la\s+normale|(?:à|de)\s+nouveau\s+(?:accessibles?|disponibles?|en\s+ligne|opérationnel\w*|fonctionnel\w*)|fonctionne\w*\s+(?:à\s+nouveau|normalement)|復旧|解消|正常/i,
    3,
  ],
])

/** Words that undo an end: it is still broken, or only the start of the repair. */
const NOT_END =
  /\b(?:not\s+(?:yet\s+)?(?:fully\s+)?(?:restored|resolved|recovered|fixed)|still|partially|partial|begin(?:s|ning)?\s+(?:to\s+)?(?:restor|recover)|start(?:s|ed)?\s+(?:to\s+)?(?:restor|recover)|attempt\w*|tr(?:y|ied|ying)\s+to|investigat\w*|identified|monitoring|in\s+progress|underway|under\s+way|ongoing)\b/i
/** Lead-up: a change made before anything broke. */
const LEAD_UP =
  /\b(?:merged?|deploy(?:ed|s|ment)?|releas(?:ed|es)?|rolled\s+out|commit(?:ted)?|pull\s+request|PR\b|introduc\w*|scheduled|announc\w*|planned|configur\w*|upgrad\w*|migrat\w*|chang(?:ed|es?)|created|added|updated|install\w*|rotated|renewed|started\s+(?:the\s+)?(?:maintenance|migration|upgrade))/i
/** Follow-up: work after the impact ended. */
const FOLLOW_UP =
  /\b(?:post-?mortem|retro(?:spective)?|review(?:ed)?|publish\w*|blog|follow-?ups?|report\s+(?:sent|published|shared)|meeting|rca|root\s+cause\s+(?:analysis|identified)|action\s+items?|lessons|closed\s+the\s+(?:incident|ticket)|permanent\s+fix|long-term|draft(?:ed|s)?|disclosure)\b/i

/** The highest weight of the stems the text matches, 0 for none: stems tried heaviest first, so the first match is the answer. */
function score(stems: Stems, text: string): number {
  for (const [re, weight] of stems) if (re.test(text)) return weight
  return 0
}

/**
 * Distinct texts remembered at most (an event is scored by several readers): the memo is module-level, so it lives across
 * documents in a worker, and it is emptied when full, which bounds it.
 */
const MEMO_LIMIT = 512

/** `read(text)`, remembered per distinct text (a pure function of it); the memo is emptied when it reaches `MEMO_LIMIT`. */
function remembered(read: (text: string) => number): (text: string) => number {
  const memo = new Map<string, number>()
  return (text) => {
    let found = memo.get(text)
    if (found === undefined) {
      if (memo.size >= MEMO_LIMIT) memo.clear()
      found = read(text)
      memo.set(text, found)
    }
    return found
  }
}

/** How strongly an event's text says the impact began here (0 none, 3 plainly). */
export const startScore = remembered((text) => score(START_STEMS, withoutDeniedOrFuture(text)))

/** How strongly an event's text says the impact ended here (0 none, 4 plainly and fully). */
export const endScore = remembered(readEndScore)

function readEndScore(written: string): number {
  const text = withoutFuture(written)
  const found = score(END_STEMS, text)
  if (found >= 4) return found
  if (NOT_END.test(text)) return Math.min(1, found)
  if (INCIDENT_CLOSED.test(text) && !RESTORED.test(text)) return Math.min(2, found)
  return found
}

/** A status page's phase label opening a post ("Resolved - …", "**Monitoring**: …"), any phase. */
const PHASE_POST = PHASE('resolved|monitoring|identified|investigating|update|completed|postmortem')

/**
 * `true` when an event says in its own words that the service came back (an author's "outage resolved, agents allocated"),
 * not a status page's phase post ("Resolved - This incident has been resolved"), which a stated resolution time outranks.
 */
export function saysRecovered(text: string): boolean {
  return !PHASE_POST.test(text) && endScore(text) >= 3
}

/** Declaring or closing the incident: the end of the response, which may come after users stopped being affected. */
const INCIDENT_CLOSED = /\b(?:declared|marked|closed)\b.{0,40}\bincident\b|\bincident\b.{0,40}\b(?:resolved|closed|ended|over)\b/i
/** `true` when an event declares or closes the incident (the response's end, not necessarily the impact's). */
export function closesIncident(text: string): boolean {
  return INCIDENT_CLOSED.test(text)
}
const RESTORED = /\b(?:restor\w*|recover\w*|back\s+(?:online|up|to\s+normal)|operational|normal)/i

/** `true` when an event reads as lead-up (a change) and not as impact: one that also says something broke is the start. */
export function isLeadUp(text: string): boolean {
  return LEAD_UP.test(text) && startScore(text) < 2 && !IMPACT_WORDS.test(withoutDeniedOrFuture(text))
}

/** `true` when an event reads as follow-up work after the impact. */
export function isFollowUp(text: string): boolean {
  return FOLLOW_UP.test(text) && endScore(text) < 3 && startScore(text) < 2
}

/** Indexes of the events that mark the impact's start and end, `null` where none does. */
export interface MarkedEvents {
  start: number | null
  end: number | null
  /** How plainly the chosen events say it (0 when none was chosen). */
  startScore: number
  endScore: number
}

/**
 * The first event that marks impact starting (the first with any impact word, when one that plainly marks it, score 2
 * or more, follows), and the last of the events that most plainly mark it ending after that start; `entries` in time order.
 */
export function findMarkedEvents(entries: TimelineEntry[]): MarkedEvents {
  // Scored only as far as the answer needs: starts up to the first plain one, ends after the start.
  let strongest = -1
  let first = -1
  for (let i = 0; i < entries.length && strongest < 0; i++) {
    const score = startScore(entries[i]!.text)
    if (score >= 2) strongest = i
    else if (score >= 1 && first < 0 && !isLeadUp(entries[i]!.text)) first = i
  }
  // An event with an impact word before the plain mark began the impact, unless the author marked the start outright.
  const start =
    strongest < 0 ? null : first >= 0 && !AUTHOR_START.test(entries[strongest]!.text) && !AUTHOR_START_LEAD.test(entries[strongest]!.text) ? first : strongest
  const from = start ?? 0
  let best = 0
  let last = -1
  for (let i = from + 1; i < entries.length; i++) {
    const score = endScore(entries[i]!.text)
    // Closing the incident after an event as plain that says the service recovered is the response ending, not the impact.
    if (score > best || (score === best && (last < 0 || !closesIncident(entries[i]!.text)))) {
      if (score > best) best = score
      last = i
    }
  }
  // With no marked start nor later end, the first event may end it (the window takes it after a start known otherwise).
  const opening = start === null && best < 2 && entries.length ? endScore(entries[0]!.text) : 0
  if (opening >= 2) [best, last] = [opening, 0]
  let end = best >= 2 ? last : null
  let endWeight = best
  // The impact came back after that end ("errors reappear"): the end is the plainest one after the recurrence, else unknown.
  const again = end === null ? -1 : recurrence(entries, end + 1)
  if (again >= 0) {
    end = null
    endWeight = 0
    for (let i = again + 1; i < entries.length; i++) {
      const score = endScore(entries[i]!.text)
      if (score >= 2 && score >= endWeight) [end, endWeight] = [i, score]
    }
  }
  return { start, end, startScore: start === null ? 0 : startScore(entries[start]!.text), endScore: end === null ? 0 : endWeight }
}

/** Words that say the impact happened again ("errors reappear", "site went down again", "the problem recurred"). */
const AGAIN = /\b(?:again|re-?appear\w*|recurr?\w*|re-?occur\w*|resurfac\w*|return(?:s|ed)?(?!\s+to\b)|came\s+back|second\s+(?:outage|wave|time))\b/i

/** The first event from `from` on that says the impact began again and says nothing of an end; -1 when none does. */
function recurrence(entries: TimelineEntry[], from: number): number {
  for (let i = from; i < entries.length; i++) {
    const text = entries[i]!.text
    if (endScore(text) >= 2) continue
    if (startScore(text) >= 1 && AGAIN.test(withoutDeniedOrFuture(text))) return i
  }
  return -1
}
