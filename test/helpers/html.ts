/** Every `href` and `src` attribute value in an HTML page, entity-decoded. */
export function linksOf(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) =>
    m[1]!
      .replace(/&amp;/g, '&')
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/&quot;/g, '"'),
  )
}

/** Ids present in a page. */
export function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!))
}

/** Slugs of the postmortems an index page lists (its entry headings' links), in order. */
export function listedSlugs(html: string, base = '/'): string[] {
  return [...html.matchAll(/<li class="entry">\s*<h2><a href="([^"]*)"/g)].map((m) => decodeURIComponent(m[1]!.slice(base.length).replace(/\/$/, '')))
}
