/**
 * Bounded cost on hostile shapes (issue 19 §1): each stage that could grow faster than its input is checked on a
 * shape built to make it do so, with a generous time limit (a quadratic step takes many times the limit).
 */
import type { List, Root } from 'mdast'
import { describe, expect, it } from 'vitest'
import { renderGroups, renderHtml } from '../src/markdown/html.js'

/** An mdast list of `n` tight one-line items, built directly so that only rendering is measured. */
function bigList(n: number): Root {
  const list: List = {
    type: 'list', ordered: false, spread: false,
    children: Array.from({ length: n }, (_, i) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'text', value: `item ${i}` }] }] })),
  }
  return { type: 'root', children: [list] }
}

const seconds = (run: () => void): number => {
  const started = performance.now()
  run()
  return (performance.now() - started) / 1000
}

describe('list rendering', () => {
  it('renders a 60,000-item list in linear time (the default listItem handler rescans the list per item)', { timeout: 120_000 }, () => {
    const tree = bigList(60_000)
    let html = ''
    expect(seconds(() => { html = renderHtml(tree) })).toBeLessThan(6)
    expect(html.startsWith('<ul>\n<li>item 0</li>')).toBe(true)
    expect(html).toContain('<li>item 59999</li>')
    expect(seconds(() => renderGroups([tree.children]))).toBeLessThan(6)
  })

  it('keeps loose and tight lists as the default handler renders them', () => {
    const loose = bigList(3)
    ;(loose.children[0] as List).children[1]!.spread = true
    expect(renderHtml(loose)).toBe('<ul>\n<li>\n<p>item 0</p>\n</li>\n<li>\n<p>item 1</p>\n</li>\n<li>\n<p>item 2</p>\n</li>\n</ul>')
    expect(renderHtml(bigList(2))).toBe('<ul>\n<li>item 0</li>\n<li>item 1</li>\n</ul>')
  })
})
