import { readFileSync } from 'node:fs'
import type { Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { describe, expect, it } from 'vitest'
import { renderHtml } from '../src/markdown/html.js'
import { parseMarkdown } from '../src/markdown/parse.js'
import { KRAMDOWN_IAL, removeKramdownAttributes } from '../src/normalize/structure/kramdown-attributes.js'

const TABLE =
  'Date     | Time  | State\n-----    | ----  | ---\nMarch 18 | 16:00 | Upgrade started\nMarch 19 | 11:40 | Back online\n{: .table.table-striped }\n\nAfter the table.\n'

const tableOf = (markdown: string): Table => removeKramdownAttributes(parseMarkdown(markdown)).children.find((n): n is Table => n.type === 'table')!

describe('removeKramdownAttributes', () => {
  it('drops the attribute row GFM reads under a table, and the table ends at its last real row', () => {
    const before = parseMarkdown(TABLE).children.find((n): n is Table => n.type === 'table')!
    expect(before.children.map((r) => toString(r.children[0]!))).toContain('{: .table.table-striped }')
    const table = tableOf(TABLE)
    expect(table.children.map((r) => toString(r.children[0]!))).toEqual(['Date', 'March 18', 'March 19'])
    expect(table.position?.end.line).toBe(4)
  })

  it('leaves no attribute list in the rendered HTML of the bundled usegalaxy-eu postmortem', () => {
    const text = readFileSync(new URL('../content/usegalaxy-eu/downtime-18th-march.md', import.meta.url), 'utf8')
    expect(renderHtml(parseMarkdown(text))).toContain('{: .table.table-striped }')
    const html = renderHtml(removeKramdownAttributes(parseMarkdown(text)))
    expect(html).not.toContain('{:')
    expect(html).toContain('UseGalaxy.eu is back online')
  })

  it('drops attribute-list paragraphs at any depth, and keeps the blocks around them', () => {
    const tree = removeKramdownAttributes(
      parseMarkdown('Intro.\n\n{:#summary .lead}\n\n> Quoted.\n>\n> {: .note }\n\n- item\n\n  {: style="color: red" }\n\n{:refdef: .wide}\n'),
    )
    expect(toString(tree)).not.toContain('{:')
    expect(tree.children.map((n) => n.type)).toEqual(['paragraph', 'blockquote', 'list'])
    expect(toString(tree.children[1]!)).toBe('Quoted.')
  })

  it('keeps text that only mentions the syntax, and rows that carry data', () => {
    const kept = 'Kramdown writes `{: .class }` after a block.\n\n{: not alone } and more words\n\n| a | b |\n| - | - |\n| {: .x } | data |\n'
    const tree = removeKramdownAttributes(parseMarkdown(kept))
    expect(tree.children.map((n) => n.type)).toEqual(['paragraph', 'paragraph', 'table'])
    expect((tree.children[2] as Table).children).toHaveLength(2)
  })

  it.each([
    ['{: .table }', true],
    ['{:.a.b #id key="v"}', true],
    ['  {: .x }  ', false],
    ['{: .x } y', false],
    ['{ .x }', false],
    ['{:\n}', false],
  ])('KRAMDOWN_IAL %j: %s', (text, matches) => {
    expect(KRAMDOWN_IAL.test(text)).toBe(matches)
  })
})
