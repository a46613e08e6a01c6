/**
 * Characters XML 1.0 forbids (C0 controls but tab, newline and carriage return; lone surrogates; U+FFFE, U+FFFF):
 * one of them in a title or summary (an ANSI escape, a YAML `\x01`) makes a feed or sitemap ill-formed, so readers
 * reject the whole file. They are removed from every feed and sitemap; the normalizer warns about them.
 */

/** Matches one character XML 1.0 forbids. */
export const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** The text without characters XML 1.0 forbids. */
export const xmlSafe = (text: string): string => text.replace(XML_FORBIDDEN, '')

/** Whether the text holds a character XML 1.0 forbids. */
export const hasXmlForbidden = (text: string): boolean => text.search(XML_FORBIDDEN) >= 0
