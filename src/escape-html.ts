/** Escaping for the few places that write HTML by hand (the templates escape through eta). */

/** Text for an HTML text node: `&`, `<` and `>` escaped, quotes left as they are. */
export const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** Text for a double-quoted HTML attribute value (every attribute Hindsight writes): the text escapes plus `"`. */
export const escapeAttribute = (text: string): string => escapeHtml(text).replace(/"/g, '&quot;')
