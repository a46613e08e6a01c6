import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const CLI = path.resolve('dist/cli.js')

function cli(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const GOOD = `---
title: Login outage
date: 2024-03-01
tags: [database]
---

# Login outage

## Summary

The login service was down for an hour.

## Timeline (UTC)

- 09:00 Alerts fired.
- 10:00 Service restored.
`

let root: string
const write = (rel: string, text: string | Uint8Array): void => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
  writeFileSync(path.join(root, rel), text)
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'hindsight-check-'))
  write('good/content/2024-03-01-login-outage.md', GOOD)
  write('good/content/team/2024-03-02-other.md', GOOD.replace('Login outage', 'Other outage').replace('2024-03-01', '2024-03-02'))
  write('broken/content/2024-03-01-ok.md', GOOD)
  write('broken/content/binary.md', new Uint8Array([0x23, 0x20, 0x00, 0x01, 0x02]))
  write('broken/content/a/same.md', GOOD)
  write('broken/content/b/same.md', GOOD)
  write('bad-yaml/content/unclosed.md', '---\ntitle: "unclosed\ndate: 2024-01-01\n---\n\n# Unclosed\n')
  write('outside/notes/extra.md', GOOD)
  write('broken/content/.draft.md', GOOD)
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('hindsight check', () => {
  it('exits 0 on good content and reports the summary', () => {
    const { code, stdout } = cli(path.join(root, 'good'), 'check')
    expect(stdout).toMatch(/^2 files, 0 errors, \d+ warnings?\n$/m)
    expect(code).toBe(0)
  })

  it('exits 1 on errors and prints each file relative to cwd, then line:column severity message rule-id', () => {
    const { code, stdout } = cli(path.join(root, 'broken'), 'check')
    expect(code).toBe(1)
    expect(stdout).toMatch(/^content\/binary\.md\n1:1 +error +File looks binary \(it contains NUL bytes\); save it as UTF-8 text +file-binary +hindsight$/m)
    expect(stdout).toMatch(/^content\/b\/same\.md\n(?:.*\n)*?1:1 +warning +Slug `same` is already used by a\/same\.md.* +slug-duplicate +hindsight$/m)
    expect(stdout).not.toContain('\u001b[')
    expect(stdout).toMatch(/^4 files, 1 error, \d+ warnings?$/m)
  })

  it('reports malformed YAML front matter as an error with its position', () => {
    const { code, stdout } = cli(path.join(root, 'bad-yaml'), 'check')
    expect(stdout).toMatch(/^\d+:\d+ +error .+ front-matter-invalid +hindsight$/m)
    expect(code).toBe(1)
  })

  it('checks only the files and folders given, still against the whole archive for slugs', () => {
    const broken = path.join(root, 'broken')
    const one = cli(broken, 'check', 'content/2024-03-01-ok.md')
    expect(one.stdout).toMatch(/^1 file, 0 errors/m)
    expect(one.code).toBe(0)
    const folder = cli(broken, 'check', 'content/b')
    expect(folder.stdout).toContain('slug-duplicate')
    expect(folder.stdout).toMatch(/^1 file, 0 errors, [1-9]\d* warnings?$/m)
    const hidden = cli(broken, 'check', 'content/.draft.md')
    expect(hidden.stdout).toMatch(/^1 file, 0 errors/m)
    const outside = cli(root, 'check', 'outside/notes')
    expect(outside.stdout).toMatch(/^1 file, 0 errors/m)
  })

  it("lists each file's diagnostics in source order", () => {
    const { stdout } = cli(path.resolve('.'), 'check', '--format', 'json', 'content')
    for (const { diagnostics } of JSON.parse(stdout) as Array<{ diagnostics: Array<{ line: number | null; column: number | null }> }>) {
      const keys = diagnostics.map((d) => (d.line ?? 0) * 1e6 + (d.column ?? 0))
      expect(keys).toEqual([...keys].sort((a, b) => a - b))
    }
  })

  it('--strict counts warnings as errors', () => {
    const { code, stdout } = cli(path.join(root, 'broken'), 'check', 'content/a', 'content/b', '--strict')
    expect(stdout).toMatch(/^2 files, [1-9]\d* errors?, 0 warnings$/m)
    expect(code).toBe(1)
  })

  it('--format json prints the array of {file, diagnostics}', () => {
    const { code, stdout } = cli(path.join(root, 'broken'), 'check', '--format', 'json')
    expect(code).toBe(1)
    const reports = JSON.parse(stdout) as Array<{ file: string; diagnostics: Array<{ severity: string; ruleId: string; line: number | null }> }>
    expect(reports.map((r) => r.file)).toEqual(['content/2024-03-01-ok.md', 'content/a/same.md', 'content/b/same.md', 'content/binary.md'])
    expect(reports[3]?.diagnostics).toEqual([expect.objectContaining({ severity: 'error', ruleId: 'file-binary', line: 1, column: 1 })])
  })

  it('--format github prints workflow commands', () => {
    const { code, stdout } = cli(path.join(root, 'broken'), 'check', '--format', 'github')
    expect(code).toBe(1)
    expect(stdout).toContain(
      '::error file=content/binary.md,line=1,col=1,title=file-binary::File looks binary (it contains NUL bytes); save it as UTF-8 text\n',
    )
    expect(stdout).toMatch(/^::warning file=content\/b\/same\.md,line=1,col=1,title=slug-duplicate::Slug `same`/m)
  })

  it('exits 2 with one line on usage errors', () => {
    const missing = cli(path.join(root, 'good'), 'check', 'nowhere')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toBe('hindsight check: no such file or folder: nowhere\n')
    const format = cli(path.join(root, 'good'), 'check', '--format', 'xml')
    expect(format.code).toBe(2)
    expect(format.stderr.trim().split('\n')).toHaveLength(1)
    const flag = cli(path.join(root, 'good'), 'check', '--nope')
    expect(flag.code).toBe(2)
    expect(flag.stderr.trim().split('\n')).toHaveLength(1)
  })
})
