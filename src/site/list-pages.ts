/** The list pages of the archive: paginated lists, facet folders (tags, sites, years, severities, causes), the home page and month pages. */
import type { RecordHead, ResolvedConfig } from '../types.js'
import { entryOf, listingKey } from './listing-key.js'
import { paginationLinks, pagePath } from './paths.js'
import { monthOf } from './stats.js'
import { groupRecords, type Group } from './taxonomy.js'
import { byCodePoint } from '../compare.js'
import { keyDigest } from './key-digest.js'

import type { PlannedFile } from './pages.js'

/** Newest first by incident date, then publication date, then slug; undated last. */
export function compareRecords(a: Pick<RecordHead, 'date' | 'published' | 'slug'>, b: Pick<RecordHead, 'date' | 'published' | 'slug'>): number {
  const da = a.date ?? a.published ?? ''
  const db = b.date ?? b.published ?? ''
  if (da !== db) return da < db ? 1 : -1
  return byCodePoint(a.slug, b.slug)
}

/**
 * Plans a paginated list of records under `dir`; `suggested` names the records listed only by a suggested tag.
 * A page's key is its records' keys, so an edit re-renders only the list pages that show the edited postmortem.
 */
export function paginate(
  dir: string,
  records: RecordHead[],
  pageSize: number,
  template: string,
  data: Record<string, unknown>,
  keyOf: (r: RecordHead) => string,
  suggested: string[] = [],
): PlannedFile[] {
  const pages = Math.max(1, Math.ceil(records.length / pageSize))
  const marked = new Set(suggested)
  const files: PlannedFile[] = []
  for (let n = 1; n <= pages; n++) {
    const slice = records.slice((n - 1) * pageSize, n * pageSize)
    const fixed = {
      ...data,
      suggested: slice.filter((r) => marked.has(r.slug)).map((r) => r.slug),
      pagination: paginationLinks(dir, n, pages),
      total: records.length,
    }
    files.push({
      path: pagePath(dir, n),
      template,
      key: keyDigest(`${JSON.stringify(fixed)}\0${slice.map(keyOf).join(' ')}`),
      data: () => ({ ...fixed, entries: slice.map(entryOf) }),
      plain: true,
    })
  }
  return files
}

/** What the cause-category pages say of how categories are made. */
export const CAUSES_INTRO =
  'Cause categories are derived from each postmortem’s root-cause and trigger sections (words such as “expired certificate” or “rollout”), not written by its authors; a postmortem may have up to three.'

/** A bucket kind (tags, sites, years, cause categories): its folder, its page titles and how its labels read. */
export interface Facet {
  dir: 'tags' | 'sites' | 'years' | 'severity' | 'categories'
  title: string
  noun: string
  groups: Group[]
  label: (name: string) => string
  /** A sentence the bucket pages say of the buckets (how they are made), or nothing. */
  intro?: string
  /** Narrower pages a bucket page links to (a year's months), with their counts; none when absent. */
  within?: (records: RecordHead[]) => Array<{ href: string; label: string; count: number }>
}

export function planFacet(
  facet: Facet,
  config: ResolvedConfig,
  feeds: boolean,
  keyOf: (r: RecordHead) => string,
): { files: PlannedFile[]; feeds: Array<{ path: string; title: string; page: string; records: RecordHead[] }> } {
  const files: PlannedFile[] = []
  const feedSpecs = []
  const groups = facet.groups.map((g) => ({
    slug: g.slug,
    label: g.names.map(facet.label).join(' / '),
    count: g.records.length - g.suggested.length,
    suggested: g.suggested.length,
  }))
  // Bucket lists are short lines, so a page holds four times as many as a list of postmortems.
  const perPage = config.pageSize * 4
  const pages = Math.max(1, Math.ceil(groups.length / perPage))
  for (let n = 1; n <= pages; n++) {
    const slice = groups.slice((n - 1) * perPage, n * perPage)
    files.push({
      path: pagePath(facet.dir, n),
      template: 'groups',
      data: {
        title: facet.title,
        dir: facet.dir,
        noun: facet.noun,
        intro: facet.intro ?? null,
        groups: slice,
        total: groups.length,
        feeds,
        pagination: paginationLinks(facet.dir, n, pages),
      },
    })
  }
  for (const g of facet.groups) {
    const dir = `${facet.dir}/${g.slug}`
    const label = g.names.map(facet.label).join(' / ')
    const feed = feeds ? `${dir}/feed.xml` : null
    files.push(
      ...paginate(
        dir,
        g.records,
        config.pageSize,
        'list',
        {
          title: `${facet.noun}: ${label}`,
          kind: facet.dir,
          name: label,
          feed,
          ...(facet.intro ? { intro: facet.intro } : {}),
          ...(facet.within ? { within: facet.within(g.records) } : {}),
        },
        keyOf,
        g.suggested,
      ),
    )
    if (feed) feedSpecs.push({ path: feed, title: `${facet.noun}: ${label}`, page: `${dir}/`, records: g.records })
  }
  return { files, feeds: feedSpecs }
}

/** Filter links the home page offers: every year and severity, and the sites with the most postmortems. */
const BROWSE_SITES = 12
function browseLinks(facets: Facet[]): Array<{ dir: string; title: string; links: Array<{ slug: string; label: string; count: number }>; more: boolean }> {
  return facets
    .filter((f) => f.dir !== 'tags')
    .map((f) => {
      const links = f.groups.map((g) => ({ slug: g.slug, label: g.names.map(f.label).join(' / '), count: g.records.length }))
      const shown = f.dir === 'sites' ? [...links].sort((a, b) => b.count - a.count || (a.slug < b.slug ? -1 : 1)).slice(0, BROWSE_SITES) : links
      return { dir: f.dir, title: f.title, links: shown, more: shown.length < links.length }
    })
}

/** Longest impact first, postmortems without a known duration after them in archive order. */
function byDuration(records: RecordHead[]): RecordHead[] {
  const minutes = (r: RecordHead): number => r.impact?.durationMinutes ?? r.durationMinutes ?? -1
  return records
    .map((r, i) => ({ r, i, m: minutes(r) }))
    .sort((a, b) => b.m - a.m || a.i - b.i)
    .map(({ r }) => r)
}

/** The home page, newest first, and the same list longest impact first (`by-duration/`), both with the filter links. */
export function homePages(records: RecordHead[], config: ResolvedConfig, facets: Facet[]): PlannedFile[] {
  const data = { title: config.title, description: config.description, feed: 'feed.xml', browse: browseLinks(facets) }
  return [
    ...paginate('', records, config.pageSize, 'home', { ...data, sort: 'date' }, listingKey),
    ...paginate('by-duration', byDuration(records), config.pageSize, 'home', { ...data, sort: 'duration' }, listingKey),
  ]
}

/** A page per month with incidents (`years/2024/03/`): the stats page's monthly bars link to them. */
export function monthPages(records: RecordHead[], config: ResolvedConfig): PlannedFile[] {
  return groupRecords(records, (r) => [monthOf(r) ?? ''].filter(Boolean)).flatMap((g) => {
    const month = g.names[0]!
    return paginate(
      `years/${month.slice(0, 4)}/${month.slice(5)}`,
      g.records,
      config.pageSize,
      'list',
      { title: `Month: ${month}`, kind: 'years', name: month, feed: null },
      listingKey,
    )
  })
}

/** The months of a year's postmortems as links to their month pages (`years/2024/03/`), in calendar order. */
export function monthLinks(records: RecordHead[]): Array<{ href: string; label: string; count: number }> {
  const counts = new Map<string, number>()
  for (const r of records) {
    const month = monthOf(r)
    if (month) counts.set(month, (counts.get(month) ?? 0) + 1)
  }
  return [...counts]
    .sort((a, b) => byCodePoint(a[0], b[0]))
    .map(([month, count]) => ({ href: `years/${month.slice(0, 4)}/${month.slice(5)}/`, label: month, count }))
}
