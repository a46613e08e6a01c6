import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import matter from 'gray-matter'
import { loadConfig } from '../src/config.js'
import { loadDocument } from '../src/document.js'

const CLI = path.resolve('dist/cli.js')
const cli = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' })

const dirs: string[] = []
const project = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-new-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('hindsight new', () => {
  it('writes content/<date>-<slug>.md with front matter and the canonical sections, and prints its path', () => {
    const dir = project()
    const result = cli(dir, 'new', 'Database: locked, 100% down', '--site', 'obs', '--tags', 'database, deploy', '--date', '2024-02-03')
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toBe('content/2024-02-03-database-locked-100-down.md\n')
    const text = readFileSync(path.join(dir, 'content/2024-02-03-database-locked-100-down.md'), 'utf8')
    const { data, content } = matter(text)
    expect(data).toMatchObject({ title: 'Database: locked, 100% down', site: 'obs', tags: ['database', 'deploy'], authors: [], timezone: 'UTC' })
    expect(Object.keys(data)).toEqual([
      'title',
      'date',
      'draft',
      'status',
      'severity',
      'site',
      'tags',
      'authors',
      'timezone',
      'detected',
      'mitigated',
      'resolved',
      'aliases',
    ])
    const headings = content.split('\n').filter((line) => line.startsWith('#'))
    expect(headings).toEqual([
      '# Database: locked, 100% down',
      '## Summary',
      '## Impact',
      '## Timeline (UTC)',
      '## Root Cause',
      '## Trigger',
      '## Detection',
      '## Resolution',
      '## Action Items',
      '## Lessons Learned',
      '### What went well',
      '### What went wrong',
      '### Where we got lucky',
      '## Supporting Information',
    ])
    expect(content).toMatch(/^- \d\d:\d\d \S/m)
  })

  it('uses the configured default zone and today as the date', () => {
    const dir = project()
    writeFileSync(path.join(dir, 'hindsight.config.json'), JSON.stringify({ defaultTimezone: 'Europe/Berlin' }))
    const before = new Date().toLocaleDateString('sv')
    const result = cli(dir, 'new', 'Quiet night')
    const after = new Date().toLocaleDateString('sv')
    const written = result.stdout.trim()
    expect([`content/${before}-quiet-night.md`, `content/${after}-quiet-night.md`]).toContain(written)
    const text = readFileSync(path.join(dir, written), 'utf8')
    expect(text).toContain('timezone: "Europe/Berlin"')
    expect(text).toContain('## Timeline (Europe/Berlin)')
  })

  it('refuses to overwrite an existing file (exit 1, file untouched)', () => {
    const dir = project()
    expect(cli(dir, 'new', 'Same', '--date', '2024-01-01').status).toBe(0)
    const file = path.join(dir, 'content/2024-01-01-same.md')
    writeFileSync(file, 'mine')
    const again = cli(dir, 'new', 'Same', '--date', '2024-01-01')
    expect(again.status).toBe(1)
    expect(again.stderr).toBe('content/2024-01-01-same.md already exists; not overwritten. Choose another title or --date.\n')
    expect(readFileSync(file, 'utf8')).toBe('mine')
  })

  it('rejects a bad date or a missing title with a usage error (exit 2)', () => {
    const dir = project()
    const date = cli(dir, 'new', 'X', '--date', '2024-02-30')
    expect(date.status).toBe(2)
    expect(date.stderr).toBe('hindsight new: --date must be a calendar date as YYYY-MM-DD, not `2024-02-30`\n')
    expect(cli(dir, 'new').status).toBe(2)
    expect(existsSync(path.join(dir, 'content'))).toBe(false)
  })

  it('keeps front-matter values that look like YAML syntax as plain strings', () => {
    const dir = project()
    const result = cli(dir, 'new', '"quoted" #hash [x]: {y}', '--site', 'a: b', '--date', '2024-05-05')
    expect(result.status).toBe(0)
    const { data } = matter(readFileSync(path.join(dir, result.stdout.trim()), 'utf8'))
    expect(data.title).toBe('"quoted" #hash [x]: {y}')
    expect(data.site).toBe('a: b')
  })

  it('writes postmortems that pass check with no warnings, with and without options', () => {
    const dir = project()
    expect(cli(dir, 'new', 'Checked outage', '--site', 'obs', '--tags', 'database', '--date', '2024-03-04').status).toBe(0)
    expect(cli(dir, 'new', 'Bare outage').status).toBe(0)
    const check = cli(dir, 'check', '--strict')
    // A new postmortem starts as a draft under review: check says so (an info), and finds nothing else.
    const lines = check.stdout.trim().split('\n')
    expect(lines.at(-1)).toBe('2 files, 0 errors, 0 warnings')
    // The text report lists each file under its path, then `line:column severity message rule-id hindsight`.
    const other = (line: string): boolean =>
      line.trim() !== '' && !/^content\/\S+\.md$/.test(line) && !/^\d+:\d+ +info .* draft-unpublished +hindsight$/.test(line.trim())
    expect(lines.slice(0, -1).filter(other)).toEqual([])
    expect(lines.some((line) => /draft-unpublished/.test(line))).toBe(true)
    expect(check.status).toBe(0)
  })

  it('demonstrates conventions the normalizer reads: timed entry, an action-items table with kind and owner, the three lessons', () => {
    const dir = project()
    const made = cli(dir, 'new', 'Conventions', '--date', '2024-03-04', '--site', 'obs', '--tags', 'dns')
    const source = made.stdout.trim().replace(/^content\//, '')
    const { document } = loadDocument(source, readFileSync(path.join(dir, 'content', source)), loadConfig(dir))
    const record = document!.record
    expect(record).toMatchObject({ title: 'Conventions', date: '2024-03-04', timezone: 'UTC', tags: ['dns'], site: ['obs'], diagnostics: [] })
    expect(record.timeline).toEqual([expect.objectContaining({ date: '2024-03-04', time: '09:00', at: '2024-03-04T09:00:00+00:00' })])
    expect(record.actionItems).toEqual([
      expect.objectContaining({ kind: 'prevention', owner: 'name' }),
      expect.objectContaining({ kind: 'detection', owner: 'name' }),
    ])
    expect(record.lessons.wentWell).toHaveLength(1)
    expect(record.lessons.wentWrong).toHaveLength(1)
    expect(record.lessons.gotLucky).toHaveLength(1)
    expect(record.sections.map((s) => s.key).filter(Boolean)).toEqual(
      expect.arrayContaining(['summary', 'impact', 'timeline', 'rootCause', 'trigger', 'detection', 'resolution', 'actionItems', 'lessonsLearned']),
    )
  })
})
