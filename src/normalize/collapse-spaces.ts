/**
 * The text with each run of white space read as one space: what `text.replace(/\s+/g, ' ')` gives, without building
 * a new string when nothing changes (one space between words, the common case, which that replace rebuilds space by space).
 */
export function collapseSpaces(text: string): string {
  return NOT_ONE_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text
}

/** White space that is not a lone space: another white-space character, or two spaces in a row. */
const NOT_ONE_SPACE = /[^\S ]| {2}/
