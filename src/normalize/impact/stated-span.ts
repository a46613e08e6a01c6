/**
 * The length of a window whose two ends carry clock times, and its end mended where the text's own numbers disagree:
 * a stated end 12 to 24 hours after the start whose meridiem is a slip ("from 9:30 AM to 12:30 AM, ~3 hours") is the
 * start plus the stated duration when that duration is exactly the span less 12 hours; several stated periods are as
 * long as their stated total (see `incident-periods.ts`).
 */
import type { Moment } from '../../types.js'
import type { ParsedZone } from '../time/zones.js'
import { minutesFrom, shiftMoment } from './moment-math.js'

const HALF_DAY = 720
/** The share of the periods' summed minutes a stated total must reach to be their total, as totals are rounded ("about an hour" for 65). */
const ROUNDED_TOTAL = 0.9

/** What `statedSpan` reads: whether the end is stated (only then mended), the periods' covered minutes, the stated duration on demand. */
export interface SpanInput {
  start: Moment
  end: Moment
  endStated: boolean
  /** Minutes several stated periods cover together, `null` for one period. */
  covered: number | null
  /** The stated duration, read only when needed (a slip to mend, periods to total). */
  told: () => number | null
  zone: ParsedZone | null
}

/** The end (mended or as given) and the window's length in minutes, `null` when the ends cannot be measured. */
export function statedSpan(input: SpanInput): { end: Moment; minutes: number | null } {
  const span = minutesFrom(input.start, input.end)
  if (span === null) return { end: input.end, minutes: null }
  if (input.endStated && span > HALF_DAY && span < 2 * HALF_DAY) {
    const told = input.told()
    if (told !== null && told === span - HALF_DAY) return { end: shiftMoment(input.start, told, input.zone), minutes: told }
  }
  if (input.covered === null) return { end: input.end, minutes: span }
  const total = input.told()
  return { end: input.end, minutes: total !== null && total >= input.covered * ROUNDED_TOTAL && total <= span ? total : span }
}
