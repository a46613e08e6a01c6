/**
 * A stamp that names only a month (`2015-10: …`, `March 2016 – …`, `Oct 2015: …`), as the timelines of long
 * projects and migrations are written: the event is kept with its month (`YYYY-MM`), never dropped as untimed
 * and never given a day the text does not state.
 */
import { cleanEventText } from './event-text.js'
import { foreignMonth } from './datetime-dates.js'
import { MONTH_WORD, monthNumber } from './month-words.js'

/** A month stamp's month as ISO 8601 (`2015-10`) and the event text after it. */
export interface MonthStamp {
  month: string
  rest: string
}

const LEAD = /^[\s*_`~[(]{0,6}/
/** `2015-10` or `2015/10`, not the start of a full date (`2015-10-04`) or a longer number. */
const NUMERIC = /^(19[7-9]\d|20\d\d)[-/](0[1-9]|1[0-2])(?![-/.]?\d)/
/** `October 2015`, `Oct. 2015`, `Sept 2015`, not a day after the month (`October 3, 2015` is a date). */
const NAMED = new RegExp(String.raw`^(${MONTH_WORD})\.?,?\s{1,3}(19[7-9]\d|20\d\d)(?!\d)`, 'i')
/** What must follow the month: a separator, then the event (a bare month line is a heading, not an event). */
const SEPARATOR = /^[\s*_`)\]]{0,6}(?:[:：|]|\s[-–—]+|[-–—]+\s)\s*/

/** Reads a month stamp at the start of a timeline line; null unless a separator and some text follow it. */
export function readMonthStamp(text: string): MonthStamp | null {
  const head = text.slice(0, 200)
  const lead = LEAD.exec(head)![0].length
  const from = head.slice(lead)
  const numeric = NUMERIC.exec(from)
  const named = numeric ? null : NAMED.exec(from)
  const found = numeric ?? named
  if (!found) return null
  const month = numeric ? Number(numeric[2]) : monthNumber(named![1]!)
  const year = numeric ? numeric[1]! : named![2]!
  const after = text.slice(lead + found[0].length, 100_000)
  const separator = SEPARATOR.exec(after)
  if (!separator) return null
  const rest = cleanEventText(after.slice(separator[0].length).replace(/[*_`]+$/, ''))
  if (!/\p{L}/u.test(rest)) return null
  return { month: `${year}-${String(month).padStart(2, '0')}`, rest }
}

/** A month in another language with its year and no day (`März 2023`, `mars 2023`, `marzo de 2023`). */
const FOREIGN_NAMED = /^(\p{L}{3,12})\.?,?\s{1,3}(?:de\s)?(19[7-9]\d|20\d\d)$/u

/**
 * A field value that names a month and no day (`March 2023`, `2023-03`, `März 2023`), as ISO 8601 (`2023-03`); null
 * for a full date or anything else, so an incident dated only by its month is never placed on the 1st.
 */
export function readFieldMonth(text: string): string | null {
  const bare = readBareMonth(text)
  if (bare) return bare
  const m = FOREIGN_NAMED.exec(
    text
      .trim()
      .replace(/[*_`]+/g, '')
      .slice(0, 40),
  )
  const month = m ? foreignMonth(m[1]!) || monthNumber(m[1]!) : 0
  return m && month ? `${m[2]}-${String(month).padStart(2, '0')}` : null
}

/** A cell or line that is a month and nothing else (`Jul 2024`, `2024-07`), as ISO 8601 (`2024-07`); else null. */
export function readBareMonth(text: string): string | null {
  const cell = text
    .trim()
    .replace(/[*_`]+/g, '')
    .slice(0, 40)
  const numeric = NUMERIC.exec(cell)
  const named = numeric ? null : NAMED.exec(cell)
  const found = numeric ?? named
  if (!found || cell.slice(found[0].length).trim() !== '') return null
  const month = numeric ? Number(numeric[2]) : monthNumber(named![1]!)
  return `${numeric ? numeric[1]! : named![2]!}-${String(month).padStart(2, '0')}`
}
