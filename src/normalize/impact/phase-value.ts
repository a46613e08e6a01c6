/**
 * A response phase stated as a field ("Detected: 2022-04-28 10:34", "Detection Time: January 25, 2024 - 10:30 AM UTC")
 * as a value the metrics read: kept as written when it is already ISO-like or a bare time, else read in words.
 */
import { labelled } from './find-stated-moments.js'
import type { RangeContext } from './find-stated-range.js'

/** A date with an optional time as ISO or SQL writes it, or a bare `HH:MM`: read as it is. */
const PLAIN = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}\S*(?: ?(?:Z|UTC|[+-]\d{2}:?\d{2}))?)?$|^\d{1,2}:\d{2}$/i

/** The field's moment as ISO 8601 (with its offset when the zone is known), or the value as written when it is plain or unread. */
export function phaseValue(value: string, context: RangeContext): string {
  const text = value.trim()
  if (PLAIN.test(text) || text.length > 80) return value
  const moment = labelled(text, context)
  if (!moment?.time || !moment.date) return value
  return moment.at ?? `${moment.date}T${moment.time}`
}
