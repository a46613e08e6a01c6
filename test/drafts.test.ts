import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, describe, expect, test } from 'vitest'
import { build } from '../src/build.js'
import { loadConfig } from '../src/config.js'
import type { Config } from '../src/types.js'

const REPO = path.resolve(import.meta.dirname, '..')
const roots: string[] = []
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })))

const PUBLISHED = `---
title: Published replica lag
date: 2024-03-02
tags: [database]
site: core
---
# Published replica lag

## Summary

Replicas fell behind for twenty minutes.

## Timeline (UTC)

- 10:00 Lag alert fired
- 10:20 Lag recovered
`

const DRAFT = `---
title: Quokka secret outage
date: 2031-05-06
tags: [quokkatag, database]
site: quokkasite
authors: [Quokka Author]
draft: true
aliases: [/quokka-old/]
---
# Quokka secret outage

## Summary

The quokka cluster lost its database and replica lag grew.

## Timeline (UTC)

- 10:00 Quokka alarm
- 10:30 Quokka recovered
`

const UNPUBLISHED = `---
title: Wombat hidden incident
date: 2030-01-02
tags: [wombattag]
published: false
---
# Wombat hidden incident

Replica lag on the wombat database.
`

function project(files: Record<string, string>, overrides: Config = {}): { root: string; config: ReturnType<typeof loadConfig> } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'hindsight-drafts-'))
  roots.push(root)
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, 'content', rel)), { recursive: true })
    writeFileSync(path.join(root, 'content', rel), text)
  }
  return { root, config: loadConfig(root, { templatesDir: path.join(REPO, 'templates'), url: 'https://example.com', ...overrides }) }
}

/** Every file of the site with its text, and the text of gzip-compressed files (Pagefind's index) unpacked too. */
function siteTexts(dir: string): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name)
      if (entry.isDirectory()) walk(full)
      else {
        const bytes = readFileSync(full)
        let text = bytes.toString('latin1')
        try {
          text += gunzipSync(bytes).toString('latin1')
        } catch {
          // Not compressed.
        }
        out.set(path.relative(dir, full).split(path.sep).join('/'), text)
      }
    }
  }
  walk(dir)
  return out
}

/** The files (by path) and paths that mention any of the words, case-insensitively. */
function leaks(texts: Map<string, string>, words: string[]): string[] {
  const found: string[] = []
  for (const [file, text] of texts) {
    for (const word of words) {
      if (file.toLowerCase().includes(word)) found.push(`path ${file}`)
      else if (text.toLowerCase().includes(word)) found.push(`${file} mentions ${word}`)
    }
  }
  return found
}

const HIDDEN = ['quokka', 'wombat', '2031', '2030']

describe('drafts', () => {
  test('a draft or `published: false` appears in no published output: pages, indexes, feeds, export, sitemap, search index, stats, redirects', async () => {
    const { config } = project({ 'replica.md': PUBLISHED, 'quokka.md': DRAFT, 'wombat.md': UNPUBLISHED })
    const result = await build(config)
    const texts = siteTexts(config.outDir)
    // The outputs that list postmortems are there, so their silence about the drafts means something.
    for (const file of [
      'index.html',
      'feed.xml',
      'postmortems.json',
      'sitemap.xml',
      'stats/index.html',
      'tags/database/index.html',
      'years/index.html',
      'replica/index.html',
      '404.html',
    ])
      expect(texts.has(file), file).toBe(true)
    expect([...texts.keys()].some((f) => f.startsWith('pagefind/'))).toBe(true)
    expect(texts.get('postmortems.json')).toContain('"slug":"replica"')
    expect(leaks(texts, HIDDEN)).toEqual([])
    // The drafts are still read and reported, with no page.
    const drafts = result.files.filter((f) => f.slug === null)
    expect(drafts.map((f) => f.source).sort()).toEqual(['quokka.md', 'wombat.md'])
    expect(drafts.every((f) => f.diagnostics.some((d) => d.ruleId === 'draft-unpublished' && d.severity === 'info'))).toBe(true)
  }, 60_000)

  test('`--drafts` publishes them with a Draft banner and label; the next build without it takes them out again', async () => {
    const { config } = project({ 'replica.md': PUBLISHED, 'quokka.md': DRAFT, 'wombat.md': UNPUBLISHED }, { search: false })
    await build({ ...config, drafts: true })
    const page = readFileSync(path.join(config.outDir, 'quokka/index.html'), 'utf8')
    expect(page).toMatch(/class="draft-banner"[^>]*><strong>Draft<\/strong>/)
    expect(readFileSync(path.join(config.outDir, 'index.html'), 'utf8')).toMatch(/Quokka secret outage<\/a> <span class="draft-label">Draft<\/span>/)
    expect(
      JSON.parse(readFileSync(path.join(config.outDir, 'postmortems.json'), 'utf8')).map((r: { slug: string; draft?: boolean }) => [r.slug, r.draft ?? false]),
    ).toEqual([
      ['quokka', true],
      ['wombat', true],
      ['replica', false],
    ])
    expect(readFileSync(path.join(config.outDir, 'replica/index.html'), 'utf8')).not.toContain('draft-banner')
    await build(config)
    expect(leaks(siteTexts(config.outDir), HIDDEN)).toEqual([])
  }, 60_000)

  test('a published postmortem edited into a draft leaves every output on the next (warm) build', async () => {
    const { root, config } = project({ 'replica.md': PUBLISHED, 'quokka.md': DRAFT.replace('draft: true\n', '') }, { search: false })
    await build(config)
    expect(existsSync(path.join(config.outDir, 'quokka/index.html'))).toBe(true)
    writeFileSync(path.join(root, 'content', 'quokka.md'), DRAFT.replace('draft: true', 'published: false'))
    await build(config)
    expect(leaks(siteTexts(config.outDir), HIDDEN)).toEqual([])
  }, 60_000)

  test('`hindsight build` says how many drafts it left out, and `--drafts` includes them', () => {
    const { root } = project({ 'replica.md': PUBLISHED, 'quokka.md': DRAFT, 'wombat.md': UNPUBLISHED })
    writeFileSync(path.join(root, 'hindsight.config.json'), JSON.stringify({ templatesDir: path.join(REPO, 'templates'), search: false }))
    const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(REPO, 'dist/cli.js'), 'build', ...args], { cwd: root, encoding: 'utf8' })
    const plain = cli()
    expect(plain.status, plain.stderr).toBe(0)
    expect(plain.stdout).toMatch(/^Built 1 postmortems? from 3 files\b.*; 2 drafts left out \(--drafts to include\)$/m)
    const all = cli('--drafts')
    expect(all.stdout).toMatch(/^Built 3 postmortems from 3 files\b/m)
    expect(all.stdout).not.toContain('left out')
    expect(existsSync(path.join(root, 'site', 'quokka', 'index.html'))).toBe(true)
  }, 60_000)

  test("a draft does not take a published postmortem's slug", async () => {
    const { config } = project({ 'a/replica.md': DRAFT, 'b/replica.md': PUBLISHED }, { search: false })
    const result = await build(config)
    expect(result.files.find((f) => f.source === 'b/replica.md')?.slug).toBe('replica')
    expect(result.warnings).toBe(0)
  }, 60_000)
})
