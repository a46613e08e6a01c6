import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config.js'
import { RULE } from '../src/constants.js'
import { checkPaths } from '../src/report/check.js'
import { chartGaps } from '../src/report/chart-gaps.js'
import { makeRecord } from './helpers/record.js'

describe('chart gaps in check', () => {
  it('names a postmortem without a date or a duration, at its impact section', () => {
    const record = makeRecord({ sections: [{ key: 'impact', id: 'impact', heading: 'Impact', text: 'Slow.', html: '', line: 7 }] })
    expect(chartGaps(record).map((d) => [d.ruleId, d.severity, d.line, d.column])).toEqual([
      [RULE.noDate, 'info', 1, 1],
      [RULE.noDuration, 'info', 7, 1],
    ])
  })

  it('does not repeat a date warning the normalizer already gave, and says nothing for a chartable record', () => {
    const warned = makeRecord({ durationMinutes: 30, diagnostics: [{ severity: 'warning', message: 'x', line: 3, column: 1, ruleId: RULE.noDate }] })
    expect(chartGaps(warned)).toEqual([])
    expect(chartGaps(makeRecord({ date: '2024-01-01', durationMinutes: 30 }))).toEqual([])
  })

  const root = mkdtempSync(path.join(tmpdir(), 'hindsight-gaps-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('reports them from `check` with file, line and column', async () => {
    mkdirSync(path.join(root, 'content'))
    writeFileSync(
      path.join(root, 'content', 'slow.md'),
      '---\ntitle: Slow pages\ndate: 2024-02-01\n---\n# Slow pages\n\n## Impact\n\nPages were slow for a while.\n',
    )
    const config = loadConfig(root, { contentDir: path.join(root, 'content'), outDir: path.join(root, 'site') })
    const [report] = await checkPaths(config, [], root)
    expect(report!.file).toBe('content/slow.md')
    expect(report!.diagnostics.filter((d) => d.ruleId === RULE.noDuration).map((d) => [d.line, d.column])).toEqual([[7, 1]])
  })
})
