import slugifyLib from '@sindresorhus/slugify'

const slugs = new Map<string, string>()

/** Turns any label (tag, site, title) into a safe single path segment; never empty, never `..`. Memoized: labels repeat. */
export function slugify(label: string): string {
  let slug = slugs.get(label)
  if (slug === undefined) {
    slug = slugifyOnce(label)
    if (slugs.size < 100_000) slugs.set(label, slug)
  }
  return slug
}

/**
 * The library's slug of printable ASCII, step for step without its per-call setup (a replacement map, the
 * transliteration table's pattern, Unicode normalization): event ids slug every timeline event's words, most of them
 * unique, so the memo above rarely answers. `&` reads ` and `; `^` and backtick are diacritics, dropped; a word-final
 * `'s` or `'t` keeps its letter; every other run of non-alphanumerics is one `-`. A test compares it with the library.
 */
export function slugifyAscii(label: string): string {
  return label
    .replaceAll('&', ' and ')
    .replace(/[\^`]/g, '')
    .toLowerCase()
    .replace(/([a-z\d])'([ts])(?![a-z\d])/g, '$1$2')
    .replace(/[^a-z\d]+/g, '-')
    .replace(/^-|-$/g, '')
}

function slugifyOnce(label: string): string {
  const slug = /^[\x20-\x7e]*$/.test(label) ? slugifyAscii(label) : slugifyLib(label, { decamelize: false, preserveCharacters: [] })
  if (slug) return capBytes(slug)
  // Non-Latin labels that transliterate to nothing keep a readable, safe percent-free form.
  const kept = label
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  return capBytes(kept) || 'untitled'
}

/** Most UTF-8 bytes in a slug: a path segment may hold 255, and `-2`-style suffixes need room. */
const MAX_SLUG_BYTES = 120

function capBytes(slug: string): string {
  if (Buffer.byteLength(slug) <= MAX_SLUG_BYTES) return slug
  const chars = Array.from(slug)
  while (Buffer.byteLength(chars.join('')) > MAX_SLUG_BYTES) chars.pop()
  return chars.join('').replace(/-+$/, '')
}

/** Joins the base path and a site-relative path into a root-relative URL. */
export function url(base: string, rel: string): string {
  // Most links (tens a page) have neither a leading slash nor a file name: no pattern is run for them.
  if (rel.charCodeAt(0) !== 47 && !rel.endsWith('index.html')) return base + rel
  return base + rel.replace(/^\/+/, '').replace(/(^|\/)index\.html$/, '$1')
}

/** Output path of page `n` (1-based) of a paginated index rooted at `dir` (`''` for the home page). */
export function pagePath(dir: string, n: number): string {
  const prefix = dir ? `${dir}/` : ''
  return n === 1 ? `${prefix}index.html` : `${prefix}page/${n}/index.html`
}

/** One link of a pagination bar: a page, or a gap standing for the pages left out. */
export type PageLink = { n: number; path: string } | { gap: true }

/** Pagination of page `n` of `pages` under `dir`: previous/next and a window of page links, so 200 pages stay small. */
export function paginationLinks(
  dir: string,
  n: number,
  pages: number,
): { page: number; pages: number; current: string; prev: string | null; next: string | null; links: PageLink[] } {
  const shown = [...new Set([1, n - 2, n - 1, n, n + 1, n + 2, pages])].filter((i) => i >= 1 && i <= pages).sort((a, b) => a - b)
  const links: PageLink[] = []
  shown.forEach((i, k) => {
    if (k > 0 && i - shown[k - 1]! > 1) links.push({ gap: true })
    links.push({ n: i, path: pagePath(dir, i) })
  })
  return { page: n, pages, current: pagePath(dir, n), prev: n > 1 ? pagePath(dir, n - 1) : null, next: n < pages ? pagePath(dir, n + 1) : null, links }
}

/** Top-level names the site itself writes (files and folders): a postmortem with one of these slugs would collide with an archive page. */
export const RESERVED_SLUGS: readonly string[] = [
  '404.html',
  'actions',
  'assets',
  'by-duration',
  'categories',
  'feed.xml',
  'index.html',
  'page',
  'pagefind',
  'postmortems.json',
  'robots.txt',
  'search',
  'severity',
  'sitemap.xml',
  'sites',
  'stats',
  'tags',
  'years',
]

/** Files every postmortem's folder holds: an image path under one of these names would need it to be a folder. */
export const PAGE_FILES: readonly string[] = ['index.html', 'postmortem.json']
