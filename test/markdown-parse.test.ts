/**
 * `parseMarkdown` must build exactly the tree remark-parse + remark-gfm build, whatever shortcuts it takes: GFM
 * constructs enabled per text, and plain-text paragraphs built without micromark. Checked on chosen edge cases and
 * on fast-check strings drawn from an alphabet rich in the characters that start syntax.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { renderGroups, renderHtml } from '../src/markdown/html.js'
import { parseMarkdown } from '../src/markdown/parse.js'

const reference = unified().use(remarkParse).use(remarkGfm)

const EDGE_CASES = [
  'Plain words',
  'Impact: Users could not log in.',
  'Two lines\nof plain text',
  '3:32 PM: We patched the queue.\n3:55 PM: We restored it.',
  '1. An ordered list',
  '2) Another',
  '09.04.2022',
  '1.5 hours of downtime',
  '1234567890. Ten digits are no list',
  '123456789. Nine digits are',
  '3.',
  'Dates\n10.04.2022',
  'Line one\n1. interrupts',
  'Trailing two spaces  \nbreak',
  'Trailing space ',
  'Tab\tinside',
  'Ends in a backslash\\\nnext',
  'See www.example.com now',
  'See HTTPS://example.com',
  'mail me@example.com',
  'A ~strike~ here',
  'Table a | b',
  'Entity &amp; here',
  'Emphasis *here*',
  'Under_score',
  'Heading\n===',
  'Heading\n---',
  'Ünïcode words déjà vu',
  'Ⅻ roman numeral start',
  '١٢. Arabic-Indic digits',
  'Emoji 🚀 inside',
  'Non-breaking end\u00a0',
  'Line\u2028separator',
  'Ends with newline\n',
  'Blank\n\nline',
  'x',
  '9',
  'Hash # inside',
  'Bang ! inside',
  'Bracket [x] inside',
  'Angle <b> inside',
  'Pipe | inside',
  'Carriage\rreturn',
  'Nul\u0000char',
  '**Date**: 07.07.2016',
  '**Date:** 2024-01-01 to 2024-01-02',
  '**Root Causes**',
  '**Date:**',
  '**Date:**x',
  '**Date** : x',
  '**Date**x',
  '**Date **: x',
  '** Date**: x',
  '**Da*te**: x',
  '**Date**: *x*',
  '**Date**:',
  '**Date**: ',
  '**Date:**  two spaces',
  '**Date:** ',
  '**Ünï 🚀 9**: é',
  '**1.**: x',
  '**1**. x',
  '**a**',
  '****',
  '**Date**: www.x.com',
  '**Date**: a@b.c',
  '**Date**:\u00a0x',
  '**Date**: x\u00a0',
  '**Date\u00a0**: x',
  '**Date:**\u00a0x',
  '**Date**: line\nnext',
  '**Date**: x  ',
  '**Date**: a\\b',
  '**Date**: 1 < 2',
  '**Date:**: x',
  '**(Date)**: x',
  '**Date.**: x',
  'Ping @oncall now',
  'x @ y.com',
  'a@b',
  '@a.b',
  'mail me@example.com and see https://example.com',
  'see https://example.com, mail a@b',
  'see www.example.com or @team',
  'a | b\n--|--',
  '> | a | b |\n> |---|---|',
  '- item\n\n  | a | b |\n  |---|---|',
  'a | b\r--|--',
  'a | b\r\n--|--',
  'col\n:-:',
  'a | b\n- | -',
  'pipe | only\nsecond line - with a dash',
  'a|b\n  > --|--',
  'cat x | grep y',
]

describe('parseMarkdown', () => {
  it.each(EDGE_CASES)('builds the reference tree for %j', (text) => {
    expect(parseMarkdown(text)).toEqual(reference.parse(text))
  })

  it('builds the reference tree for 6,000 generated texts (fast-check, fixed seed)', () => {
    const alphabet = fc.constantFrom(...'aZ9 .:-\n\t*_[]()<>!&~|@#`\\=+1)wh/é🚀\u00a0'.split(''), 'www.', 'http://', '1. ', '  \n', 'Impact: ', '**Date**: ')
    const text = fc.array(alphabet, { maxLength: 30 }).map((parts) => parts.join(''))
    const plainish = fc
      .array(fc.constantFrom('word', 'Word', ' ', '\n', '42', '.', ':', ',', '-', 'é', '(x)'), { maxLength: 20 })
      .map((parts) => parts.join(''))
    const label = fc
      .array(fc.constantFrom('**', 'Date', 'é', '9', ' ', ':', '.', '*', '_', '\u00a0', '(x)', '🚀', 'x', '\t', '`', '\\'), { maxLength: 12 })
      .map((parts) => `**${parts.join('')}`)
    fc.assert(
      fc.property(fc.oneof(text, plainish, label), (t) => {
        expect(parseMarkdown(t)).toEqual(reference.parse(t))
      }),
      { seed: 20261123, numRuns: 6000 },
    )
    // A fixed amount of work, not a timed test: a loaded CI machine may take longer than the default 30 s.
  }, 180_000)

  it('builds the reference tree for 3,000 texts made of table, container and address pieces (fast-check, fixed seed)', () => {
    const piece = fc.constantFrom(...'a |-:>\n\r\t@._+~'.split(''), 'b.c', 'www.', 'http://', '[^1]', '[x]', '- ', '> ', '1. ', '|---|', ':-:')
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }).map((parts) => parts.join('')),
        (t) => {
          expect(parseMarkdown(t)).toEqual(reference.parse(t))
        },
      ),
      { seed: 20261130, numRuns: 3000 },
    )
  })
})

describe('renderGroups', () => {
  const fixtures = path.resolve(import.meta.dirname, 'fixtures')
  const inputs = readdirSync(fixtures)
    .map((name) => path.join(fixtures, name, 'input.md'))
    .filter((file) => existsSync(file))

  it.each(inputs.map((file) => [path.basename(path.dirname(file)), file]))('renders %s group by group as renderHtml does', (_, file) => {
    const nodes = parseMarkdown(readFileSync(file, 'utf8')).children
    // Nested groups, as sections nest: every run of three nodes, and every suffix from a multiple of four.
    const groups = [...nodes.map((_, i) => nodes.slice(i, i + 3)), ...nodes.map((_, i) => nodes.slice(i * 4)).filter((g) => g.length)]
    const ids = (html: string): string => html.replace(/ id="[^"]*"/g, '')
    expect(renderGroups(groups).map(ids)).toEqual(groups.map((g) => ids(renderHtml(g))))
  })

  it('resolves link and image references to the first definition of each label, wherever in the document it is', () => {
    const text = [
      '# Refs',
      '',
      'See [the log][log], [Log] and ![graph][g] or [missing][none].',
      '',
      '> [log]: https://example.com/first "First"',
      '',
      '- item with [g]',
      '',
      '  [G]: https://example.com/g.png',
      '',
      '[log]: https://example.com/second',
    ].join('\n')
    const nodes = parseMarkdown(text).children
    const [whole, opening] = renderGroups([nodes, nodes.slice(1, 2)])
    // A definition renders to nothing, so the closing one leaves its joining newline, as before.
    expect(whole).toBe(`${renderHtml(nodes)}\n`)
    expect(whole).toContain('href="https://example.com/first"')
    expect(whole).not.toContain('second')
    // A section resolves references to definitions elsewhere in the document.
    expect(opening).toContain('<a href="https://example.com/first" title="First">the log</a>')
    expect(opening).toContain('<img src="https://example.com/g.png" alt="graph">')
  })

  it('gives headings ids unique across the document, and sanitises each group', () => {
    const [plainA, plainB] = renderGroups(
      parseMarkdown('## Details\n\nOne\n\n## Details\n\n[link](javascript:alert(1))')
        .children.map((n) => [n])
        .filter((_, i) => i === 0 || i === 2),
    )
    expect(plainA).toBe('<h2 id="details">Details</h2>')
    expect(plainB).toBe('<h2 id="details-1">Details</h2>')
    expect(renderGroups([parseMarkdown('[link](javascript:alert(1)) and ![x](data:image/png;base64,AA)').children])).toEqual([
      '<p><a>link</a> and <img alt="x"></p>',
    ])
  })
})
