/**
 * Bounded cost on hostile shapes (issue 19 §1): each stage that could grow faster than its input is checked on a
 * shape built to make it do so, with a generous time limit (a quadratic step takes many times the limit).
 */
import fc from 'fast-check'
import type { List, Root } from 'mdast'
import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { MAX_TAGS, RULE } from '../src/constants.js'
import { loadDocument, type LoadedDocument } from '../src/document.js'
import { renderGroups, renderHtml } from '../src/markdown/html.js'
import { frontMatterOverBudget } from '../src/normalize/front-matter/front-matter-budget.js'
import { MAX_MARKUP_UNITS, markupUnits } from '../src/normalize/structure/markup-budget.js'
import { MAX_TABLE_CELLS } from '../src/normalize/structure/table-budget.js'
import { IMPACT_WORDS } from '../src/normalize/impact/impact-words.js'
import { billionLaughs, HOSTILE_SHAPES, longList, manyBrackets, manyFootnotes, manyHeadings, manyLinks, manyTags, wideTable } from './helpers/hostile-shapes.js'

/** An mdast list of `n` tight one-line items, built directly so that only rendering is measured. */
function bigList(n: number): Root {
  const list: List = {
    type: 'list',
    ordered: false,
    spread: false,
    children: Array.from({ length: n }, (_, i) => ({
      type: 'listItem',
      spread: false,
      children: [{ type: 'paragraph', children: [{ type: 'text', value: `item ${i}` }] }],
    })),
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
    expect(
      seconds(() => {
        html = renderHtml(tree)
      }),
    ).toBeLessThan(6)
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

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const load = (text: string): LoadedDocument => loadDocument('hostile/input.md', new TextEncoder().encode(text), options)
const rules = (loaded: LoadedDocument): string[] => loaded.diagnostics.map((d) => d.ruleId)

describe('front matter', () => {
  it('skips a file whose aliases expand past the budget (billion laughs), with an error', () => {
    const loaded = load(billionLaughs(6))
    expect(loaded.document).toBeNull()
    expect(loaded.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', ruleId: RULE.frontMatterTooLarge, line: 1 }))
  })

  it('measures the expanded size without expanding it, and stops at the first limit passed', () => {
    expect(frontMatterOverBudget({ title: 'x', tags: ['a', 'b'] })).toBeNull()
    const nine: unknown[] = Array(9).fill('lol')
    let value: unknown = nine
    for (let i = 0; i < 12; i++) value = Array(9).fill(value)
    expect(seconds(() => expect(frontMatterOverBudget({ tags: value })).toMatch(/values/))).toBeLessThan(1)
    expect(frontMatterOverBudget({ text: 'x'.repeat(2_000_000) })).toMatch(/characters/)
    let deep: unknown = 'x'
    for (let i = 0; i < 100; i++) deep = [deep]
    expect(frontMatterOverBudget({ deep })).toMatch(/nested/)
    const cycle: unknown[] = []
    cycle.push(cycle)
    expect(frontMatterOverBudget({ cycle })).not.toBeNull()
  })

  it(`keeps the first ${MAX_TAGS} tags, sites and authors, with a warning`, () => {
    const loaded = load(manyTags(2000).replace('title: Tags', `title: Tags\nsite: [${Array.from({ length: 60 }, (_, i) => `s${i}`).join(', ')}]`))
    expect(loaded.document!.record.tags).toHaveLength(MAX_TAGS)
    expect(loaded.document!.record.tags[0]).toBe('t0')
    expect(loaded.document!.record.site).toHaveLength(MAX_TAGS)
    expect(rules(loaded).filter((r) => r === RULE.frontMatterListTooLong)).toHaveLength(2)
  })
})

describe('tables', () => {
  it('renders a table only up to the cell cap and the rest of its rows as text, with a warning', () => {
    const loaded = load(wideTable(1500, 1500))
    const warning = loaded.diagnostics.find((d) => d.ruleId === RULE.tableTooLarge)
    expect(warning).toMatchObject({ severity: 'warning', line: 3, column: 1 })
    const html = loaded.document!.html
    expect(html.split('<td').length - 1).toBeLessThanOrEqual(MAX_TABLE_CELLS)
    expect(html).toContain('|r1499|')
    expect(html.length).toBeLessThan(2_000_000)
  })

  it('leaves tables within the cap alone', () => {
    const loaded = load(wideTable(3, 5))
    expect(rules(loaded)).not.toContain(RULE.tableTooLarge)
    expect(loaded.document!.html.split('<tr>').length - 1).toBe(6)
  })
})

describe('markup budget', () => {
  it('counts lines, table cells and brackets outside fenced code only', () => {
    expect(markupUnits('a\n\nb [c] |d|\n```\n[[[[\n```\n')).toBe(2 + 2 + 2)
    expect(markupUnits('~~~\n' + '- x\n'.repeat(50_000))).toBe(0)
    expect(markupUnits('- x\n'.repeat(50_000))).toBe(MAX_MARKUP_UNITS + 1)
  })

  it('shows a body over the budget as preformatted text, with a warning, keeping every line', () => {
    const text = `---\ntitle: Long list\n---\n${longList(20_000)}`
    const loaded = load(text)
    expect(loaded.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', ruleId: RULE.fileTooComplex, line: 4 }))
    expect(loaded.document!.record.title).toBe('Long list')
    expect(loaded.document!.html.startsWith('<pre><code>')).toBe(true)
    expect(loaded.document!.html).toContain('- 10:19 step 19999')
  })
})

describe('impact words', () => {
  it('reads a 5xx after a long run of spaces in linear time (an unbounded look-behind made it quadratic: 10 s at 30,000)', () => {
    const text = `x${' '.repeat(30_000)}500 errors`
    let found = false
    expect(seconds(() => (found = IMPACT_WORDS.test(text)))).toBeLessThan(1)
    expect(found).toBe(true)
    expect(IMPACT_WORDS.test('deployed build #512')).toBe(false)
    expect(IMPACT_WORDS.test('PR 503 merged')).toBe(false)
  })
})

describe('per-file budget', () => {
  // Generous: each shape takes well under a second alone; before the caps they took minutes or ran out of memory.
  const LIMIT_SECONDS = 20
  for (const [name, make] of Object.entries(HOSTILE_SHAPES)) {
    it(`${name}: loads within the budget, with a diagnostic`, { timeout: 120_000 }, () => {
      const text = make()
      let loaded: LoadedDocument | null = null
      expect(
        seconds(() => {
          loaded = load(text)
        }),
      ).toBeLessThan(LIMIT_SECONDS)
      expect(
        loaded!.diagnostics.some((d) => d.severity !== 'info' && d.ruleId !== RULE.noDate && d.ruleId !== RULE.noTitle),
        name,
      ).toBe(true)
      expect(loaded!.document?.html.length ?? 0).toBeLessThan(text.length * 4 + 1_000_000)
    })
  }

  it('fuzz: generated mixtures of the shapes stay within the budget', { timeout: 300_000 }, () => {
    const shape = fc.oneof(
      fc.integer({ min: 2, max: 9 }).map((n) => billionLaughs(n, 'site')),
      fc.tuple(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 0, max: 3000 })).map(([c, r]) => wideTable(c, r)),
      fc.integer({ min: 1, max: 5000 }).map(manyTags),
      fc.integer({ min: 1, max: 60_000 }).map(longList),
      fc.integer({ min: 1, max: 20_000 }).map(manyHeadings),
      fc.integer({ min: 1, max: 10_000 }).map(manyFootnotes),
      fc.integer({ min: 1, max: 20_000 }).map(manyLinks),
      fc.integer({ min: 1, max: 20_000 }).map(manyBrackets),
    )
    fc.assert(
      fc.property(fc.array(shape, { minLength: 1, maxLength: 3 }), (parts) => {
        const text = parts.map((p, i) => (i === 0 ? p : p.replace(/^---[\s\S]*?\n---\n/, ''))).join('\n\n')
        const started = performance.now()
        const loaded = load(text)
        const elapsed = (performance.now() - started) / 1000
        if (elapsed > LIMIT_SECONDS) throw new Error(`${Math.round(elapsed)} s for one file of ${text.length} bytes`)
        if ((loaded.document?.html.length ?? 0) > text.length * 4 + 1_000_000) throw new Error('output out of proportion to input')
      }),
      { seed: 20261130, numRuns: 25 },
    )
  })
})
