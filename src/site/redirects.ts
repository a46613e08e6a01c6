/**
 * Redirect pages for old addresses (`aliases`, `redirect_from`): a small HTML page at each alias with a meta refresh
 * and a canonical link to the postmortem. An alias that would overwrite a page of the archive, another postmortem
 * or another alias is refused with a diagnostic rather than written.
 */
import { RULE } from '../constants.js'
import { escapeAttribute } from '../escape-html.js'
import { problem } from '../normalize/diagnostics.js'
import type { Diagnostic, RecordHead, ResolvedConfig } from '../types.js'
import { publicUrl } from './links.js'
import { RESERVED_SLUGS, url } from './paths.js'
import { byCodePoint } from '../compare.js'
import { shownTitle } from './shown-title.js'

/** One redirect page: its file under the site, and the postmortem it sends readers to. */
export interface Redirect {
  path: string
  slug: string
  title: string
  source: string
}

/** Files at the site root that are not postmortems' folders, beside `RESERVED_SLUGS`. */
const ROOT_FILES = ['index.html', '404.html', '.hindsight-site']

/** The file an alias path is written to: `old/address/` as `old/address/index.html`, `old/page.html` as is. */
export const redirectFile = (alias: string): string => (alias.endsWith('/') ? `${alias}index.html` : alias)

/**
 * The redirect pages of the published records (any order; sorted by source so the first claim wins alike every
 * build), and a diagnostic for each alias refused because its page would take the place of another.
 */
export function resolveRedirects(records: RecordHead[]): { redirects: Redirect[]; problems: Array<{ source: string; diagnostic: Diagnostic }> } {
  const owners = new Map<string, string>([...RESERVED_SLUGS, ...ROOT_FILES].map((name) => [name, 'a page of the archive itself']))
  for (const r of records) owners.set(r.slug, `the postmortem \`${r.slug}\``)
  const files = new Map<string, string>()
  const dirs = new Map<string, string>()
  const redirects: Redirect[] = []
  const problems: Array<{ source: string; diagnostic: Diagnostic }> = []
  const withAliases = records.filter((r) => r.aliases?.length).sort((a, b) => byCodePoint(a.source, b.source))
  for (const record of withAliases) {
    for (const alias of record.aliases!) {
      const file = redirectFile(alias)
      const parts = file.split('/')
      const prefixes = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'))
      const clash = owners.get(parts[0]!) ?? files.get(file) ?? dirs.get(file) ?? prefixes.map((p) => files.get(p)).find((o) => o !== undefined)
      if (clash !== undefined) {
        const message = `Alias \`/${alias}\` would overwrite ${clash}; no redirect is written for it`
        problems.push({ source: record.source, diagnostic: problem('warning', message, RULE.aliasConflict) })
        continue
      }
      const owner = `the alias \`/${alias}\` of \`${record.slug}\``
      files.set(file, owner)
      for (const p of prefixes) dirs.set(p, owner)
      redirects.push({ path: file, slug: record.slug, title: shownTitle(record), source: record.source })
    }
  }
  return { redirects, problems }
}

/** The redirect page: meta refresh to the page under `base`, canonical link (absolute with `url`), `noindex`, and a plain link for readers. */
export function redirectHtml(redirect: Redirect, config: Pick<ResolvedConfig, 'url' | 'base'>): string {
  const target = escapeAttribute(url(config.base, `${redirect.slug}/`))
  const canonical = escapeAttribute(publicUrl(config, `${redirect.slug}/`))
  const title = escapeAttribute(redirect.title)
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved: ${title}</title>
<link rel="canonical" href="${canonical}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=${target}">
</head>
<body>
<p>This postmortem has moved to <a href="${target}">${title}</a>.</p>
</body>
</html>
`
}
