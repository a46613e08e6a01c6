/**
 * The end a timeline gives when an event is itself a range ("14:05–14:40 elevated errors"): the author wrote the
 * impact's span on one line, so its end is where the impact ended unless a later event says otherwise.
 */
import type { Moment, TimelineEntry } from '../../types.js'
import type { ParsedZone } from '../time/zones.js'
import { startScore } from './marked-events.js'
import { isBefore, momentOf } from './moment-math.js'

/**
 * The latest end of an event written as a range that speaks of impact ("14:05–14:40 elevated errors"), from the marked
 * start on: the author gave the span of the impact itself; `null` when no such event.
 */
export function spannedEnd(events: Array<{ entry: TimelineEntry; moment: Moment }>, from: number, zone: ParsedZone | null): Moment | null {
  let out: Moment | null = null
  for (const e of events.slice(from)) {
    const end = e.entry.end ? momentOf(e.entry.end, zone) : null
    if (end?.time && startScore(e.entry.text) >= 2 && isBefore(e.moment, end) && (!out || isBefore(out, end))) out = end
  }
  return out
}

/** The later of two moments, either one when the other is `null`. */
export const laterOf = (a: Moment | null, b: Moment | null): Moment | null => (!a ? b : !b ? a : isBefore(a, b) ? b : a)
