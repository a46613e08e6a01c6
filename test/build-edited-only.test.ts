/**
 * A warm build whose edits change nothing the rest of the archive shows (same slug, same listing key) plans only
 * the edited postmortems' own files and the export. These tests hold it to a cold build of the same content, and
 * check it gives way to the full pass whenever that does not hold.
 */
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { describe, expect, it } from 'vitest'
import { build } from '../src/build.js'
import { createBuilder } from '../src/builder.js'
import { readBuildState } from '../src/build/state.js'
import { openIndex, sealIndex } from '../src/cache/integrity.js'
import type { RelatedSnapshot } from '../src/site/related.js'
import { diffManifests, projectsForThisFile, siteManifest } from './build-helpers.js'

const project = projectsForThisFile()
const DATABASE = '2023-06-10-database-outage-and-recovery.md'
/** A sentence in the lessons, which no index, feed, stats page or related link shows. */
const prose = (text: string): string => text.replace('## Lessons Learned\n', '## Lessons Learned\n\nWe also learned to page the storage team sooner.\n')

/** Edits a file in a warm project and the same file in a fresh one, builds both, and returns the warm result and both sites. */
async function warmAndCold(copies: number, edit: (dir: string) => void, prepare: (dir: string) => void = () => {}) {
  const warm = project(copies)
  prepare(warm.config.contentDir)
  await build(warm.config)
  const before = siteManifest(warm.config.outDir)
  edit(warm.config.contentDir)
  const result = await build(warm.config)
  const cold = project(copies)
  prepare(cold.config.contentDir)
  edit(cold.config.contentDir)
  await build(cold.config)
  return { warm, result, before, after: siteManifest(warm.config.outDir), cold: siteManifest(cold.config.outDir) }
}

const rewrite = (file: string, change: (text: string) => string): void => writeFileSync(file, change(readFileSync(file, 'utf8')))

describe('a warm build of edits that change nothing other pages show', () => {
  it('plans only the edited postmortems’ own files and the export, and equals a cold build', async () => {
    const copy = DATABASE.replace(/\.md$/, '-copy-1.md')
    const { result, before, after, cold } = await warmAndCold(2, (dir) => {
      rewrite(path.join(dir, DATABASE), prose)
      rewrite(path.join(dir, copy), prose)
    })
    expect(result.scope).toBe('edited')
    expect(after).toEqual(cold)
    const slugs = [DATABASE, copy].map((source) => result.files.find((f) => f.source === source)!.slug)
    expect(diffManifests(before, after)).toEqual([...slugs.flatMap((s) => [`${s}/index.html`, `${s}/postmortem.json`]), 'postmortems.json'].sort())
    expect(result.pagesWritten).toBe(5)
    expect(result.files).toHaveLength(10)
    expect(result.documents).toHaveLength(10)
  })

  it('copies the export line of a postmortem renamed by slug deduplication exactly as a cold build writes it', async () => {
    const duplicate = (dir: string): void => {
      mkdirSync(path.join(dir, 'again'))
      copyFileSync(path.join(dir, '2023-03-01-login-service-database-lock.md'), path.join(dir, 'again', '2023-03-01-login-service-database-lock.md'))
    }
    const { result, after, cold, warm } = await warmAndCold(1, (dir) => rewrite(path.join(dir, DATABASE), prose), duplicate)
    expect(result.scope).toBe('edited')
    expect(result.files.find((f) => f.source.startsWith('again/'))!.slug).toMatch(/-2$/)
    expect(after).toEqual(cold)
    // The renamed one is itself edited: its slug and its warning come from deduplication, so the full pass runs.
    appendFileSync(
      path.join(warm.config.contentDir, 'again', '2023-03-01-login-service-database-lock.md'),
      '\nWe also learned to page the storage team sooner.\n',
    )
    expect((await build(warm.config)).scope).toBe('full')
  })

  it('gives way to the full pass when an edit changes what other pages show, and still equals a cold build', async () => {
    const title = await warmAndCold(2, (dir) =>
      rewrite(path.join(dir, DATABASE), (t) =>
        t.replace('# Postmortem: Database Outage and Recovery', '# Postmortem: Database Outage, Recovery and Follow-up'),
      ),
    )
    expect(title.result.scope).toBe('full')
    expect(title.after).toEqual(title.cold)
    // Root-cause words relate postmortems to one another.
    const cause = await warmAndCold(2, (dir) =>
      rewrite(path.join(dir, DATABASE), (t) => t.replace('### Root Cause\n', '### Root Cause\n\nExhausted connection pools in the storage proxies.\n')),
    )
    expect(cause.result.scope).toBe('full')
    expect(cause.after).toEqual(cause.cold)
  })

  it('writes the export from the last one with the edited lines replaced, and plans in full when it is not the last export', async () => {
    const p = project(2)
    const cold = project(2)
    await build(p.config)
    const exported = path.join(p.config.outDir, 'postmortems.json')
    const edits = [prose, (t: string) => t.replace('page the storage team', 'call the storage team')]
    for (const edit of edits) {
      rewrite(path.join(p.config.contentDir, DATABASE), edit)
      rewrite(path.join(cold.config.contentDir, DATABASE), edit)
      expect((await build(p.config)).scope).toBe('edited')
    }
    await build(cold.config)
    expect(siteManifest(p.config.outDir)).toEqual(siteManifest(cold.config.outDir))
    // An untouched line is carried over from the last export as it is (this one changed in place): not read again.
    const lines = readFileSync(exported, 'utf8').split('\n')
    const other = lines.findIndex((l) => l.startsWith('{') && !l.includes(DATABASE))
    lines[other] = lines[other]!.replace('"slug":"', '"slug":"x')
    writeFileSync(exported, lines.join('\n'))
    rewrite(path.join(p.config.contentDir, DATABASE), prose)
    expect((await build(p.config)).scope).toBe('edited')
    expect(readFileSync(exported, 'utf8').split('\n')[other]).toBe(lines[other])
    // An export of another length is not the last one: the full pass writes it whole.
    writeFileSync(exported, lines.filter((_, i) => i !== other).join('\n'))
    rewrite(path.join(p.config.contentDir, DATABASE), (t) => t.replace('page the storage team', 'ring the storage team'))
    rewrite(path.join(cold.config.contentDir, DATABASE), prose)
    rewrite(path.join(cold.config.contentDir, DATABASE), (t) => t.replace('page the storage team', 'ring the storage team'))
    expect((await build(p.config)).scope).toBe('full')
    await build(cold.config)
    expect(siteManifest(p.config.outDir)).toEqual(siteManifest(cold.config.outDir))
  })

  it('equals a cold build when the export spans megabytes, its records on both sides of the read buffer’s edges', async () => {
    // Long lessons in every other postmortem: an export of several megabytes, records larger and smaller than half a chunk.
    const long = (dir: string): void => {
      const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md') && path.basename(f) !== DATABASE)
      for (const [i, name] of names.entries()) {
        const words = Array.from({ length: (i % 3) * 40_000 + 2_000 }, (_, k) => `w${(k * 7919 + i) % 10007}`).join(' ')
        appendFileSync(path.join(dir, name), `\n\nAlso é— ${words}.\n`)
      }
    }
    const { result, after, cold, warm } = await warmAndCold(2, (dir) => rewrite(path.join(dir, DATABASE), prose), long)
    expect(result.scope).toBe('edited')
    expect(statSync(path.join(warm.config.outDir, 'postmortems.json')).size).toBeGreaterThan(3 * 2 ** 20)
    expect(after).toEqual(cold)
  })

  it('gives way to the full pass without the related-incidents memo and when files come or go', async () => {
    const p = project(1)
    await build(p.config)
    rmSync(path.join(p.config.cacheDir, 'related.bin'))
    rewrite(path.join(p.config.contentDir, DATABASE), prose)
    expect((await build(p.config)).scope).toBe('full')
    writeFileSync(path.join(p.config.contentDir, 'new-one.md'), '# A new postmortem\n\n## Impact\n\nNone.\n')
    expect((await build(p.config)).scope).toBe('full')
    rewrite(path.join(p.config.contentDir, DATABASE), (t) => t.replace('page the storage team', 'call the storage team'))
    expect((await build(p.config)).scope).toBe('edited')
    expect((await build(p.config)).scope).toBe('unchanged')
  })

  it('with search on, indexes the edit in a delta beside the base index, and gives way to the full pass without the base', async () => {
    const searched = project(1, { search: true })
    await build(searched.config)
    const base = readFileSync(path.join(searched.config.outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')
    rewrite(path.join(searched.config.contentDir, DATABASE), prose)
    expect((await build(searched.config)).scope).toBe('edited')
    const delta = JSON.parse(readFileSync(path.join(searched.config.outDir, 'pagefind', 'delta.json'), 'utf8'))
    expect(delta).toMatchObject({ delta: 'delta/', pages: [expect.anything()], superseded: [expect.anything()] })
    expect(readFileSync(path.join(searched.config.outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')).toBe(base)
    expect(existsSync(path.join(searched.config.outDir, 'pagefind', 'delta', 'pagefind-entry.json'))).toBe(true)
    // Without the base's description in the cache folder, the base is rebuilt by the full pass, and the delta goes.
    rmSync(path.join(searched.config.cacheDir, 'search-base.bin'))
    rewrite(path.join(searched.config.contentDir, DATABASE), (t) => t.replace('page the storage team', 'call the storage team'))
    expect((await build(searched.config)).scope).toBe('full')
    expect(JSON.parse(readFileSync(path.join(searched.config.outDir, 'pagefind', 'delta.json'), 'utf8'))).toEqual({
      version: 1,
      delta: null,
      total: 0,
      pages: [],
      superseded: [],
    })
    expect(existsSync(path.join(searched.config.outDir, 'pagefind', 'delta'))).toBe(false)
  })

  it('gives way to the full pass when a related postmortem’s cached entry is gone, and still equals a cold build', async () => {
    const p = project(2)
    const first = await build(p.config)
    const slugOf = new Map(first.files.map((f) => [f.source, f.slug]))
    const memo = (deserialize(readFileSync(path.join(p.config.cacheDir, 'related.bin'))) as { value: RelatedSnapshot }).value
    const neighbour = memo.related[memo.slugs.indexOf(slugOf.get(DATABASE)!)]![0]!
    const state = readBuildState(p.config.cacheDir, p.config.outDir)!
    const indexFile = path.join(p.config.cacheDir, 'documents', 'index.bin')
    const index = deserialize(openIndex(readFileSync(indexFile))) as { keys: Record<string, unknown> }
    delete index.keys[state.inputs.get(first.files.find((f) => f.slug === neighbour)!.source)!.key]
    writeFileSync(indexFile, sealIndex(serialize(index)))
    rewrite(path.join(p.config.contentDir, DATABASE), prose)
    const result = await build(p.config)
    expect(result.scope).toBe('full')
    const cold = project(2)
    rewrite(path.join(cold.config.contentDir, DATABASE), prose)
    await build(cold.config)
    expect(siteManifest(p.config.outDir)).toEqual(siteManifest(cold.config.outDir))
  })

  it('leaves a builder that planned only edits with the whole archive, for `documents` and for `update`', async () => {
    const p = project(2)
    await build(p.config)
    const builder = createBuilder(p.config)
    rewrite(path.join(p.config.contentDir, DATABASE), prose)
    expect((await builder.build()).scope).toBe('edited')
    const other = path.join(
      p.config.contentDir,
      p.files.find((f) => f !== DATABASE)!,
    )
    appendFileSync(other, '\nA later note.\n')
    await builder.update([other])
    expect(builder.documents.size).toBe(10)
    const cold = project(2)
    rewrite(path.join(cold.config.contentDir, DATABASE), prose)
    appendFileSync(path.join(cold.config.contentDir, path.relative(p.config.contentDir, other)), '\nA later note.\n')
    await build(cold.config)
    expect(siteManifest(p.config.outDir)).toEqual(siteManifest(cold.config.outDir))
  })
})
