import { existsSync, readdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { build } from '../src/build.js'
import { loadConfig } from '../src/config.js'
import { scratchDir, searchIndexFiles, startScratchIndex } from '../src/search/index.js'
import { searchRecord, searchRecords, UNDATED } from '../src/search/records.js'
import type { SiteDocument } from '../src/site/pages.js'
import type { PostmortemRecord } from '../src/types.js'
import { makeRecord } from './helpers/record.js'

function record(over: Partial<PostmortemRecord>): PostmortemRecord {
  return makeRecord({ slug: 'x', source: 'x.md', title: null, ...over })
}

const section = (heading: string, text: string) => ({ key: null, id: heading.toLowerCase(), heading, text, html: `<p>${text}</p>`, line: 1 })

const full: SiteDocument = {
  record: record({
    slug: 'dns-outage',
    title: 'DNS outage',
    summary: 'Resolvers stopped answering.',
    date: '2024-02-03',
    tags: ['dns', 'network'],
    site: ['edge'],
    severity: 'sev1',
    sections: [section('Root cause', 'A zone transfer truncated the zonefile.')],
    timeline: [{ at: null, date: null, time: '10:00', text: 'Pager fired for resolver latency', line: 3 }],
    actionItems: [{ text: 'Alert on zone serial drift', kind: 'fix', done: false, owner: null, priority: null }],
  }),
  html: '<h1>DNS outage</h1>',
}
const bare: SiteDocument = { record: record({ slug: 'untitled-thing' }), html: '<p>Only the original &amp; its <b>words</b>.</p>' }
const older: SiteDocument = { record: record({ slug: 'older', title: 'Older', date: '2020-01-01', site: ['core'] }), html: '' }

describe('search records', () => {
  test('carry title, summary, every section, timeline text and action items, with filters, meta and a date sort key', () => {
    const r = searchRecord(full, { base: '/archive/', sites: { edge: 'Edge network' } })
    expect(r.url).toBe('/archive/dns-outage/')
    for (const words of [
      'DNS outage',
      'Resolvers stopped answering.',
      'Root cause',
      'zonefile',
      'Pager fired for resolver latency',
      'Alert on zone serial drift',
    ]) {
      expect(r.content).toContain(words)
    }
    expect(r.filters).toEqual({ site: ['Edge network'], tag: ['dns', 'network'], year: ['2024'], severity: ['SEV1'] })
    expect(r.meta).toEqual({ title: 'DNS outage', date: '2024-02-03', site: 'Edge network', tags: 'dns, network', summary: 'Resolvers stopped answering.' })
    expect(r.sort).toEqual({ date: '2024-02-03' })
    expect(r.language).toBe('en')
  })

  test('a record without sections is searchable by its original text; undated ones sort last and sit in the unsorted site', () => {
    const r = searchRecord(bare, { base: '/', sites: {} })
    const spellings = ['sev-1', 'SEV 1', 'Sev1'].map((severity) =>
      searchRecord({ record: record({ slug: 'x', severity }), html: '' }, { base: '/', sites: {} }),
    )
    expect(spellings.map((s) => s.filters.severity)).toEqual([['SEV1'], ['SEV1'], ['SEV1']])
    expect(r.content).toContain('Only the original & its words .')
    expect(r.meta.title).toBe('untitled-thing')
    expect(r.filters).toEqual({ site: ['Unsorted'], year: ['Undated'] })
    expect(r.sort.date).toBe(UNDATED)
  })

  test('offer suggested tags in the tag filter, as the tag pages list them, marked as suggested in the metadata', () => {
    const r = searchRecord({ record: record({ slug: 's', tags: ['dns'], derivedTags: ['database'] }), html: '' }, { base: '/', sites: {} })
    expect(r.filters.tag).toEqual(['dns', 'database'])
    expect(r.meta.suggestedTags).toBe('database')
  })

  test('index table rows as text, not as Markdown pipes', () => {
    const r = searchRecord(
      { record: record({ slug: 't', sections: [section('Timeline', 'March 18 | 18:45 | Alerts fire\nMarch 18 | 19:10 | Rollback')] }), html: '' },
      { base: '/', sites: {} },
    )
    expect(r.content).toContain('March 18, 18:45, Alerts fire')
    expect(r.content).not.toContain('|')
  })

  test('come out in archive order whatever order the documents arrive in', () => {
    const a = [...searchRecords([older, bare, full], { base: '/', sites: {} })].map((r) => r.url)
    const b = [...searchRecords([full, older, bare], { base: '/', sites: {} })].map((r) => r.url)
    expect(a).toEqual(['/dns-outage/', '/older/', '/untitled-thing/'])
    expect(b).toEqual(a)
  })
})

describe('search index', () => {
  const temps: string[] = []
  afterAll(async () => {
    for (const dir of temps) await rm(dir, { recursive: true, force: true })
  })

  test("is Pagefind's bundle under pagefind/, without its prebuilt UIs, byte-identical across runs and input orders", async () => {
    const first = await searchIndexFiles([full, bare, older], { base: '/', sites: {} })
    const second = await searchIndexFiles([older, full, bare], { base: '/', sites: {} })
    const paths = first.map((f) => f.path)
    expect(paths).toContain('pagefind/pagefind.js')
    expect(paths).toContain('pagefind/pagefind-entry.json')
    expect(paths.some((p) => p.startsWith('pagefind/fragment/'))).toBe(true)
    expect(paths.some((p) => p.startsWith('pagefind/filter/'))).toBe(true)
    expect(paths.filter((p) => /pagefind-(ui|modular-ui|component-ui|highlight)/.test(p))).toEqual([])
    expect(second.map((f) => [f.path, Buffer.from(f.content).toString('base64')])).toEqual(
      first.map((f) => [f.path, Buffer.from(f.content).toString('base64')]),
    )
  })

  test('is written by build() into the site, and skipped when the config says search: false', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'hindsight-search-'))
    temps.push(root)
    const templatesDir = path.resolve('templates')
    const contentDir = path.resolve('content')
    const on = loadConfig(root, { contentDir, templatesDir, outDir: path.join(root, 'on'), cacheDir: path.join(root, 'cache-on') })
    await build(on)
    expect(existsSync(path.join(on.outDir, 'pagefind', 'pagefind.js'))).toBe(true)
    expect(existsSync(path.join(on.outDir, 'search', 'index.html'))).toBe(true)
    const off = loadConfig(root, { contentDir, templatesDir, outDir: path.join(root, 'off'), cacheDir: path.join(root, 'cache-off'), search: false })
    await build(off)
    expect(existsSync(path.join(off.outDir, 'pagefind'))).toBe(false)
  })

  test('of the whole archive stays in its scratch folder, each file read when written, the same bytes; closed, the folder goes', async () => {
    const saved = process.env.TMPDIR
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'hindsight-scratch-'))
    const root = await mkdtemp(path.join(os.tmpdir(), 'hindsight-search-'))
    temps.push(scratch, root)
    try {
      process.env.TMPDIR = scratch
      const eager = await searchIndexFiles([full, bare, older], { base: '/', sites: {} })
      const { bundle } = await startScratchIndex(searchRecords([full, bare, older], { base: '/', sites: {} }), 'pagefind')
      const lazy = await bundle
      expect(readdirSync(scratch)).toHaveLength(1)
      expect(lazy.files.every((f) => typeof f.content === 'function')).toBe(true)
      expect(lazy.files.map((f) => [f.path, Buffer.from(f.content()).toString('base64')])).toEqual(
        eager.map((f) => [f.path, Buffer.from(f.content).toString('base64')]),
      )
      expect(lazy.ids.size).toBe(3)
      await lazy.close()
      expect(readdirSync(scratch)).toEqual([])
      // A cold build with search leaves no scratch folder behind either.
      await build(loadConfig(root, { contentDir: path.resolve('content'), templatesDir: path.resolve('templates'), outDir: path.join(root, 'site') }))
      expect(existsSync(path.join(root, 'site', 'pagefind', 'pagefind.js'))).toBe(true)
      expect(readdirSync(scratch)).toEqual([])
    } finally {
      if (saved === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = saved
    }
  })

  test('writes the indexer’s scratch files to memory (/dev/shm) when it has room, unless TMPDIR names a folder', async () => {
    const saved = process.env.TMPDIR
    try {
      delete process.env.TMPDIR
      expect(await scratchDir(0)).toBe(existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir())
      expect(await scratchDir(Number.MAX_SAFE_INTEGER)).toBe(os.tmpdir())
      process.env.TMPDIR = '/var/tmp'
      expect(await scratchDir(0)).toBe('/var/tmp')
    } finally {
      if (saved === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = saved
    }
  })
})
