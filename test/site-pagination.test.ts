import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { brokenLinks, buildSite, listedSlugs, type TestSite } from './helpers/site.js'

const COUNT = 120

// Normalize inline: 120 small files do not need threads (and worker files exist only in the compiled dist/).
process.env.HINDSIGHT_WORKERS ??= '1'

/** A small postmortem with front matter; day `i` after 2024-01-01. */
function postmortem(i: number): string {
  const date = new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10)
  return `---\ntitle: Generated incident ${i}\ndate: ${date}\ntags: [generated${i % 3 === 0 ? ', dns' : ''}]\nsite: ${i % 2 ? 'alpha' : 'beta'}\n---\n\n# Generated incident ${i}\n\n## Summary\n\nA generated incident number ${i}.\n`
}

describe.each(['/', '/archive/'])('an archive of 120 postmortems built with base %s', (base) => {
  let content: string
  let site: TestSite
  beforeAll(async () => {
    content = await mkdtemp(path.join(os.tmpdir(), 'hindsight-paginate-'))
    for (let i = 0; i < COUNT; i++) await writeFile(path.join(content, `incident-${String(i).padStart(3, '0')}.md`), postmortem(i))
    site = await buildSite({ base }, content)
  })
  afterAll(async () => {
    await site.cleanup()
    await rm(content, { recursive: true, force: true })
  })

  it('splits the home page into pages of 50, 50 and 20, newest first, each postmortem once', () => {
    expect(site.files).toContain('page/2/index.html')
    expect(site.files).toContain('page/3/index.html')
    expect(site.files).not.toContain('page/4/index.html')
    const pages = ['index.html', 'page/2/index.html', 'page/3/index.html'].map((f) => listedSlugs(site.read(f), base))
    expect(pages.map((p) => p.length)).toEqual([50, 50, 20])
    const all = pages.flat()
    expect(new Set(all).size).toBe(COUNT)
    const dates = site.result.documents
      .map((d) => d.record)
      .sort((a, b) => all.indexOf(a.slug) - all.indexOf(b.slug))
      .map((r) => r.date ?? '')
    expect(dates).toEqual([...dates].sort().reverse())
  })

  it('links each page to its neighbours and to every page number', () => {
    const page2 = site.read('page/2/index.html')
    expect(page2).toContain(`href="${base}" rel="prev"`)
    expect(page2).toContain(`href="${base}page/3/" rel="next"`)
    expect(page2).toMatch(/<span aria-current="page"><span class="visually-hidden">Page <\/span>2<\/span>/)
    const page3 = site.read('page/3/index.html')
    expect(page3).toContain(`href="${base}page/2/" rel="prev"`)
    expect(page3).not.toContain('rel="next"')
    expect(site.read('index.html')).not.toContain('rel="prev"')
  })

  it('paginates tag, site and year pages too, and every link resolves', () => {
    expect(site.files).toContain('tags/generated/page/3/index.html')
    expect(listedSlugs(site.read('tags/generated/page/3/index.html'), base)).toHaveLength(20)
    expect(site.files).toContain('sites/alpha/page/2/index.html')
    expect(site.files).toContain('years/2024/page/3/index.html')
    expect(brokenLinks(site, base)).toEqual([])
  })
})
