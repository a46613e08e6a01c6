/**
 * A day written by its weekday and day of the month alone ("Monday 3rd", "Wed the 5th"), as authors write days inside
 * one incident: its month and year are those of a day the document gives, or of the month before or after it, the first
 * whose calendar puts that weekday on that day, so the weekday checks the reading.
 */

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']

/** The year and month in which `day` falls on `weekday`, nearest the month of `around` (`YYYY-MM-DD`); null when none of the three does. */
export function weekdayMonth(weekday: string, day: number, around: string | null | undefined): { year: number; month: number } | null {
  const index = WEEKDAYS.indexOf(weekday.slice(0, 3).toLowerCase())
  const m = around ? /^(\d{4})-(\d{2})-\d{2}$/.exec(around) : null
  if (index < 0 || !m || day < 1 || day > 31) return null
  for (const shift of [0, 1, -1]) {
    const first = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1 + shift, 1))
    const date = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), day))
    if (date.getUTCMonth() === first.getUTCMonth() && date.getUTCDay() === index) return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 }
  }
  return null
}
