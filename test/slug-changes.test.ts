import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { build } from '../src/build.js'
import { loadConfig } from '../src/config.js'
import { checkPaths } from '../src/report/check.js'
import { slugChanges, type CurrentPostmortem } from '../src/report/slug-changes.js'

const REPO = path.resolve(import.meta.dirname, '..')
const roots: string[] = []
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })))

const now = (source: string, slug: string, hash: string | null = null, aliases: string[] = []): CurrentPostmortem => ({ source, slug, hash, aliases })
const previous = {
  slugs: new Map([
    ['a.md', 'a'],
    ['2024-05-01-db-down.md', '2024-05-01-db-down'],
    ['old-name.md', 'old-name'],
    ['x/2024-01-01-one.md', 'one'],
    ['x/2024-01-01-two.md', 'two'],
  ]),
  hashes: new Map([
    ['old-name.md', 'h-old'],
    ['2024-05-01-db-down.md', 'h-db'],
  ]),
}
const offered = (current: CurrentPostmortem[]): string[] =>
  slugChanges(previous, current).map((p) => `${p.source}: ${/from \/([^/]+)\//.exec(p.diagnostic.message)![1]}`)

describe('slug changes since the last build', () => {
  test('a slug edit, a pure rename, and a rename after a title edit (same folder and date prefix) offer the old slug', () => {
    expect(
      offered([now('a.md', 'a-new'), now('renamed.md', 'renamed', 'h-old'), now('2024-05-01-database-down.md', '2024-05-01-database-down', 'h-edited')]),
    ).toEqual(['a.md: a', 'renamed.md: old-name', '2024-05-01-database-down.md: 2024-05-01-db-down'])
    const [first] = slugChanges(previous, [now('a.md', 'a-new')])
    expect(first!.diagnostic).toMatchObject({ severity: 'info', ruleId: 'slug-changed' })
    expect(first!.diagnostic.message).toContain('aliases: [/a/]')
  })

  test("nothing is offered for an unchanged slug, an old slug already an alias or now another postmortem's, or an ambiguous rename", () => {
    expect(offered([now('a.md', 'a')])).toEqual([])
    expect(offered([now('a.md', 'a-new', null, ['a/'])])).toEqual([])
    expect(offered([now('a.md', 'a-new'), now('b.md', 'a')])).toEqual([])
    // Two files gone with the same folder and date: which one became the new file is unknown.
    expect(offered([now('x/2024-01-01-three.md', 'three', 'h3')])).toEqual([])
    // A new file with an unrelated name and new bytes is a new postmortem.
    expect(offered([now('brand-new.md', 'brand-new', 'h-new')])).toEqual([])
  })

  test('check reports it after a build; with the alias added, no longer', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'hindsight-slug-'))
    roots.push(root)
    mkdirSync(path.join(root, 'content'))
    const file = (name: string): string => path.join(root, 'content', name)
    writeFileSync(file('2024-05-01-db-down.md'), '---\ntitle: DB down\ndate: 2024-05-01\n---\n# DB down\n\nIt broke.\n')
    const config = loadConfig(root, { templatesDir: path.join(REPO, 'templates'), search: false })
    await build(config)
    rmSync(file('2024-05-01-db-down.md'))
    writeFileSync(file('2024-05-01-database-unavailable.md'), '---\ntitle: Database unavailable\ndate: 2024-05-01\n---\n# Database unavailable\n\nIt broke.\n')
    const info = async (): Promise<string[]> =>
      (await checkPaths(config, [], root)).flatMap((r) => r.diagnostics.filter((d) => d.ruleId === 'slug-changed').map((d) => `${r.file}: ${d.message}`))
    expect(await info()).toEqual([
      'content/2024-05-01-database-unavailable.md: The address changed since the last build, from /2024-05-01-db-down/ to /2024-05-01-database-unavailable/; add `aliases: [/2024-05-01-db-down/]` to the front matter so links to the old address keep working',
    ])
    writeFileSync(
      file('2024-05-01-database-unavailable.md'),
      '---\ntitle: Database unavailable\ndate: 2024-05-01\naliases: [/2024-05-01-db-down/]\n---\n# Database unavailable\n\nIt broke.\n',
    )
    expect(await info()).toEqual([])
  }, 60_000)
})
