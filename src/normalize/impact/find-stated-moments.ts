/**
 * A lone start or end the prose states ("at roughly 18:52 UTC the site experienced a failure", "service was restored
 * at 21:15", "errors began at 09:10"): a time in a clause whose words say impact began or ended there.
 */
import type { Moment } from '../../types.js'
import { allMatches } from '../all-matches.js'
import { findTimes } from '../time/datetime.js'
import { readAmount } from './find-duration.js'
import { isDeniedOrFuture, isFuture } from './denied-or-future.js'
import { DAY_END, relativeDay } from './end-day.js'
import { isBefore, shiftMoment } from './moment-math.js'
import { DURATION_CUE, moment, OTHER_WINDOW, passageContext, QUANTITY, sentences, side, type Passage, type RangeContext } from './find-stated-range.js'

/** A stated moment and its strength (the passage's weight). */
export interface StatedMoment {
  moment: Moment
  weight: number
}

/**
 * Words that say the impact ended at the clause's time. "Returned" only with "to" ("returned to normal"): a service that
 * "returned 503s" or "returned SERVFAIL" was failing. A queue's backlog cleared or drained is its users' recovery.
 */
const END_CUES =
  /\b(?:end\s+time|restor\w*|resolv(?!er)\w*|recover\w*|ended|ends|until|till|back\s+(?:online|up|to\s+normal)|fixed|returned\s+to\b|came\s+back|operational|normal|mitigat\w*|subsided|resumed|ceased|stabili[sz]\w*|(?:backlogs?|queues?)\s+(?:was\s+|were\s+|had\s+been\s+|has\s+been\s+)?(?:cleared|drained)|caught\s+up|wiederhergestellt|behoben|rétabli\w*|résolu\w*)|復旧|解消/i
/** An end the clause calls partial or first ("partially restored at 13:40", "first region recovered"): the impact went on. */
const PARTIAL_END =
  /\b(?:partial(?:ly)?|first\s+(?:region|location|data\s*cent(?:er|re)|site|server|node|cluster|customers?|users?)|some\s+(?:users?|customers?|regions?))\b/i
/** An end the clause calls complete ("fully recovered by 14:20"), which outranks an earlier end in the same passage. */
const FULL_END = /\b(?:fully|completely|entirely|all\s+(?:\w+\s+)?(?:restored|recovered|back)|full\s+(?:recovery|service))\b/i
const START_CUES =
  /\b(?:began|begin(?:s|ning)?|start(?:ed|s|ing)?|since|onset|experienc\w*|went\s+down|go(?:es)?\s+down|(?:was|were)\s+(?:completely\s+)?down\b|became\s+(?:unavailable|unreachable|unresponsive|slow)|stopped\s+(?:working|responding|serving|processing|loading|running|accepting|handling|answering|acknowledging|sending|delivering)|outage|downtime|fail(?!over)\w*|errors?|crash\w*|unavailab\w*|unreachab\w*|inaccessib\w*|disrupt\w*|degrad\w*|ausfall|störung|panne)|障害|停止|発生/i
/** An amount of time after the moment named before ("11 minutes later", "two hours later"). */
const LATER = /\b((?:\d{1,3}|an?|one|two|three|four|five|ten|fifteen|twenty|thirty|forty-five)\s+(?:minutes?|mins?|hours?|hrs?))\s+later\b/i
/** Clause boundaries: a time belongs to the words between them. */
const CLAUSE = /[,;:()]|\s(?:and|but|when|while|after|before|then|which)\s/i
/** `CLAUSE`, global, for every clause end of a text (built once, not per call). */
const CLAUSES = new RegExp(CLAUSE.source, 'gi')

/** Labels of a line or table row that states when impact began or ended ("Start Time: …", "| Resolved | … |"). */
const START_LABEL =
  /^(?:(?:outage|impact|incident|issue|problem|downtime|disruption)\s+)?(?:start(?:ed)?|began|begin(?:ning)?|commenced|onset|beginn|début)(?:\s+(?:time|date|at))?$|^(?:障害)?(?:発生|開始)(?:日時|時刻|時間)?$/i
const END_LABEL =
  /^(?:(?:outage|impact|incident|issue|problem|downtime|disruption|service)\s+)?(?:(?:(?:fully|completely)\s+)?(?:end(?:ed)?|resolved|recovered|restored)|(?:full\s+)?(?:recovery|restoration)|ende|fin)(?:\s+(?:time|date|at))?$|^(?:issue|problem|outage)\s+closed$|^(?:障害)?(?:復旧|解消|終了|収束)(?:日時|時刻|時間)?$/i
/**
 * A label opens a line, or a sentence after one that ended on a line ("Outage began: 09:12. Recovery: 10:05."); its value
 * stops before the next sentence's label.
 */
const LABEL_LINE =
  /(?:^|(?<=[.;] {1,3}))[ \t*_>|-]*([A-Za-zÀ-ÿ\u3040-\u30ff\u4e00-\u9fff][A-Za-zÀ-ÿ\u3040-\u30ff\u4e00-\u9fff ]{1,30}?)[ \t*_]*[:|：][ \t*_]*((?:(?![.;] {1,3}[A-Z][A-Za-z ]{1,30}:)[^|\n]){4,80})/gm

/** `true` when a label (a field's or a short heading's) says impact started or ended there ("Start time", "復旧日時"). */
export const isMomentLabel = (label: string): boolean => START_LABEL.test(label.trim()) || END_LABEL.test(label.trim())

/** A moment from a labelled value ("January 25, 2024 - 10:30 AM UTC"): its date and time, or its date alone. */
export function labelled(value: string, context: RangeContext): Moment | null {
  const [time] = findTimes(value)
  if (time) {
    const at = side(value, time, context)
    return moment(at.date ?? context.date, at.time, at.zone ?? context.zone)
  }
  const date = side(`${value} 00:00`, { hour: 0, minute: 0, second: null, text: '00:00', meridiem: null }, context).date
  return date ? { at: null, date, time: null } : null
}

/** Start and end stated as labelled lines or table rows, which say it more plainly than any sentence. */
function labelledMoments(passages: Passage[], outer: RangeContext): { start: StatedMoment | null; end: StatedMoment | null } {
  let start: StatedMoment | null = null
  let end: StatedMoment | null = null
  for (const passage of passages) {
    const context = passageContext(passage, outer)
    for (const m of passage.text
      .slice(0, 20_000)
      .replace(/:[a-z0-9_+-]{2,40}:/g, ' ')
      .matchAll(LABEL_LINE)) {
      const label = m[1]!.trim()
      const kind = START_LABEL.test(label) ? 'start' : END_LABEL.test(label) ? 'end' : null
      const found = kind ? labelled(m[2]!, context) : null
      if (!found) continue
      if (kind === 'start' && !start) start = { moment: found, weight: 4 }
      // Several timed ends (one per platform or region) mean impact lasted until the last of them.
      if (kind === 'end' && (!end || (found.time !== null && isBefore(end.moment, found)))) end = { moment: found, weight: 4 }
    }
  }
  return { start, end }
}

/** The first stated start and the last stated end in the passages, best passage first; `null` where none is stated. */
export function findStatedMoments(passages: Passage[], outer: RangeContext): { start: StatedMoment | null; end: StatedMoment | null } {
  let { start, end } = labelledMoments(passages, outer)
  // The last sentence that named a time, in any passage before: the day a relative one ("the next day") counts from.
  let prior: { sentence: string; time: ReturnType<typeof findTimes>[number] } | null = null
  for (const passage of passages) {
    const context = passageContext(passage, outer)
    // The last time the passage named, for an end told relative to it ("… is mitigated 11 minutes later").
    let last: { sentence: string; time: ReturnType<typeof findTimes>[number] } | null = null
    for (const sentence of sentences(passage.text)) {
      if (OTHER_WINDOW.test(sentence)) continue
      const times = findTimes(sentence)
      const later = times.length === 0 && last && (!end || passage.weight > end.weight) ? LATER.exec(sentence) : null
      if (later && last && END_CUES.test(sentence.slice(Math.max(0, later.index - 80), later.index))) {
        const minutes = readAmount(later[1]!)
        const at = side(last.sentence, last.time, context)
        const from = moment(at.date ?? context.date, at.time, at.zone ?? context.zone)
        if (minutes !== null && minutes > 0) end = { moment: shiftMoment(from, minutes, at.zone ?? context.zone), weight: passage.weight }
      }
      const before = prior
      if (times.length) last = prior = { sentence, time: times[times.length - 1]! }
      // A day alone that says the impact ended ("the issue was resolved on January 13"), read when no time is given.
      if (
        times.length === 0 &&
        (!end || (passage.weight > end.weight && !end.moment.time)) &&
        DAY_END.test(sentence) &&
        !PARTIAL_END.test(sentence) &&
        !isFuture(sentence)
      ) {
        const day = labelled(sentence, context)
        if (day?.date && !day.time) end = { moment: day, weight: passage.weight }
      }
      if (times.length === 0 && !start && START_CUES.test(sentence) && !END_CUES.test(sentence) && !isDeniedOrFuture(sentence)) {
        const day = labelled(sentence, context)
        if (day?.date && !day.time) start = { moment: day, weight: passage.weight }
      }
      if (times.length === 0 || times.length > 3) continue
      for (const time of times) {
        // An amount of time written like a clock ("took 2:30 hours") is a duration; without a duration cue before it, a
        // time followed by "hours" is a moment ("restored 14:30 hours", "at 00:00 hours").
        const after = sentence.slice(time.index + time.text.length, time.index + time.text.length + 12)
        if (QUANTITY.test(after) && DURATION_CUE.test(sentence.slice(Math.max(0, time.index - 40), time.index))) continue
        const clause = clauseAround(sentence, time.index, time.index + time.text.length)
        // The moment is read (dates, zone, an ISO instant) only where it would replace the one found so far.
        const found = (): StatedMoment => {
          const at = side(clause, time, context)
          // A day told from the last one named ("the next day at 02:00", "on the 14th at 02:00") before the sentence's own date.
          const from = (before ? side(before.sentence, before.time, context).date : null) ?? start?.moment.date ?? context.date
          const day = at.date ?? relativeDay(clause, from) ?? side(sentence, time, context).date ?? context.date
          return { moment: moment(day, at.time, at.zone ?? context.zone), weight: passage.weight }
        }
        // A clause that denies impact or tells what is to come ("we expect to restore service by 15:00") states neither end.
        if (isDeniedOrFuture(clause)) continue
        if (END_CUES.test(clause)) {
          if (PARTIAL_END.test(clause)) continue
          if (!end || passage.weight > end.weight || (passage.weight === end.weight && FULL_END.test(clause))) end = found()
        } else if (START_CUES.test(clause) || (times.length === 1 && START_CUES.test(sentence) && !END_CUES.test(sentence) && !isDeniedOrFuture(sentence))) {
          if (!start || passage.weight > start.weight) start = found()
        }
      }
    }
  }
  return { start, end }
}

/** The clause of `sentence` that holds the span `from`–`to` (bounded to 120 characters each way). */
function clauseAround(sentence: string, from: number, to: number): string {
  const head = sentence.slice(Math.max(0, from - 120), from)
  const tail = sentence.slice(to, to + 120)
  let cut = 0
  for (const m of allMatches(CLAUSES, head)) cut = m.index + m[0].length
  const stop = tail.search(CLAUSE)
  return head.slice(cut) + sentence.slice(from, to) + (stop < 0 ? tail : tail.slice(0, stop))
}
