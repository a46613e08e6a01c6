import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Ajv } from 'ajv'
import matter from 'gray-matter'
import { afterAll, describe, expect, test } from 'vitest'
import { renderNewPostmortem } from '../src/commands/new.js'
import { loadConfig } from '../src/config.js'
import { loadDocument } from '../src/document.js'
import { KNOWN_KEYS } from '../src/normalize/front-matter/front-matter.js'

const REPO = path.resolve(import.meta.dirname, '..')
const schema = JSON.parse(readFileSync(path.join(REPO, 'schema/front-matter.schema.json'), 'utf8')) as { properties: Record<string, { description?: string }> }
const docs = readFileSync(path.join(REPO, 'docs/front-matter.md'), 'utf8')
const roots: string[] = []
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })))

/** Keys named in the first column of the "Keys Hindsight reads" table. */
const tableKeys = (): string[] => {
  const table = docs.split('## Keys Hindsight reads')[1]!.split('\n## ')[0]!
  return table
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .flatMap((l) => [...l.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!))
}
const unusedKeys = (): string[] =>
  [
    ...docs
      .split('## Keys accepted but not used')[1]!
      .split('\n## ')[0]!
      .split('\n\n')[1]!
      .matchAll(/`([^`]+)`/g),
  ].map((m) => m[1]!)

describe('front-matter documentation and schema', () => {
  test('every accepted key is in the docs (read, or accepted but not used: never both) and in the schema, and the schema knows no other key', () => {
    const read = tableKeys()
    const unused = unusedKeys()
    for (const key of ['detected', 'mitigated', 'resolved', 'severity', 'authors', 'draft', 'aliases', 'redirect_from', 'published', 'title', 'date'])
      expect(read).toContain(key)
    expect([...read, ...unused].sort()).toEqual([...KNOWN_KEYS].sort())
    expect(read.filter((k) => unused.includes(k))).toEqual([])
    expect(Object.keys(schema.properties).sort()).toEqual([...KNOWN_KEYS].sort())
    for (const key of unused) expect(schema.properties[key]!.description, key).toMatch(/not used/)
    for (const key of read) expect(schema.properties[key]!.description, key).not.toMatch(/not used/)
  })

  test('the package ships the schema (package.json `files`)', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { files: string[] }
    expect(pkg.files).toContain('schema')
  })
})

describe('hindsight new', () => {
  const project = () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'hindsight-new-fm-'))
    roots.push(root)
    return loadConfig(root, { templatesDir: path.join(root, 'templates') })
  }

  test('points editors at the schema, and its front matter validates against it', async () => {
    const config = project()
    const { text } = await renderNewPostmortem(config, { title: 'Queue backlog', date: '2024-05-01', severity: 'SEV-2', site: 'payments', tags: 'queue' })
    const line = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text)
    expect(line).not.toBeNull()
    expect(existsSync(path.resolve(config.contentDir, line![1]!))).toBe(true)
    // As an editor sees it: YAML dates as the strings they are written as.
    const data = JSON.parse(JSON.stringify(matter(text).data)) as Record<string, unknown>
    const validate = new Ajv({ strict: false, allowUnionTypes: true }).compile(schema)
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true)
    expect(Object.keys(data)).toEqual(expect.arrayContaining(['draft', 'status', 'severity', 'detected', 'mitigated', 'resolved', 'aliases']))
  })

  test('follows the SRE/PagerDuty shape and reads back: a draft, the action-items table with kind, owner and link, the impact window', async () => {
    const config = project()
    const { text } = await renderNewPostmortem(config, { title: 'Queue backlog', date: '2024-05-01', severity: 'SEV-2' })
    expect(text.split('\n').filter((l) => l.startsWith('## '))).toEqual([
      '## Summary',
      '## Impact',
      '## Timeline (UTC)',
      '## Root Cause',
      '## Trigger',
      '## Detection',
      '## Resolution',
      '## Action Items',
      '## Lessons Learned',
      '## Supporting Information',
    ])
    expect(text).toMatch(/^\| Action item \| Kind \| Owner \| Link \|$/m)
    const filled = text
      .replace(/^detected:$/m, 'detected: "09:05"')
      .replace(/^mitigated:$/m, 'mitigated: "09:40"')
      .replace(/^resolved:$/m, 'resolved: "10:30"')
    const record = loadDocument('2024-05-01-queue-backlog.md', Buffer.from(filled), config).document!.record
    expect(record.draft).toBe(true)
    expect(record.severity).toBe('SEV-2')
    expect(record.date).toBe('2024-05-01')
    // Kinds and owners as the action-items stage normalizes them.
    expect(record.actionItems.map((a) => [a.kind, a.owner])).toEqual([
      ['prevention', 'name'],
      ['detection', 'name'],
    ])
    expect([record.metrics.detected, record.metrics.mitigated, record.metrics.resolved].map((p) => p && [p.at.slice(11, 16), p.inferred])).toEqual([
      ['09:05', false],
      ['09:40', false],
      ['10:30', false],
    ])
    expect(record.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.message)).toEqual([])
  })
})
