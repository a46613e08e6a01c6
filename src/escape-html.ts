/** Escaping for the few places that write HTML by hand (the templates escape through eta), and its reverse for text taken from HTML. */
import { decodeNamedCharacterReference } from 'decode-named-character-reference'

/** Text for an HTML text node: `&`, `<` and `>` escaped, quotes left as they are. */
export const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** Text for a double-quoted HTML attribute value (every attribute Hindsight writes): the text escapes plus `"`. */
export const escapeAttribute = (text: string): string => escapeHtml(text).replace(/"/g, '&quot;')

/** Decodes HTML character references (`&emsp;`, `&#8212;`, `&amp;`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    const named = decodeNamedCharacterReference(ref)
    return named === false ? whole : named
  })
}

/** The text of an HTML fragment: tags become `tagReplacement`, then character references are decoded once (so `&amp;lt;` stays `&lt;`). */
export const textOfHtml = (html: string, tagReplacement = ''): string => decodeEntities(html.replace(/<[^>]*>/g, tagReplacement))
