import { describe, expect, it } from 'vitest'
import { XMLParser } from 'fast-xml-parser'
import { sitemapFiles, type SitemapPage } from '../src/site/sitemap.js'
import type { PlannedFile } from '../src/site/pages.js'
import type { ResolvedConfig } from '../src/types.js'

const config = { url: 'https://example.com', base: '/archive/' } as ResolvedConfig
const pages: SitemapPage[] = ['e/index.html', 'a/index.html', 'd/index.html', 'b/index.html', 'c/index.html'].map((path) => ({ path, lastmod: '2024-05-01' }))
/** A planned file's text (the crawler files are all planned with their content). */
const text = (file: PlannedFile): string => {
  if (!('content' in file)) throw new Error(`${file.path} is planned from a template`)
  return String(typeof file.content === 'function' ? file.content() : file.content)
}
const parse = (xml: string): Record<string, unknown> => new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' }).parse(xml)

describe('sitemap past the protocol limit of URLs a file', () => {
  it('stays one sitemap.xml up to the limit', () => {
    const files = sitemapFiles(pages, config, 5)
    expect(files.map((f) => f.path)).toEqual(['sitemap.xml', 'robots.txt'])
    expect(text(files[0]!)).toContain('<urlset')
  })

  it('becomes an index of parts in path order, each within the limit, every page listed once', () => {
    const files = sitemapFiles(pages, config, 2)
    expect(files.map((f) => f.path)).toEqual(['sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml', 'sitemap.xml', 'robots.txt'])
    const index = parse(text(files[3]!)) as { sitemapindex: { sitemap: Array<{ loc: string }> } }
    expect(index.sitemapindex.sitemap.map((s) => s.loc)).toEqual([1, 2, 3].map((n) => `https://example.com/archive/sitemap-${n}.xml`))
    const listed = files.slice(0, 3).flatMap((f) => (parse(text(f)) as { urlset: { url: Array<{ loc: string }> } }).urlset.url.map((u) => u.loc))
    expect(listed).toEqual(['a', 'b', 'c', 'd', 'e'].map((slug) => `https://example.com/archive/${slug}/`))
    expect(files.slice(0, 3).every((f) => (parse(text(f)) as { urlset: { url: unknown[] } }).urlset.url.length <= 2)).toBe(true)
    // robots.txt still names sitemap.xml, now the index.
    expect(text(files[4]!)).toContain('Sitemap: https://example.com/archive/sitemap.xml')
  })
})
