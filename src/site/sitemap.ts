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

/** `robots.txt` allowing everything; it names the sitemap only when `config.url` makes its URL absolute, as robots.txt requires. */
export function robotsTxt(config: ResolvedConfig): string {
  return `User-agent: *\nAllow: /\n${config.url ? `\nSitemap: ${publicUrl(config, 'sitemap.xml')}\n` : ''}`
}

/**
 * The crawler files to plan: robots.txt always, sitemap.xml only with `config.url`. Sitemap URLs must be absolute
 * (sitemaps.org) and without `url` the host the archive will be served from is unknown; a sitemap of root-relative
 * URLs would be invalid, so none is written and robots.txt does not name one.
 */
export function sitemapFiles(pages: SitemapPage[], config: ResolvedConfig): PlannedFile[] {
  const robots: PlannedFile = { path: 'robots.txt', content: robotsTxt(config) }
  if (!config.url) return [robots]
  return [{ path: 'sitemap.xml', key: keyDigest(pages.map((p) => `${p.path} ${p.lastmod}`).join('\n')), content: () => sitemapXml(pages, config) }, robots]
}
