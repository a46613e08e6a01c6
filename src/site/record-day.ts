import type { RecordHead } from '../types.js'

/** The day a record last changed, as far as the record says: publication, else incident date. */
export const recordDay = (r: RecordHead): string | null => r.published ?? r.date
