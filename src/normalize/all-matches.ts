/**
 * Every match of a global expression in a text, as `[...text.matchAll(re)]` gives them, without the copy of the
 * expression `matchAll` makes on every call (a measurable share of the normalizer's many short scans). The
 * matches are all read before any is used, so a caller may reuse the expression while it reads them.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = []
  re.lastIndex = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m)
    // An empty match moves on by one character (by one code point in Unicode mode), as `matchAll` does.
    if (m[0].length === 0) re.lastIndex = m.index + (re.unicode && (text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1)
  }
  re.lastIndex = 0
  return out
}
