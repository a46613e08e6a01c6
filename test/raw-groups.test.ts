import fc from 'fast-check'
import type { RootContent } from 'mdast'
import { describe, expect, it } from 'vitest'
import { renderGroups, renderHtml } from '../src/markdown/html.js'
import { parseMarkdown } from '../src/markdown/parse.js'
import { rawHtmlBalanced, rawTags, startsWithTablePart } from '../src/markdown/raw-balance.js'
import { renderRawGroups } from '../src/markdown/raw-groups.js'

/** A document's nodes and its section groups as the normalizer forms them: the whole, then each heading to the next of its level or higher. */
function sectionGroups(text: string): RootContent[][] {
  const nodes = parseMarkdown(text).children
  const groups: RootContent[][] = [nodes]
  nodes.forEach((node, i) => {
    if (node.type !== 'heading') return
    let end = i + 1
    while (end < nodes.length && !(nodes[end]!.type === 'heading' && (nodes[end] as { depth: number }).depth <= node.depth)) end++
    groups.push(nodes.slice(i + 1, end))
  })
  return groups
}

/** What renderGroups must equal for a document with raw HTML: each group rendered on its own. */
const oneByOne = (groups: RootContent[][]): string[] => groups.map((group) => renderHtml(group))

describe('raw HTML groups in one parser pass', () => {
  it('renders balanced raw HTML in sections as each section alone would, heading ids per group', () => {
    const text = [
      '# Report',
      '',
      '## Impact',
      '',
      '<div align="center"><img src="a.png"></div>',
      '',
      'Users saw <kbd>500</kbd> errors.',
      '',
      '### Details',
      '',
      '<details><summary>Log</summary>',
      '',
      '- one',
      '',
      '</details>',
      '',
      '## Timeline',
      '',
      '<table><tr><td>10:00</td><td>alert</td></tr></table>',
      '',
      '### Details',
      '',
      'Edit <filename> first.',
      '',
      '## Lessons',
      '',
      'No raw HTML here.',
      '',
      '### Details',
      '',
      '- plain',
    ].join('\n')
    const groups = sectionGroups(text)
    expect(renderRawGroups(groups, renderHtml)).not.toBeNull()
    expect(renderGroups(groups)).toEqual(oneByOne(groups))
    // Ids are unique within each group: the second "Details" is "details" in its own section and "details-1" in the whole.
    expect(renderGroups(groups)[0]).toContain('id="details-1"')
    expect(renderGroups(groups)[4]).toContain('<h3 id="details">')
    // A section without raw HTML is rendered without the parser, its ids its own too.
    expect(renderGroups(groups)[6]).toBe('<p>No raw HTML here.</p>\n<h3 id="details">Details</h3>\n<ul>\n<li>plain</li>\n</ul>')
  })

  it('keeps the group-by-group render when an element opened in one section is closed in the next', () => {
    const text = ['# Report', '', '## Impact', '', '<div class="note">', '', 'Users saw errors.', '', '## Timeline', '', '10:00 alert', '', '</div>'].join('\n')
    const groups = sectionGroups(text)
    expect(renderRawGroups(groups, renderHtml)).toBeNull()
    const html = renderGroups(groups)
    expect(html).toEqual(oneByOne(groups))
    // Alone, the Timeline section holds no open div; in the whole document the div takes it in.
    expect(html[3]).not.toContain('<div')
    expect(html[0]).toMatch(/<div>[\s\S]*10:00 alert[\s\S]*<\/div>/)
  })

  it('keeps the group-by-group render for formatting left open, table parts first, swallowing tags and footnotes', () => {
    for (const text of [
      '# A\n\n## B\n\nSome <b>bold\n\n## C\n\nmore',
      '# A\n\n## B\n\n<tr><td>x</td></tr>\n\n## C\n\nmore',
      '# A\n\n## B\n\n<textarea>x</textarea>\n\n## C\n\nmore',
      '# A\n\n## B\n\n<div>x</div> and[^1]\n\n## C\n\n[^1]: note',
      '# A\n\n## B\n\n<!--> <div>\n\n## C\n\nmore',
    ]) {
      const groups = sectionGroups(text)
      expect(renderRawGroups(groups, renderHtml), text).toBeNull()
      expect(renderGroups(groups), text).toEqual(oneByOne(groups))
    }
  })

  it('equals rendering each group alone on generated documents of raw HTML and Markdown pieces', () => {
    const piece = fc.constantFrom(
      '## Section',
      '### Sub',
      '<div>',
      '</div>',
      '<div align="center">centered</div>',
      '<p>para</p>',
      '<details><summary>More</summary>',
      '</details>',
      'Text with <span>span</span> and <b>bold</b>.',
      'Text with <em>open emphasis',
      'Edit <file> here',
      '<br>',
      '<img src=https://example.com/a.png>',
      '<table><tr><td>a</td></tr></table>',
      '<tr><td>b</td></tr>',
      '- item <code>x</code>',
      '> quote <i>x</i>',
      '<!-- comment -->',
      '<h2>Raw heading</h2>',
      'Plain text',
      '`code`',
      '<ul>\n<li>raw item</li>\n</ul>',
    )
    let onePass = 0
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (pieces) => {
        const groups = sectionGroups(pieces.join('\n\n'))
        if (renderRawGroups(groups, renderHtml)) onePass++
        expect(renderGroups(groups)).toEqual(oneByOne(groups))
      }),
      { numRuns: 400, seed: 11 },
    )
    // The one-pass render is taken for most of them, so the comparison tests it.
    expect(onePass).toBeGreaterThan(100)
  })
})

describe('raw tag reading', () => {
  it('reads simple tags and refuses what it cannot be sure of', () => {
    expect(rawTags('<a href="x>y" title=z>t</a><br/><!-- c -->')).toEqual([
      { name: 'a', closing: false },
      { name: 'a', closing: true },
      { name: 'br', closing: false },
    ])
    expect(rawTags('<img src=https://example.com/a.gif>')).toEqual([{ name: 'img', closing: false }])
    expect(rawTags('a < b and 1<2')).toEqual([])
    for (const unsure of ['<a href="x>', '<!-->', '<!doctype html>', '<?php ?>', '</br>', '<script>', '<div a=b"c>', '<!-- a --!> <b>'])
      expect(rawTags(unsure), unsure).toBeNull()
  })

  it('balances tags per list of siblings, letting a paragraph close unknown elements it holds', () => {
    const balanced = (text: string): boolean => rawHtmlBalanced(parseMarkdown(text).children)
    expect(balanced('<div>\n\ntext\n\n</div>')).toBe(true)
    expect(balanced('Edit <filename> first')).toBe(true)
    expect(balanced('Some <b>bold')).toBe(false)
    expect(balanced('<div>\n\ntext')).toBe(false)
    expect(balanced('<span>a</div>')).toBe(false)
    expect(startsWithTablePart(parseMarkdown('<!-- x -->\n<td>a</td>').children)).toBe(true)
    expect(startsWithTablePart(parseMarkdown('text\n\n<td>a</td>').children)).toBe(false)
  })
})
