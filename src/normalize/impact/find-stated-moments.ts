/**
 * A lone start or end the prose states ("at roughly 18:52 UTC the site experienced a failure", "service was restored
 * at 21:15", "errors began at 09:10"): a time in a clause whose words say impact began or ended there.
 */
import type { Moment } from '../../types.js'
import { findTimes } from '../time/datetime.js'
import { moment, OTHER_WINDOW, sentences, side, type Passage, type RangeContext } from './find-stated-range.js'

/** A stated moment and its strength (the passage's weight). */
export interface StatedMoment {
  moment: Moment
  weight: number
}

const END_CUES = /\b(?:restor\w*|resolv\w*|recover\w*|ended|ends|until|till|back\s+(?:online|up|to\s+normal)|fixed|returned|came\s+back|operational|normal|mitigat\w*|stabili[sz]\w*|wiederhergestellt|behoben|rétabli\w*|résolu\w*)|復旧|解消/i
const START_CUES = /\b(?:began|begin(?:s|ning)?|start(?:ed|s|ing)?|since|onset|experienc\w*|went\s+down|go(?:es)?\s+down|became\s+(?:unavailable|unreachable|unresponsive|slow)|outage|downtime|fail\w*|errors?|crash\w*|unavailab\w*|unreachab\w*|inaccessib\w*|disrupt\w*|degrad\w*|ausfall|störung|panne)|障害|停止|発生/i
/** Clause boundaries: a time belongs to the words between them. */
const CLAUSE = /[,;:()]|\s(?:and|but|when|while|after|before|then|which)\s/i

/** The first stated start and the last stated end in the passages, best passage first; `null` where none is stated. */
export function findStatedMoments(passages: Passage[], context: RangeContext): { start: StatedMoment | null; end: StatedMoment | null } {
  let start: StatedMoment | null = null
  let end: StatedMoment | null = null
  for (const passage of passages) {
    for (const sentence of sentences(passage.text)) {
      if (OTHER_WINDOW.test(sentence)) continue
      const times = findTimes(sentence)
      if (times.length === 0 || times.length > 3) continue
      for (const time of times) {
        const clause = clauseAround(sentence, time.index, time.index + time.text.length)
        const at = side(clause, time, context)
        const found = { moment: moment(at.date ?? side(sentence, time, context).date ?? context.date, at.time, at.zone ?? context.zone), weight: passage.weight }
        if (END_CUES.test(clause)) {
          if (!end || found.weight > end.weight) end = found
        } else if (START_CUES.test(clause)) {
          if (!start || found.weight > start.weight) start = found
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
  for (const m of head.matchAll(new RegExp(CLAUSE.source, 'gi'))) cut = m.index + m[0].length
  const stop = tail.search(CLAUSE)
  return head.slice(cut) + sentence.slice(from, to) + (stop < 0 ? tail : tail.slice(0, stop))
}
