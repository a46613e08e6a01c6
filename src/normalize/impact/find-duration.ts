/**
 * Durations as prose and stats sections state them ("for 20 minutes", "lasting 1h 20m", "about 12 hours",
 * "45 minutes of downtime", "Time to recovery: 25 minutes"), read into minutes with what they measure, so the
 * impact window and the response metrics can use what the authors wrote instead of guessing from the timeline.
 */
import { IMPACT_WORDS } from './impact-words.js'
import { allMatches } from '../all-matches.js'

/** What a stated duration measures. */
export type DurationKind = 'impact' | 'detect' | 'mitigate' | 'resolve'

/** One stated duration with its place in the text and how sure the reading is (higher is surer). */
export interface StatedDuration {
  minutes: number
  kind: DurationKind
  weight: number
  index: number
}

const WORD_NUMBERS = new Map([
  ['a couple of', 2],
  ['a', 1],
  ['an', 1],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['fifteen', 15],
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['forty-five', 45],
  ['fifty', 50],
  ['sixty', 60],
  ['ninety', 90],
  ['half an', 0.5],
  ['half a', 0.5],
  ['half', 0.5],
])
const NUMBER = String.raw`(?:\d{1,4}(?:[.,]\d{1,2})?|a couple of|half an?|half|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty-five|forty|fifty|sixty|ninety)`
const UNIT = String.raw`(?:weeks?|wochen?|semaines?|semanas?|days?|tage?n?|jours?|d[ií]as?|hours?|hrs?|h|stunden?|std|heures?|horas?|minutes?|mins?|m|minuten?|minutos?|seconds?|secs?|s|segundos?|時間|分)`
/** A number in words after "and" in a compound amount ("one hour and fifteen minutes"); "a"/"an" are left out ("2 hours a day"). */
const AND_WORDS = String.raw`(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty-five|forty|fifty)`
/** "Two and a half hours", "an hour and a half": half a unit more. */
const AND_A_HALF = String.raw`\s+and\s+a\s+half(?![\w-])`
/** One amount-and-unit, then up to two more joined by "and", "," or a space ("1 hour and 20 minutes", "1h20m", "one hour and fifteen minutes"). */
const AMOUNT = new RegExp(
  String.raw`(?<![\w.:])(?:${NUMBER}(?:${AND_A_HALF})?\s*(?:-\s*)?${UNIT}(?:(?![\w])|(?=\d{1,4}${UNIT}(?![\w])))(?:${AND_A_HALF})?(?:(?:\s*(?:,|and|und|et)?\s*\d{1,4}|\s+and\s+${AND_WORDS})\s*${UNIT}(?![\w])){0,2})`,
  'giu',
)
/** The lower bound of an amount written as a range, just before it ("2-3 hours", "4 to 5 hours"): the amount is their middle. */
const RANGE_LOW = /(?<![\d.:,])(\d{1,3})\s*(?:-|–|—|to)\s*$/i
/** The first amount of a text: `AMOUNT` without the global flag, whose `lastIndex` a later `matchAll` would start from. */
const FIRST_AMOUNT = new RegExp(AMOUNT.source, 'iu')
const PART = new RegExp(String.raw`(${NUMBER})(${AND_A_HALF})?\s*(?:-\s*)?(${UNIT})(${AND_A_HALF})?`, 'iu')
const PARTS = new RegExp(PART.source, 'giu')

const UNIT_MINUTES: Array<[RegExp, number]> = [
  [/^(?:weeks?|wochen?|semaines?|semanas?)$/i, 10080],
  [/^(?:days?|tage?n?|jours?|d[ií]as?)$/i, 1440],
  [/^(?:hours?|hrs?|h|stunden?|std|heures?|horas?|時間)$/i, 60],
  [/^(?:minutes?|mins?|m|minuten?|minutos?|分)$/i, 1],
  [/^(?:seconds?|secs?|s|segundos?)$/i, 1 / 60],
]

/** Minutes of a written amount ("1h 20m", "about 12 hours", "half an hour"), `null` when it is none. */
export function readAmount(text: string): number | null {
  let total = 0
  let found = false
  for (const m of allMatches(PARTS, text)) {
    const half = m[2] || m[4] ? 0.5 : 0
    const amount = (WORD_NUMBERS.get(m[1]!.toLowerCase().replace(/\s+/g, ' ')) ?? Number(m[1]!.replace(',', '.'))) + half
    const unit = UNIT_MINUTES.find(([re]) => re.test(m[3]!))?.[1]
    if (unit === undefined || !Number.isFinite(amount)) continue
    total += amount * unit
    found = true
  }
  return found ? Math.round(total) : null
}

/** A lone amount with a one-letter unit ("3m", "5 s"): read only after a lasted cue or before an outage noun, as "3m errors" is a count, not minutes. */
const BARE_LETTER_UNIT = /^(?:[\d.,]+|[a-z-]+)\s*(?:-\s*)?[mhs]$/i

/**
 * Words that hedge an amount without making it something else ("roughly", "just under", "slightly over", "a little more
 * than", "some", "upwards of"): the amount as written is the duration.
 */
const QUALIFIER = String.raw`about|approximately|approx\.?|roughly|around|nearly|almost|some|over|(?:just|slightly|a\s+little|a\s+bit|a\s+tad|well|somewhat)\s+(?:over|under|more\s+than|less\s+than|above|below)|more\s+than|less\s+than|upwards\s+of|in\s+excess\s+of|close\s+to|up\s+to|a\s+total\s+of|the\s+better\s+part\s+of|ca\.?|~`
/** Words before an amount that say it is how long something lasted. */
const LASTED_BEFORE = new RegExp(
  String.raw`\b(?:for|lasting|lasted|lasts|last(?:ed)?\s+(?:about|approximately|roughly|around|nearly|almost|over)|took|duration(?:\s+of)?|downtime(?:\s+of)?|outage(?:\s+of)?|period\s+of|span\s+of|total(?:\s+of)?|für|pendant|durant|während|environ|ungefähr|etwa|rund)\s*(?:(?:${QUALIFIER})\s*)*$`,
  'i',
)
/** An amount alone in parentheses right after the words that say something was down or came back ("was down for a while (~6 hours)", "until it got resolved (~20 hrs)"). */
const IN_PARENTHESES_AFTER_IMPACT =
  /\b(?:down|outage|offline|unavailab\w*|unreachab\w*|inaccessib\w*|degraded|disrupted|interrupted|resolved|fixed|restored|recovered)\b[^()\n]{0,40}\(\s*(?:~|≈|about|approx\.?|approximately|around|roughly|ca\.?|nearly|almost)?\s*$/i
/** Words after an amount that say it measured the impact. */
const IMPACT_AFTER =
  /^\s*(?:-?long\s+|of\s+|de\s+|lang(?:e|er|en)?\s+)?(?:(?:total|partial|complete|full|intermittent|service|site|global|cascading|major|minor|widespread|an?)\s+){0,2}(?:downtime|outage|disruption|degradation|degraded|impact|unavailability|interruption|errors?|failure|instability|panne|indisponibilit|ausfall|störung|停止|障害)/i
/** An amount before a named outage ("3h search outage", "2h Tool Execution Outage"): up to two words name what was out. */
const OUTAGE_AFTER =
  /^\s*(?:-?long\s+)?(?:(?!(?:before|after|into|since|until|of|per|later|earlier|ago|prior|to|from)\b)[\p{L}-]{2,20}\s+){1,2}(?:downtime|outage|disruption|unavailability|interruption)\b/iu
/** Words before an amount that make it something else (an interval, a delay, a deadline). */
const NOT_LASTED =
  /\b(?:every|each|within|after|in|per|later|ago|next|first|last|another|timeout|ttl|interval|cache|cached|retention|retain|delay(?:ed)?\s+(?:of|by)|by|up\s+to|(?<!\b(?:more|less)\s)than|(?<!\b(?:just|slightly|little|bit|tad|well|somewhat)\s)under|wait(?:ed|ing)?|sleep|since)\s*(?:about|approximately|roughly|around|some|~)?\s*$/i
/** "After" or "following" before an amount that names the outage ("restored after an hour-long outage"): how long it lasted. */
const AFTER_BEFORE = /\b(?:after|following)\s*$/i
/** An amount set after a clock time, as a range's length is ("from 9:30 AM to 12:30 PM, ~3 hours", "10:05–10:40 UTC (35 min)"). */
const AFTER_CLOCK =
  /\d[:.h]\d{2}\s{0,2}(?:[ap]\.?m\.?\s{0,2})?(?:[A-Z]{2,5}\s{0,2})?[,(]\s{0,2}(?:~|≈|about|approx\.?|approximately|around|roughly|some|nearly|almost|ca\.?)?\s{0,2}$/i
/**
 * A condition the amount sits in ("alert only if a machine is down for more than 15 minutes"): a threshold, not the
 * outage; a comma or colon closes the condition ("even if they retried, saw errors for 40 minutes").
 */
const CONDITION_BEFORE = /\b(?:if|whenever|unless|in\s+case)\b[^.;:,!?]*$/i
const LATER_AFTER = /^\s*(?:later|after|before|ago|earlier|prior|into|of\s+(?:each|every|the)|per|from\s+now|to\s+(?:detect|respond|acknowledge))/i

/** Stats lines ("Time to recovery: 25 minutes", "TTD: 5 min", "Total downtime: 2h") and what they measure. */
const STATS_LABELS: Array<[RegExp, DurationKind]> = [
  [/\b(?:time\s+to\s+(?:detect(?:ion)?|discover|acknowledge)|ttd|mttd|tta|mtta)\b/i, 'detect'],
  [/\b(?:time\s+to\s+(?:mitigat\w*|respond|response)|ttm)\b/i, 'mitigate'],
  [/\b(?:time\s+to\s+(?:recover\w*|resol\w*|restor\w*|repair|fix)|ttr|mttr|ttrs)\b/i, 'resolve'],
  [
    /^(?:(?:total|outage|incident|impact|customer\s+impact|service|downtime|disruption)\s+){0,2}(?:duration|downtime|length\s+of\s+(?:the\s+)?(?:outage|incident|impact)|dauer|durée|duraci[oó]n|dura[cç][aã]o|durata|(?:impact|outage|downtime|disruption)\s+(?:time|length|period))(?:\s+of\s+(?:the\s+)?(?:outage|incident|impact|disruption))?(?:\s*\([^)]*\))?$/i,
    'impact',
  ],
  [/^total\s+(?:time|downtime)(?:\s+down)?$/i, 'impact'],
]
const STATS_LINE = /^[ \t*_>|-]*([^:\n|]{2,40}?)[ \t*_]*[:|][ \t*_]*([^\n|]{1,60})/gm

/** Stated durations in stats lines: a label that names the measure, then an amount. */
function statsDurations(text: string): StatedDuration[] {
  const out: StatedDuration[] = []
  for (const m of allMatches(STATS_LINE, text)) {
    // A label may open with a pictograph ("⏱️ **Duration:**"), as generated reports write their stats.
    const label = m[1]!.replace(/^[\p{Extended_Pictographic}\uFE0F\u200D\s*_]+/u, '')
    const kind = STATS_LABELS.find(([re]) => re.test(label))?.[1]
    if (!kind) continue
    const amount = FIRST_AMOUNT.exec(m[2]!)
    const minutes = amount ? readAmount(amount[0]) : null
    if (minutes !== null && /^[\s~≈*_(]*(?:about|approx\.?|approximately|around|roughly|ca\.?|~)?\s*$/i.test(m[2]!.slice(0, amount!.index)))
      out.push({ minutes, kind, weight: 3, index: m.index })
  }
  return out
}

/** The durations stats lines state (weight 3, the surest), in document order: what `findDurations` gives first, without reading the prose. */
export function findStatsDurations(text: string): StatedDuration[] {
  return statsDurations(text.slice(0, 50_000))
}

/** Every stated duration in prose and stats lines, best first (weight, then document order). */
export function findDurations(text: string): StatedDuration[] {
  const sample = text.slice(0, 50_000)
  const out = statsDurations(sample)
  for (const m of allMatches(AMOUNT, sample)) {
    let minutes = readAmount(m[0])
    if (minutes === null || minutes <= 0) continue
    let before = sample.slice(Math.max(0, m.index - 60), m.index)
    const after = sample.slice(m.index + m[0].length, m.index + m[0].length + 60)
    const low = /^\d/.test(m[0]) ? RANGE_LOW.exec(before) : null
    if (low) {
      const high = Number(/^\d{1,4}/.exec(m[0])![0])
      const from = Number(low[1])
      if (from > 0 && from < high) minutes = Math.round((minutes * (from + high)) / (2 * high))
      before = before.slice(0, low.index)
    }
    const outageNamed = IMPACT_AFTER.test(after) || OUTAGE_AFTER.test(after)
    if ((NOT_LASTED.test(before) && !(outageNamed && AFTER_BEFORE.test(before))) || (LATER_AFTER.test(after) && !LASTED_BEFORE.test(before))) continue
    if (BARE_LETTER_UNIT.test(m[0]) && !LASTED_BEFORE.test(before) && !OUTAGE_AFTER.test(after)) continue
    if (CONDITION_BEFORE.test(before)) continue
    const sentence = sentenceAround(sample, m.index)
    let weight = 0
    if (outageNamed) weight = 2
    else if (LASTED_BEFORE.test(before) && (IMPACT_WORDS.test(sentence) || /\blast(?:ed|ing)\b/i.test(sentence))) weight = 1
    else if (IN_PARENTHESES_AFTER_IMPACT.test(before) && /^\s*\)/.test(after)) weight = 1
    else if (AFTER_CLOCK.test(before) && /^\s*(?:\)|[,.;]|$)/.test(after) && IMPACT_WORDS.test(sentence)) weight = 1
    if (weight > 0) out.push({ minutes, kind: 'impact', weight, index: m.index })
  }
  return out.sort((a, b) => b.weight - a.weight || a.index - b.index)
}

/** The sentence (bounded to 400 characters each way) that holds `index`. */
function sentenceAround(text: string, index: number): string {
  const from = Math.max(0, index - 400)
  const head = text.slice(from, index)
  const start = Math.max(head.lastIndexOf('. '), head.lastIndexOf('\n'))
  const tail = text.slice(index, index + 400)
  const stop = tail.search(/[.!?](?:\s|$)|\n/)
  return head.slice(start + 1) + (stop < 0 ? tail : tail.slice(0, stop))
}
