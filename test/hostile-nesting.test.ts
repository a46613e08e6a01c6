/**
 * The nesting guard that runs before Markdown parsing: deep lists and quotes are cut at 32 markers, indentation at
 * 100 columns, the rest of the line kept as text; ordinary documents pass through untouched.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { RULE } from '../src/constants.js'
import { parseMarkdown } from '../src/markdown/parse.js'
import { limitNesting, MAX_INDENT_COLUMNS, MAX_NESTING } from '../src/security/nesting.js'

function depth(markdown: string): number {
  let max = 0
  const walk = (node: { type: string; children?: unknown[] }, d: number): void => {
    const here = node.type === 'list' || node.type === 'blockquote' ? d + 1 : d
    max = Math.max(max, here)
    for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] }, here)
  }
  walk(parseMarkdown(markdown), 0)
  return max
}

function docs(dir: string): Array<[string, string]> {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => [f, readFileSync(path.join(dir, f), 'utf8')])
}

describe('limitNesting', () => {
  it('leaves lines within the limits alone', () => {
    const text = `${'- '.repeat(MAX_NESTING)}x\n${'>'.repeat(MAX_NESTING)} y\n${' '.repeat(MAX_INDENT_COLUMNS)}z\n`
    expect(limitNesting(text)).toEqual({ text, diagnostics: [] })
  })

  it('escapes the first marker past the limit, so the rest reads as text', () => {
    for (const [marker, escaped] of [
      ['- ', '\\- '],
      ['* ', '\\* '],
      ['+ ', '\\+ '],
      ['> ', '\\> '],
      ['1. ', '1\\. '],
      ['2) ', '2\\) '],
    ] as const) {
      const line = `${marker.repeat(MAX_NESTING + 5)}deep`
      const { text, diagnostics } = limitNesting(`# T\n\n${line}`)
      expect(text).toBe(`# T\n\n${marker.repeat(MAX_NESTING)}${escaped}${marker.repeat(4)}deep`)
      expect(depth(text)).toBeLessThanOrEqual(MAX_NESTING)
      expect(diagnostics).toEqual([
        expect.objectContaining({ severity: 'warning', ruleId: RULE.nestingTooDeep, line: 3, column: MAX_NESTING * marker.length + 1 }),
      ])
    }
  })

  it('cuts indentation past the column limit (spaces and tabs) and counts the lines it changed', () => {
    const { text, diagnostics } = limitNesting(`a\n${' '.repeat(150)}- x\n${'\t'.repeat(40)}y\n`)
    expect(text).toBe(`a\n${' '.repeat(MAX_INDENT_COLUMNS)}- x\n${'\t'.repeat(MAX_INDENT_COLUMNS / 4)}y\n`)
    expect(diagnostics).toEqual([expect.objectContaining({ line: 2, column: MAX_INDENT_COLUMNS + 1 })])
    expect(diagnostics[0]!.message).toContain('and 1 more lines')
  })

  it('keeps thematic breaks made of many markers', () => {
    const text = `a\n\n${'- '.repeat(60)}\n\n${'* '.repeat(60)}\n`
    expect(limitNesting(text).text).toBe(text)
  })

  it('changes none of the seeds or corpus postmortems', () => {
    const all = [...docs(path.resolve(import.meta.dirname, '..', 'content')), ...docs(path.resolve(import.meta.dirname, '..', '..', 'shared', 'corpus'))]
    expect(all.length).toBeGreaterThanOrEqual(5)
    for (const [name, text] of all) expect(limitNesting(text).diagnostics, name).toEqual([])
  })
})
