import type { ResolvedConfig } from '../types.js'
import { publicUrl } from './links.js'

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** `sitemap.xml` listing every HTML page (sorted), with `lastmod` where a page's day is known. */
export function sitemapXml(pages: Array<{ path: string; lastmod: string | null }>, config: ResolvedConfig): string {
  const rows = [...pages]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((p) => `  <url><loc>${escapeXml(publicUrl(config, p.path))}</loc>${p.lastmod ? `<lastmod>${escapeXml(p.lastmod)}</lastmod>` : ''}</url>`)
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${rows.join('\n')}\n</urlset>\n`
}

/** `robots.txt` allowing everything; it names the sitemap only when `config.url` makes its URL absolute, as robots.txt requires. */
export function robotsTxt(config: ResolvedConfig): string {
  return `User-agent: *\nAllow: /\n${config.url ? `\nSitemap: ${publicUrl(config, 'sitemap.xml')}\n` : ''}`
}
