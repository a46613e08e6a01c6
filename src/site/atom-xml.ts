/**
 * Atom 1.0 text written directly, byte for byte as the `feed` package (6.x, through xml-js with a four-space indent)
 * wrote it for the fields Hindsight sets: the package built an object tree per feed and walked it, about a third of
 * a cold build's emit outside the pages, where this joins strings (test/atom-xml.test.ts compares the two).
 */

/** What heads a feed: its id, title, newest day, generator, author, the page it mirrors and its own address. */
export interface AtomHead {
  id: string
  title: string
  updated: Date
  generator: string
  author: string
  /** Absolute address of the HTML page the feed mirrors. */
  link: string
  /** Absolute address of the feed itself. */
  self: string
  subtitle?: string | undefined
}

/** One entry: HTML title, summary and content (written as CDATA), absolute id and link, authors and category terms. */
export interface AtomEntry {
  title: string
  id: string
  link: string
  updated: Date
  published?: Date | undefined
  summary?: string | undefined
  content?: string | undefined
  authors: string[]
  categories: string[]
}

const INDENT = '    '

/** Text as xml-js writes it: an `&amp;` kept (not doubled), then `&`, `<` and `>` escaped. */
const text = (value: string): string => value.replace(/&amp;/g, '&').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** An attribute value as xml-js writes it: only `"` escaped (the `feed` package escaped `&` before, see `sanitize`). */
const attribute = (value: string): string => value.replace(/"/g, '&quot;')

/** `&` escaped, as the `feed` package does to every address and term before xml-js sees it. */
const sanitize = (value: string): string => value.replace(/&/g, '&amp;')

/** An address as the `feed` package writes it: parsed and printed by `URL` (so normalized), then `sanitize`d. */
const sanitizeUrl = (address: string): string => sanitize(new URL(address).toString())

/** CDATA as xml-js writes it: only the first `]]>` is split (its `String.replace` with a string pattern). */
const cdata = (value: string): string => `<![CDATA[${value.replace(']]>', ']]]]><![CDATA[>')}]]>`

/** A text element at `depth`: empty text makes an empty element, as in xml-js. */
const textElement = (name: string, value: string, depth: number): string =>
  `\n${INDENT.repeat(depth)}${value === '' ? `<${name}/>` : `<${name}>${text(value)}</${name}>`}`

const htmlElement = (name: string, value: string, depth: number): string => `\n${INDENT.repeat(depth)}<${name} type="html">${cdata(value)}</${name}>`

const authorElement = (name: string, depth: number): string =>
  `\n${INDENT.repeat(depth)}<author>${textElement('name', name, depth + 1)}\n${INDENT.repeat(depth)}</author>`

/** One `<entry>`, indented for its place in the feed; pass the strings of a feed's entries to `atomXml`. */
export function atomEntry(entry: AtomEntry): string {
  const parts = [
    `\n${INDENT}<entry>`,
    htmlElement('title', entry.title, 2),
    textElement('id', sanitizeUrl(entry.id), 2),
    `\n${INDENT.repeat(2)}<link href="${attribute(sanitizeUrl(entry.link))}"/>`,
    textElement('updated', entry.updated.toISOString(), 2),
  ]
  if (entry.summary) parts.push(htmlElement('summary', entry.summary, 2))
  if (entry.content) parts.push(htmlElement('content', entry.content, 2))
  for (const name of entry.authors) parts.push(authorElement(name, 2))
  for (const term of entry.categories) parts.push(`\n${INDENT.repeat(2)}<category term="${attribute(sanitize(term))}"/>`)
  if (entry.published) parts.push(textElement('published', entry.published.toISOString(), 2))
  parts.push(`\n${INDENT}</entry>`)
  return parts.join('')
}

/** The whole feed: declaration, head and the entries made by `atomEntry`, in order. */
export function atomXml(head: AtomHead, entries: readonly string[]): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">',
    textElement('id', head.id, 1),
    textElement('title', head.title, 1),
    textElement('updated', head.updated.toISOString(), 1),
    textElement('generator', sanitize(head.generator), 1),
    authorElement(head.author, 1),
    `\n${INDENT}<link rel="alternate" href="${attribute(sanitizeUrl(head.link))}"/>`,
    `\n${INDENT}<link rel="self" href="${attribute(sanitizeUrl(head.self))}"/>`,
    head.subtitle ? textElement('subtitle', head.subtitle, 1) : '',
    ...entries,
    '\n</feed>',
  ].join('')
}
