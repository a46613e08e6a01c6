import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { byCodePoint } from '../src/compare.js'
import { escapeAttribute, escapeHtml, textOfHtml } from '../src/escape-html.js'
import { omitShown } from '../src/site/original.js'

const SRC = path.resolve('src')
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  )

/** Files of src/ (relative) whose text matches `pattern`. */
const filesMatching = (pattern: RegExp): string[] =>
  sources(SRC)
    .filter((f) => pattern.test(readFileSync(f, 'utf8')))
    .map((f) => path.relative(SRC, f).split(path.sep).join('/'))

describe('small helpers defined once', () => {
  it('byCodePoint orders by code unit, not by locale', () => {
    expect(['b', 'a', 'B', 'é', 'e'].sort(byCodePoint)).toEqual(['B', 'a', 'b', 'e', 'é'])
    expect(byCodePoint('x', 'x')).toBe(0)
  })

  it('escapeHtml escapes text, escapeAttribute quotes as well', () => {
    expect(escapeHtml(`<a href="x">&'</a>`)).toBe(`&lt;a href="x"&gt;&amp;'&lt;/a&gt;`)
    expect(escapeAttribute(`"'<&`)).toBe(`&quot;'&lt;&amp;`)
  })

  it('textOfHtml drops tags and decodes each character reference once, named and numeric', () => {
    expect(textOfHtml('<p>a &amp;lt; b &#x3C; c &#60; d &hellip;</p>')).toBe('a &lt; b < c < d …')
    expect(textOfHtml('<td>x</td><td>y</td>', ' ')).toBe(' x  y ')
  })

  it('the original text drops a title heading whose text has an escaped ampersand or a numeric reference', () => {
    const html = '<h1>Q&#x26;A: cache &amp;lt;miss&amp;gt;</h1>\n<p>Body.</p>'
    expect(omitShown(html, { title: 'Q&A: cache &lt;miss&gt;', sectionIds: [] })).not.toContain('<h1')
  })

  it('no module writes its own code-point comparator, HTML escaper or search folder name', () => {
    expect(filesMatching(/(\w+)(\.\w+)? < (\w+)\2 \? -1 : \1\2 > \3\2 \? 1 : 0/)).toEqual(['compare.ts'])
    expect(filesMatching(/replace\(\/&\/g, '&amp;'\)/)).toEqual(['escape-html.ts'])
    expect(filesMatching(/replace\(\/&amp;\/g/)).toEqual([])
    expect(filesMatching(/=\s*'pagefind'/)).toEqual(['constants.ts'])
  })
})
