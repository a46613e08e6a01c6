import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { slugify } from '../src/site/paths.js'
import { yearOf } from '../src/site/taxonomy.js'
import type { PostmortemRecord } from '../src/types.js'
import { forbidsInlineScript, metaCsp } from './helpers/active-html.js'
import { brokenLinks, buildSite, listedSlugs, type TestSite } from './helpers/site.js'

/** Every page of a paginated index, concatenated. */
function allPages(site: TestSite, dir: string): string {
  const prefix = dir ? `${dir}/` : ''
  return site.files
    .filter((f) => f === `${prefix}index.html` || new RegExp(`^${prefix}page/\\d+/index\\.html$`).test(f))
    .map((f) => site.read(f))
    .join('\n')
}

function expectBuckets(site: TestSite, records: PostmortemRecord[], dir: string, keys: (r: PostmortemRecord) => string[], base = '/'): void {
  const expected = new Map<string, string[]>()
  for (const r of records) for (const k of new Set(keys(r).map(slugify))) expected.set(k, [...(expected.get(k) ?? []), r.slug])
  for (const [slug, slugs] of expected) {
    expect(listedSlugs(allPages(site, `${dir}/${slug}`), base).sort(), `${dir}/${slug}`).toEqual([...slugs].sort())
  }
  const index = site.read(`${dir}/index.html`)
  for (const slug of expected.keys()) expect(index).toContain(`href="${base}${dir}/${slug}/"`)
}

describe.each(['/', '/archive/'])('the bundled archive built with base %s', (base) => {
  let site: TestSite
  let records: PostmortemRecord[]
  beforeAll(async () => {
    site = await buildSite({ base })
    records = site.result.documents.map((d) => d.record)
  })
  afterAll(() => site.cleanup())

  it('builds every postmortem into its own page, and lists them all on the home page', () => {
    expect(records.length).toBe(5)
    for (const r of records) expect(site.files).toContain(`${r.slug}/index.html`)
    expect(listedSlugs(allPages(site, ''), base).sort()).toEqual(records.map((r) => r.slug).sort())
  })

  it('has no broken internal link, and every internal link carries the base', () => {
    expect(brokenLinks(site, base)).toEqual([])
  })

  it('lists exactly the postmortems of each tag (own or suggested), site and year', () => {
    expectBuckets(site, records, 'tags', (r) => [...r.tags, ...r.derivedTags], base)
    expectBuckets(site, records, 'sites', (r) => (r.site.length ? r.site : ['unsorted']), base)
    expectBuckets(site, records, 'years', (r) => [yearOf(r)], base)
  })

  it('publishes the stylesheet and the search script, not the dev-only live-reload client', () => {
    expect(site.files).toEqual(expect.arrayContaining(['assets/style.css', 'assets/search.js']))
    expect(site.files).not.toContain('assets/live-reload.js')
  })

  it('allows WebAssembly (Pagefind on the page) only on the search page, and inline script nowhere', () => {
    for (const page of site.files.filter((f) => f.endsWith('.html'))) {
      const csp = metaCsp(site.read(page))!
      expect(forbidsInlineScript(csp), page).toBe(true)
      expect(csp.includes("'wasm-unsafe-eval'"), page).toBe(page === 'search/index.html')
    }
  })

  it('writes the feeds, robots.txt and stats page (no sitemap without `url`: its URLs must be absolute), and a canonical link on every page', () => {
    expect(site.files).not.toContain('sitemap.xml')
    for (const f of ['feed.xml', 'robots.txt', 'stats/index.html', 'years/index.html', 'tags/index.html', 'sites/index.html']) expect(site.files).toContain(f)
    for (const page of site.files.filter((f) => f.endsWith('.html'))) {
      const html = site.read(page)
      expect(html, page).toMatch(new RegExp(`<link rel="canonical" href="${base}`))
      expect(html, page).toContain('<meta property="og:title"')
      expect(html.match(/<h1[\s>]/g)?.length, `${page} has one h1`).toBe(1)
      expect(html, page).not.toMatch(/\sstyle="/)
      expect(html, page).not.toMatch(/<script(?![^>]*\ssrc=)/)
    }
  })
})

describe('determinism', () => {
  it('gives byte-identical output for the same input', async () => {
    const a = await buildSite()
    const b = await buildSite()
    try {
      expect(b.files).toEqual(a.files)
      for (const f of a.files) expect(b.read(f), f).toBe(a.read(f))
    } finally {
      await a.cleanup()
      await b.cleanup()
    }
  })
})
