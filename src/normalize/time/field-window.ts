/** The incident window as its labelled fields write it (`Duration: …`, else `Start: …` and `End: …`), read as one range. */
import type { Fields } from '../structure/fields.js'
import { findDates } from './datetime.js'

/** The range text of the window fields, or null; a start written as a time alone ("Time: 00:50 UTC") is on the Date field's day. */
export function fieldWindowText(fields: Fields): string | null {
  if (fields.duration) return fields.duration.value
  if (!fields.start) return null
  const day = fields.date && findDates(fields.start.value, {}).length === 0 ? `${fields.date.value} ` : ''
  return `${day}${fields.start.value}${fields.end ? ` - ${fields.end.value}` : ''}`
}
