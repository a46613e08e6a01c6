/**
 * English month names as authors write them (`Sept.`, `March`, `jun`) in one place: the pattern the readers of
 * month stamps, due dates and years build their case-insensitive regular expressions from, and a name's number.
 */

/** A month name or its abbreviation, for a case-insensitive regular expression; it captures no group of its own. */
export const MONTH_WORD = String.raw`jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`

const MONTH_KEYS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** The month (1 to 12) a name or abbreviation gives by its first three letters; 0 when it names none. */
export function monthNumber(word: string): number {
  return MONTH_KEYS.indexOf(word.slice(0, 3).toLowerCase()) + 1
}
