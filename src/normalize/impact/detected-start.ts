/**
 * The impact's start as a stats section implies it ("Time to detection: 7 hours"): the first timeline event that
 * says the problem was noticed, minus the stated time to detect, moved onto a timeline event close to that moment
 * (within 10 % of the amount or 5 minutes), since authors round the amount and the event is what they measured from.
 */
import { namesPhase } from '../../enrich/phase-wording.js'
import type { Moment, TimelineEntry } from '../../types.js'
import type { ParsedZone } from '../time/zones.js'
import { findStatsDurations } from './find-duration.js'
import type { Passage } from './find-stated-range.js'
import { isLeadUp } from './marked-events.js'
import { minutesFrom, shiftMoment } from './moment-math.js'

/** The first stated time to detect in the passages, in minutes; `null` when no stats line states one. */
export function statedTimeToDetect(passages: Passage[]): number | null {
  for (const passage of passages) {
    const found = findStatsDurations(passage.text).find((d) => d.kind === 'detect')
    if (found) return found.minutes
  }
  return null
}

/** The start `minutes` before the first detection event of `events` (in time order); `null` when no event says detection. */
export function startBeforeDetection(events: Array<{ entry: TimelineEntry; moment: Moment }>, minutes: number, zone: ParsedZone | null): Moment | null {
  const detected = events.findIndex((e) => e.moment.time && namesPhase('detected', e.entry.text) && !isLeadUp(e.entry.text))
  if (detected < 0) return null
  const target = shiftMoment(events[detected]!.moment, -minutes, zone)
  if (!target.date || !target.time) return null
  return nearestEvent(target, events.slice(0, detected + 1), minutes) ?? target
}

/** The timed event closest to `target` within a reader's tolerance of a stated amount (10 % of it or 5 minutes), else `null`. */
export function nearestEvent(target: Moment, events: Array<{ moment: Moment }>, amount: number): Moment | null {
  const tolerance = Math.max(5, amount / 10)
  let best: { moment: Moment; gap: number } | null = null
  for (const e of events) {
    if (!e.moment.time) continue
    const gap = Math.min(minutesFrom(target, e.moment) ?? Infinity, minutesFrom(e.moment, target) ?? Infinity)
    if (gap <= tolerance && (!best || gap < best.gap)) best = { moment: e.moment, gap }
  }
  return best?.moment ?? null
}
