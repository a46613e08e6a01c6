/** The year a title names on its own ("Year-end outage 2023"), the last source of the year of days written without one. */

/** A year standing alone: not part of a number, a version or an identifier (`INC-2023`, `v2023`, `2023.1`). */
const TITLE_YEAR = /(?<![\p{L}\p{N}.#/_-])(?:19[89]\d|20[0-4]\d)(?![\p{L}\p{N}.,/_-])/u

/** The first lone year of a title, or null. */
export function titleYear(title: string): number | null {
  const m = TITLE_YEAR.exec(title.slice(0, 300))
  return m ? Number(m[0]) : null
}
