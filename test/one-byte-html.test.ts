/**
 * The HTML of ASCII (or Latin-1) Markdown must be a one-byte string in V8: a two-byte one doubles the cache entry's
 * bytes and slows every JSON and UTF-8 encoding of it. Heading tags made as `'h' + depth` had made it two-byte.
 */
import { serialize } from 'node:v8'
import type { RootContent } from 'mdast'
import { describe, expect, it } from 'vitest'
import { renderGroups, renderHtml } from '../src/markdown/html.js'
import { parseMarkdown } from '../src/markdown/parse.js'

/** Whether V8 stores the string as two bytes a character: its serialized tag (after an optional padding byte) is 'c'. */
function twoByte(value: string): boolean {
  const bytes = serialize(value)
  return bytes[2] === 0x63 || (bytes[2] === 0 && bytes[3] === 0x63)
}

const DOC = '# Outage 12\n\n## Summary\n\nThe queue stalled.\n\n### Timeline\n\n- 10:00 paged\n\n#### Detail\n\n##### Five\n\n###### Six\n\nDone.'

describe('one-byte HTML', () => {
  it('tells the two representations apart', () => {
    expect(twoByte('ab€')).toBe(true)
    expect(twoByte('ab€'.slice(0, 2))).toBe(true)
    expect(twoByte('abc')).toBe(false)
  })

  it('renders a document with headings of every level as a one-byte string', () => {
    const html = renderHtml(parseMarkdown(DOC))
    expect(html).toContain('<h6')
    expect(twoByte(html)).toBe(false)
  })

  it('renders sections one-byte, with and without raw HTML', () => {
    const tree = parseMarkdown(`${DOC}\n\n<div>raw</div>\n\n## After\n\ntext`)
    const groups: RootContent[][] = [tree.children.slice(0, 3), tree.children.slice(3)]
    for (const html of renderGroups(groups)) expect(twoByte(html)).toBe(false)
    const plain = parseMarkdown(DOC)
    for (const html of renderGroups([plain.children.slice(0, 2), plain.children.slice(2)])) expect(twoByte(html)).toBe(false)
  })

  it('gives the tags the default heading handler gives', () => {
    expect(renderHtml(parseMarkdown('# One\n\n## Two\n\n###### Six'))).toBe('<h1 id="one">One</h1>\n<h2 id="two">Two</h2>\n<h6 id="six">Six</h6>')
  })
})
