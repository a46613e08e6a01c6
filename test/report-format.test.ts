import { describe, expect, it } from 'vitest'
import {
  countDiagnostics,
  inSourceOrder,
  escapeData,
  escapeProperty,
  formatGithub,
  formatGitlab,
  formatJson,
  formatReport,
  formatSummary,
  formatText,
  type FileDiagnostics,
} from '../src/report/format.js'
import type { Diagnostic } from '../src/types.js'

const d = (
  severity: Diagnostic['severity'],
  message: string,
  line: number | null = 3,
  column: number | null = 5,
  ruleId = 'front-matter-unknown-key',
): Diagnostic => ({ severity, message, line, column, ruleId })

const reports: FileDiagnostics[] = [
  {
    file: 'content/a.md',
    diagnostics: [d('warning', 'Unknown key `tagz`; did you mean `tags`?'), d('error', 'Cannot parse front matter', 1, 1, 'front-matter-invalid')],
  },
  { file: 'content/b.md', diagnostics: [] },
  { file: 'content/c.md', diagnostics: [d('warning', 'Whole-file problem', null, null, 'file-encoding')] },
]

describe('text report', () => {
  it('prints each file with problems under its path (vfile-reporter), in source order, then the summary', () => {
    expect(formatText(reports)).toBe(
      [
        'content/a.md',
        '1:1 error   Cannot parse front matter                front-matter-invalid     hindsight',
        '3:5 warning Unknown key `tagz`; did you mean `tags`? front-matter-unknown-key hindsight',
        '',
        'content/c.md',
        '    warning Whole-file problem                       file-encoding            hindsight',
        '',
        '3 files, 1 error, 2 warnings',
        '',
      ].join('\n'),
    )
  })

  it('prints only the summary when no file has a problem, and marks warnings as errors when strict', () => {
    expect(formatText([{ file: 'content/b.md', diagnostics: [] }])).toBe('1 file, 0 errors, 0 warnings\n')
    expect(formatText(reports, true)).toMatch(/^3:5 error +Unknown key/m)
    expect(formatText(reports, true)).toMatch(/\n3 files, 3 errors, 0 warnings\n$/)
  })

  it('colours only when asked (a terminal)', () => {
    expect(formatText(reports)).not.toContain('\u001b[')
    expect(formatText(reports, false, { color: true })).toContain('\u001b[')
  })

  it('counts warnings as errors when strict', () => {
    expect(countDiagnostics(reports, true)).toEqual({ errors: 3, warnings: 0 })
    expect(formatSummary(reports, true)).toBe('3 files, 3 errors, 0 warnings')
    expect(formatSummary([])).toBe('0 files, 0 errors, 0 warnings')
  })
})

describe('inSourceOrder', () => {
  it('sorts by line then column, whole-file diagnostics first, without touching the input', () => {
    const input = [d('info', 'c', 15, 1), d('warning', 'b', 8, 4), d('error', 'a', null, null), d('warning', 'b0', 8, 1)]
    expect(inSourceOrder(input).map((x) => x.message)).toEqual(['a', 'b0', 'b', 'c'])
    expect(input[0]?.message).toBe('c')
  })
})

describe('json report', () => {
  it('is the array of {file, diagnostics}, clean files included', () => {
    const parsed = JSON.parse(formatJson(reports)) as FileDiagnostics[]
    expect(parsed.map((r) => r.file)).toEqual(['content/a.md', 'content/b.md', 'content/c.md'])
    expect(parsed[0]?.diagnostics[1]).toEqual(d('error', 'Cannot parse front matter', 1, 1, 'front-matter-invalid'))
  })
})

describe('github annotations', () => {
  it('escapes %, CR and LF in messages', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext')
  })

  it('escapes : and , in properties as well', () => {
    expect(escapeProperty('dir,with:colon%\n.md')).toBe('dir%2Cwith%3Acolon%25%0A.md')
  })

  it('prints one workflow command per diagnostic with file, line, col and the rule as title', () => {
    const out = formatGithub([
      { file: 'content/a,b:c.md', diagnostics: [d('warning', 'Line one\nline two: 50%')] },
      { file: 'content/x.md', diagnostics: [d('info', 'note', null, null, 'zone-missing'), d('error', 'bad', 2, 1, 'date-invalid')] },
    ]).split('\n')
    expect(out[0]).toBe('::warning file=content/a%2Cb%3Ac.md,line=3,col=5,title=front-matter-unknown-key::Line one%0Aline two: 50%25')
    expect(out[1]).toBe('::notice file=content/x.md,title=zone-missing::note')
    expect(out[2]).toBe('::error file=content/x.md,line=2,col=1,title=date-invalid::bad')
    expect(out[3]).toBe('2 files, 1 error, 1 warning')
  })

  it('turns warnings into errors when strict', () => {
    expect(formatGithub([{ file: 'a.md', diagnostics: [d('warning', 'w')] }], true)).toMatch(/^::error file=a\.md,/)
  })
})

describe('gitlab report (Code Climate JSON for GitLab Code Quality)', () => {
  it('has one issue per diagnostic with the fields GitLab requires, severities mapped, whole-file problems on line 1', () => {
    const issues = JSON.parse(formatGitlab(reports)) as Array<Record<string, unknown>>
    expect(issues).toHaveLength(3)
    for (const issue of issues) {
      expect(Object.keys(issue)).toEqual(expect.arrayContaining(['description', 'check_name', 'fingerprint', 'severity', 'location']))
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{32}$/)
    }
    expect(issues.map((i) => [i.check_name, i.severity, i.location])).toEqual([
      ['front-matter-unknown-key', 'minor', { path: 'content/a.md', lines: { begin: 3 } }],
      ['front-matter-invalid', 'major', { path: 'content/a.md', lines: { begin: 1 } }],
      ['file-encoding', 'minor', { path: 'content/c.md', lines: { begin: 1 } }],
    ])
    expect(issues[0]!.description).toBe('Unknown key `tagz`; did you mean `tags`?')
    expect(JSON.parse(formatGitlab([]))).toEqual([])
    expect(JSON.parse(formatReport('gitlab', reports))).toEqual(issues)
  })

  it('keeps a fingerprint when the problem moves to another line, and tells repeats and files apart', () => {
    const at = (line: number, file = 'content/a.md'): FileDiagnostics[] => [{ file, diagnostics: [d('warning', 'Same', line)] }]
    const fingerprint = (r: FileDiagnostics[]): unknown => (JSON.parse(formatGitlab(r)) as Array<{ fingerprint: string }>)[0]!.fingerprint
    expect(fingerprint(at(3))).toBe(fingerprint(at(9)))
    expect(fingerprint(at(3))).not.toBe(fingerprint(at(3, 'content/b.md')))
    const twice = JSON.parse(formatGitlab([{ file: 'content/a.md', diagnostics: [d('warning', 'Same', 3), d('warning', 'Same', 7)] }])) as Array<{
      fingerprint: string
    }>
    expect(new Set(twice.map((i) => i.fingerprint)).size).toBe(2)
  })

  it('counts warnings as major with --strict', () => {
    expect((JSON.parse(formatGitlab(reports, true)) as Array<{ severity: string }>).map((i) => i.severity)).toEqual(['major', 'major', 'major'])
  })
})
