/**
 * One am/pm written once for a whole range ("from 12:02 to 12:20 AM", "between 11:50 and 12:10 PM", "2-3pm"): the
 * start written without one takes the end's when that makes the range ordered and shorter, so a suffix the author
 * meant for both times is read on both.
 */
import type { ParsedTime } from './datetime.js'

/** The longest a range may run and still be read as one written with a single am/pm. */
const MAX_MINUTES = 12 * 60

/** Minutes from one clock time to another, forward past midnight when the end is earlier on the clock. */
function span(start: number, end: number): number {
  return (end - start + 1440) % 1440
}

/** The hour `hour` (1 to 12) has under a meridiem: 12 am is 0, 12 pm is 12, a pm hour gains 12. */
export function hourUnder(hour: number, meridiem: 'am' | 'pm'): number {
  if (hour === 12) return meridiem === 'am' ? 0 : 12
  return meridiem === 'pm' ? hour + 12 : hour
}

/**
 * The range's start read with the end's am/pm, when it was written with none (a 12-hour hour, no leading `0`) and that
 * reading puts it before the end by less than the bare reading does, within 12 hours; else the start as written.
 */
export function shareMeridiem(start: ParsedTime, end: ParsedTime): ParsedTime {
  if (start.meridiem !== null || end.meridiem === null || start.hour < 1 || start.hour > 12 || /^\s*0/.test(start.text)) return start
  const endMinutes = end.hour * 60 + end.minute
  const bare = span(start.hour * 60 + start.minute, endMinutes)
  const hour = hourUnder(start.hour, end.meridiem)
  const shared = span(hour * 60 + start.minute, endMinutes)
  if (shared > MAX_MINUTES || shared > bare) return start
  return { ...start, hour, meridiem: end.meridiem }
}
