import { describe, expect, it } from 'vitest'
import type { RootContent } from 'mdast'
import { parseMarkdown } from '../src/markdown/parse.js'
import { mostlyTimed } from '../src/normalize/timeline/timeline-source.js'

const first = (markdown: string): RootContent => parseMarkdown(markdown).children[0]!

/** The share the early-stopping count must agree with: every line read, then divided. */
function share(lines: string[], timed: (line: string) => boolean): boolean {
  return lines.filter(timed).length / lines.length >= 0.6
}

describe('mostlyTimed', () => {
  it('needs 60 % of list items to open with a stamp, counting exactly at the boundary', () => {
    const items = (timed: number, plain: number) =>
      [...Array.from({ length: timed }, (_, i) => `- 10:${String(10 + i)} step ${i}`), ...Array.from({ length: plain }, (_, i) => `- note ${i}`)].join('\n')
    for (let timed = 0; timed <= 6; timed++)
      for (let plain = 0; plain <= 6; plain++) {
        if (timed + plain === 0) continue
        if (timed + plain < 3) {
          expect(mostlyTimed(first(items(timed, plain)))).toBe(false)
          continue
        }
        const expected = share([...Array(timed).fill('t'), ...Array(plain).fill('p')], (l) => l === 't')
        expect(mostlyTimed(first(items(timed, plain))), `${timed} timed, ${plain} not`).toBe(expected)
        // The order of the lines does not change the answer.
        const reversed = items(timed, plain).split('\n').reverse().join('\n')
        expect(mostlyTimed(first(reversed)), `${timed} timed, ${plain} not, reversed`).toBe(expected)
      }
  })

  it('reads a table without its header row and a paragraph line by line', () => {
    expect(mostlyTimed(first('| Time | Event |\n| --- | --- |\n| 10:00 | a |\n| 10:05 | b |\n| 10:10 | c |'))).toBe(true)
    expect(mostlyTimed(first('| Time | Event |\n| --- | --- |\n| 10:00 | a |\n| 10:05 | b |'))).toBe(false)
    expect(mostlyTimed(first('10:00 a\n10:05 b\nthen c'))).toBe(true)
    expect(mostlyTimed(first('10:00 a\nthen b\nthen c'))).toBe(false)
    expect(mostlyTimed(first('# 10:00 heading'))).toBe(false)
  })
})
