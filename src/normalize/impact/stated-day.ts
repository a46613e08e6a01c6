/**
 * The day a stated impact range names ("On 2024-03-02 between 10:00 and 11:30 UTC", "from 10:00 to 11:30 UTC on
 * March 2, 2024", "from March 3 to March 5, 2024"), read before the timeline so its bare times are dated by it when nothing else dates the incident.
 */
import { findStatedRange, type Passage, type RangeContext } from './find-stated-range.js'
import { findStatedDayRange } from './day-range.js'

/** The start day of the strongest stated range in the passages when the text writes that day, else null. */
export function statedRangeDay(passages: Passage[], context: Omit<RangeContext, 'date' | 'zone'>): string | null {
  const bare = { ...context, date: null, zone: null }
  return (findStatedRange(passages, bare) ?? findStatedDayRange(passages, bare))?.start.date ?? null
}
