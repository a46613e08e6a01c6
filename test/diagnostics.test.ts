import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { MESSAGE_SOURCE, RULE } from '../src/constants.js'
import { collectDiagnostics, problem, report } from '../src/normalize/diagnostics.js'

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : []
  })

describe('one way to report a content problem', () => {
  it('report puts a message with the rule id and source on the file; severity decides `fatal`', () => {
    const file = new VFile()
    report(file, 'error', 'broken', { line: 2, column: 3 }, RULE.fileBinary)
    report(file, 'warning', 'odd', null, RULE.noTitle)
    report(file, 'info', 'fyi', { line: 4, column: 1 }, RULE.timelineNoTime)
    expect(file.messages.map((m) => [m.fatal, m.ruleId, m.source, m.line])).toEqual([
      [true, 'file-binary', MESSAGE_SOURCE, 2],
      [false, 'no-title', MESSAGE_SOURCE, undefined],
      [undefined, 'timeline-no-time', MESSAGE_SOURCE, 4],
    ])
    expect(collectDiagnostics(file).map((d) => d.severity)).toEqual(['error', 'warning', 'info'])
  })

  it('problem gives the diagnostic report would, on the first line unless placed', () => {
    expect(problem('warning', 'Slug taken', RULE.slugDuplicate)).toEqual({
      severity: 'warning',
      message: 'Slug taken',
      line: 1,
      column: 1,
      ruleId: 'slug-duplicate',
    })
    expect(problem('info', 'Draft', RULE.draftUnpublished, { line: 7, column: 2 })).toMatchObject({ line: 7, column: 2, severity: 'info' })
    expect(problem('error', 'Build failed', RULE.buildFailed, null)).toMatchObject({ line: null, column: null })
  })

  it('no module outside diagnostics.ts builds a diagnostic or a vfile message by hand, and rule ids come from RULE', () => {
    const offenders: string[] = []
    for (const file of sources(path.resolve('src'))) {
      const rel = path.relative(path.resolve('src'), file).split(path.sep).join('/')
      const text = readFileSync(file, 'utf8')
      if (rel === 'normalize/diagnostics.ts' || rel === 'constants.ts') continue
      // The check report's own printing (vfile-reporter needs vfiles) is the one reader allowed to make messages.
      if (rel !== 'report/format.ts' && /\.(?:message|info|fail)\([^)]*ruleId/.test(text)) offenders.push(`${rel}: vfile message`)
      if (/ruleId:\s*(?:RULE\.|'|")/.test(text)) offenders.push(`${rel}: literal diagnostic`)
      if (/ruleId\s*===?\s*['"]/.test(text)) offenders.push(`${rel}: rule id as a string`)
    }
    expect(offenders).toEqual([])
  })
})
