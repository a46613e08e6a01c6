/**
 * A warning for characters XML 1.0 forbids (control characters, an ANSI escape, a YAML `\x01`) in the fields feeds
 * and the sitemap carry: they are removed there (`site/xml-safe.ts`), so the author should know the text differs.
 */
import type { VFile } from 'vfile'
import { RULE } from '../../constants.js'
import { hasXmlForbidden, XML_FORBIDDEN } from '../../site/xml-safe.js'
import type { PostmortemRecord } from '../../types.js'
import { report } from '../diagnostics.js'

/** Where `text` first holds a forbidden character, as a 1-based line and column, or the file's start. */
function firstPlace(text: string): { line: number; column: number } {
  XML_FORBIDDEN.lastIndex = 0
  const at = XML_FORBIDDEN.exec(text)?.index
  XML_FORBIDDEN.lastIndex = 0
  if (at === undefined) return { line: 1, column: 1 }
  const before = text.slice(0, at)
  const line = before.split('\n').length
  return { line, column: at - before.lastIndexOf('\n') }
}

/** Reports each feed field of the record that holds a character XML 1.0 forbids. */
export function reportXmlForbidden(record: PostmortemRecord, text: string, file: VFile): void {
  const fields: Array<[string, string[]]> = [
    ['title', [record.title ?? '']],
    ['summary', [record.summary]],
    ['tags', record.tags],
    ['site', record.site],
    ['authors', record.authors],
  ]
  for (const [name, values] of fields) {
    if (!values.some(hasXmlForbidden)) continue
    const code = values.map((v) => /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.exec(v)?.[0]).find(Boolean)
    const shown = code ? `U+${code.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : 'an unpaired surrogate or U+FFFE/U+FFFF'
    report(
      file,
      'warning',
      `The ${name} holds a character XML does not allow (${shown}); feeds and the sitemap leave it out`,
      firstPlace(text),
      RULE.textControlCharacter,
    )
  }
}
