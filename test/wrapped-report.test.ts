import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { readMdx, unwrapFence } from '../src/normalize/structure/wrapped-report.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }

describe('a report inside a fence', () => {
  const report =
    '# Disk full on 2024-05-01\n\n## Summary\n\nThe disk filled up on the database host and writes failed for twenty minutes.\n\n## Action items\n\n- Add an alert\n'
  it('is unwrapped, closed or not, with an info and the chat text dropped', () => {
    for (const text of [
      `Sure! Here is the postmortem:\n\n\`\`\`markdown\n${report}\`\`\`\n\nLet me know if you need changes.\n`,
      `Here it is:\n\`\`\`md\n${report}`,
    ]) {
      const { record } = normalizeDocument('f.md', text, options)
      expect(record.title).toBe('Disk full on 2024-05-01')
      expect(record.summary).toBe('The disk filled up on the database host and writes failed for twenty minutes.')
      expect(record.actionItems.map((i) => i.text)).toEqual(['Add an alert'])
      expect(record.diagnostics.filter((d) => d.ruleId === 'report-fence-unwrapped').map((d) => [d.severity, d.line])).toEqual([
        ['info', text.split('\n').findIndex((l) => l.startsWith('```')) + 1],
      ])
    }
  })

  it('leaves a document alone when the fence is one example among prose, or shell with comments', () => {
    expect(unwrapFence(`# Title\n\n\`\`\`markdown\n## Example\n\`\`\`\n`)).toBeNull()
    expect(unwrapFence('Intro\n\n```markdown\n## Example\n```\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n')).toBeNull()
    expect(unwrapFence('```\n# restart nginx\nsudo service nginx restart\n```\n')).toBeNull()
  })
})

describe('MDX', () => {
  it('reads title, date and authors from `export const meta` with an info, and never shows import/export lines', () => {
    const text =
      "import Chart from './chart'\nexport const meta = {\n  title: 'Queue backlog',\n  date: \"2023-09-14\",\n  authors: ['Ana', 'Jo'],\n}\n\n## Summary\n\nThe queue backed up for an hour because the consumers stalled on a poisoned message.\n"
    const { record } = normalizeDocument('m.md', text, options)
    expect([record.title, record.date, record.authors, record.summary]).toEqual([
      'Queue backlog',
      '2023-09-14',
      ['Ana', 'Jo'],
      'The queue backed up for an hour because the consumers stalled on a poisoned message.',
    ])
    expect(record.diagnostics.map((d) => [d.ruleId, d.severity, d.line])).toContainEqual(['mdx-meta', 'info', 2])
    expect(record.sections.map((s) => s.text).join(' ')).not.toContain('import')
  })

  it('keeps import lines inside code fences and does nothing to documents without MDX', () => {
    expect(readMdx('# T\n\n```js\nimport x from "y"\n```\n')).toBeNull()
    expect(readMdx('# T\n\nWe export data nightly.\n')).toBeNull()
  })

  it('never takes prose that wraps onto a line starting with "export" or "import" for a module line', () => {
    const text =
      '# Nightly jobs\n\n## Timeline\n\n- 10:00 The nightly\nexport jobs failed and at 11:30 UTC they recovered.\n- 11:45 import of the backlog (\n  all queues\n) finished\n'
    expect(readMdx(text)).toBeNull()
    const { record } = normalizeDocument('n.md', text, options)
    expect(record.sections.map((s) => s.text).join(' ')).toContain('export jobs failed')
    expect(record.diagnostics.map((d) => d.ruleId)).not.toContain('mdx-meta')
    // Real module lines are still blanked, multi-line imports included.
    expect(readMdx("import {\n  Chart,\n} from './chart'\nexport default function Layout() {}\n\n# T\n")?.body.trim()).toBe('# T')
  })
})
