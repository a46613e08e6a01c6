import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'

/** Fixture folders of bad inputs (`test/fixtures/bad-*`). */
export const BAD_FIXTURES = path.join(import.meta.dirname, '..', 'fixtures')

/** Every bad-input fixture: case name, input file name and its bytes. */
export function badFixtures(): Array<{ name: string; file: string; bytes: Buffer }> {
  return readdirSync(BAD_FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name.startsWith('bad-'))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const file = readdirSync(path.join(BAD_FIXTURES, name)).find((f) => f.startsWith('input.')) as string
      return { name, file, bytes: readFileSync(path.join(BAD_FIXTURES, name, file)) }
    })
}

/** A well-formed postmortem used as the body of generated inputs. */
export const GOOD_POSTMORTEM = `---
title: Cache cluster outage
date: 2024-03-04
tags: [cache]
---

# Cache cluster outage

## Summary

The cache cluster dropped every connection for 40 minutes.

## Timeline (UTC)

- 2024-03-04 10:00 Alerts fired for cache latency
- 10:40 Cache cluster restarted; service restored
`

/**
 * About `bytes` of postmortem: a title, a 200-entry timeline, then a pasted log in a fenced block (how real
 * postmortems reach megabytes). List-heavy Markdown of that size parses at tens of seconds per MB here.
 */
export function largePostmortem(bytes: number): string {
  const entries = Array.from(
    { length: 200 },
    (_, i) =>
      `- ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} Replica ${i} reported lag; the on-call engineer **restarted** it.\n`,
  )
  const head = `# Very long incident log\n\nDate: 2024-03-04\n\n## Timeline (UTC)\n\n${entries.join('')}\n## Logs\n\n\`\`\`text\n`
  const line = '2024-03-04T10:00:00Z replica-7 lag=1200ms state=degraded retry=3 note="restarted by on-call"\n'
  return `${head}${line.repeat(Math.ceil((bytes - head.length) / line.length))}\`\`\`\n`
}

/** Lists nested `depth` levels deep, in the forms an input can take within the size limit. */
export const deepNesting = {
  /** `- - - ... x`: every marker opens a list inside the previous item. */
  listOneLine: (depth: number): string => `# Deep list\n\n${'- '.repeat(depth)}x\n`,
  /** `> > > ... x`: block quotes inside block quotes. */
  quoteOneLine: (depth: number): string => `# Deep quote\n\n${'> '.repeat(depth)}x\n`,
  /** One item per line, each indented two columns more than the one before. */
  listIndented: (depth: number): string =>
    `# Deep indented list\n\n${Array.from({ length: depth }, (_, i) => `${' '.repeat(2 * i)}- level ${i + 1}`).join('\n')}\n`,
  /** Inline HTML elements inside each other. */
  spans: (depth: number): string => `# Deep HTML\n\nx ${'<span>'.repeat(depth)}deepest${'</span>'.repeat(depth)}\n`,
}
