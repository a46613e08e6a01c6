import type { ResolvedConfig } from '../types.js'
import { publicUrl } from './links.js'
import type { PlannedFile } from './pages.js'
import { xmlSafe } from './xml-safe.js'
import { keyDigest } from './key-digest.js'
import { byCodePoint } from '../compare.js'
import { escapeAttribute } from '../escape-html.js'

const escapeXml = (text: string): string => escapeAttribute(xmlSafe(text))

/** One HTML page of the archive for the sitemap: its path under the site and the day it last changed, if known. */
export interface SitemapPage {
  path: string
  lastmod: string | null
}

/**
 * `sitemap.xml` listing every HTML page (sorted), with `lastmod` where a page's day is known. The sitemap protocol
 * requires absolute `<loc>` URLs, so it is only meant for a config with `url` (see `sitemapFiles`).
 */
export function sitemapXml(pages: SitemapPage[], config: ResolvedConfig): string {
  const rows = [...pages]
    .sort((a, b) => byCodePoint(a.path, b.path))
    .map((p) => `  <url><loc>${escapeXml(publicUrl(config, p.path))}</loc>${p.lastmod ? `<lastmod>${escapeXml(p.lastmod)}</lastmod>` : ''}</url>`)
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${rows.join('\n')}\n</urlset>\n`
}

/** Most URLs one sitemap may list (sitemaps.org); a larger archive gets a sitemap index over several sitemaps. */
export const SITEMAP_MAX_URLS = 50_000

/** `sitemap.xml` as a sitemap index naming each part (`sitemap-1.xml`, `sitemap-2.xml`, ...) by its absolute URL. */
export function sitemapIndexXml(parts: string[], config: ResolvedConfig): string {
  const rows = parts.map((part) => `  <sitemap><loc>${escapeXml(publicUrl(config, part))}</loc></sitemap>`)
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${rows.join('\n')}\n</sitemapindex>\n`
}

/** `robots.txt` allowing everything; it names the sitemap only when `config.url` makes its URL absolute, as robots.txt requires. */
export function robotsTxt(config: ResolvedConfig): string {
  return `User-agent: *\nAllow: /\n${config.url ? `\nSitemap: ${publicUrl(config, 'sitemap.xml')}\n` : ''}`
}

/**
 * The crawler files to plan: robots.txt always, sitemap.xml only with `config.url` (an index of `sitemap-N.xml` parts
 * past `maxUrls` pages). Sitemap URLs must be absolute
 * (sitemaps.org) and without `url` the host the archive will be served from is unknown; a sitemap of root-relative
 * URLs would be invalid, so none is written and robots.txt does not name one.
 */
export function sitemapFiles(pages: SitemapPage[], config: ResolvedConfig, maxUrls = SITEMAP_MAX_URLS): PlannedFile[] {
  const robots: PlannedFile = { path: 'robots.txt', content: robotsTxt(config) }
  if (!config.url) return [robots]
  const planned = (path: string, part: SitemapPage[]): PlannedFile => ({
    path,
    key: keyDigest(part.map((p) => `${p.path} ${p.lastmod}`).join('\n')),
    content: () => sitemapXml(part, config),
  })
  if (pages.length <= maxUrls) return [planned('sitemap.xml', pages), robots]
  // Past the protocol's limit: sitemap.xml (the name robots.txt gives) becomes an index of parts in path order.
  const sorted = [...pages].sort((a, b) => byCodePoint(a.path, b.path))
  const parts: PlannedFile[] = []
  for (let at = 0; at < sorted.length; at += maxUrls) parts.push(planned(`sitemap-${parts.length + 1}.xml`, sorted.slice(at, at + maxUrls)))
  const names = parts.map((p) => p.path)
  return [...parts, { path: 'sitemap.xml', key: keyDigest(names.join('\n')), content: () => sitemapIndexXml(names, config) }, robots]
}
