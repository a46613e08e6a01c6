/**
 * When a follow-up is due, as authors write it: a due column, "(due 2024-05-01)", "(owner: Kim, Q3)", "— due May 3",
 * "Deadline: 2024-06-30". A full date becomes `YYYY-MM-DD`; anything vaguer ("Q3", "next sprint", "March") stays as
 * written, since inventing a day would be worse than keeping the author's words.
 */
import { findDates, formatDate } from '../time/datetime.js'

const DUE_LABEL = /^(?:due(?!\s+to\b)(?:\s+(?:date|by|on))?|deadline|target(?:\s+date)?|eta|by|until)\b\s*[:=：]?\s*/i
const PLACEHOLDER = /^(?:tbd|tba|n\/?a|none|unknown|-+|—|\?+)$/i
/** A due date at the end of an item after a separator: "… — due May 3", "…, deadline: 2024-06-30", "… (due: Q3)". */
const TRAILING_DUE =
  /(?:\s*[,;]\s*|\s+[-–—]\s+|\s*[([]\s*|\s+)(?:due(?!\s+to\b)(?:\s+(?:date|by|on))?|deadline|target date)\s*[:=：]?\s*([^()[\],;]{1,30}?)\s*[)\]]?\s*\.?$/i

/** The due date a cell or part says (`2024-05-01`, `Q3`), its label dropped; null for a placeholder or none. */
export function dueOf(written: string): string | null {
  const text = written
    .replace(/[*_`]/g, '')
    .trim()
    .replace(DUE_LABEL, '')
    .replace(/[.\s]+$/, '')
  if (!/[\p{L}\p{N}]/u.test(text) || PLACEHOLDER.test(text) || text.length > 40) return null
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text
  const found = findDates(text)[0]
  // Only a date that is the whole value: "before the March 3 release" is words, not a day.
  if (found && found.year !== null && found.text.trim().length >= text.length - 2) return formatDate({ ...found, year: found.year })
  return text
}

/** An item's text without a labelled due date at its end, and that date. */
export function takeDue(text: string): { text: string; due: string | null } {
  const m = /due|deadline|target date/i.test(text) ? TRAILING_DUE.exec(text) : null
  const due = m && m.index > 0 ? dueOf(m[1]!) : null
  return due ? { text: text.slice(0, m!.index), due } : { text, due: null }
}
