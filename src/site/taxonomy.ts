import type { RecordHead } from '../types.js'
import { ownValue } from '../own.js'
import { slugify } from './paths.js'
import { byCodePoint } from '../compare.js'

/** The site-wide bucket for postmortems that name no site. */
export const UNSORTED = 'unsorted'

/** Sites of a record, with the unsorted bucket where it names none. */
export const sitesOf = (r: RecordHead): string[] => (r.site.length ? r.site : [UNSORTED])

/** A site's display name: the configured one, `Unsorted` for the bucket of postmortems naming none, else as written. */
export const siteLabel = (sites: Record<string, string>, name: string): string => ownValue(sites, name) ?? (name === UNSORTED ? 'Unsorted' : name)

/** A browsable bucket (tag, site, year): every label that slugs the same way shares one page. */
export interface Group {
  slug: string
  /** Labels as written, sorted; more than one when different spellings collide on the slug. */
  names: string[]
  records: RecordHead[]
  /** Slugs of the records that are in the group only by a suggested (derived) value. */
  suggested: string[]
}

/**
 * Groups records by the labels `own` yields (and, marked as suggested, those `suggested` yields), merging labels whose
 * slugs collide (`Foo Bar` and `foo-bar`) so no page overwrites another; records keep archive order, groups sort by slug.
 */
export function groupRecords(records: RecordHead[], own: (r: RecordHead) => string[], suggested: (r: RecordHead) => string[] = () => []): Group[] {
  const groups = new Map<string, { names: Set<string>; records: RecordHead[]; suggested: string[] }>()
  const add = (slug: string, name: string, record: RecordHead, isSuggested: boolean): void => {
    let group = groups.get(slug)
    if (!group) groups.set(slug, (group = { names: new Set(), records: [], suggested: [] }))
    group.names.add(name)
    if (group.records.at(-1) === record) return
    group.records.push(record)
    if (isSuggested) group.suggested.push(record.slug)
  }
  for (const record of records) {
    const mine = new Set<string>()
    for (const name of own(record)) {
      mine.add(slugify(name))
      add(slugify(name), name, record, false)
    }
    for (const name of suggested(record)) if (!mine.has(slugify(name))) add(slugify(name), name, record, true)
  }
  return [...groups]
    .sort(([a], [b]) => byCodePoint(a, b))
    .map(([slug, g]) => ({ slug, names: [...g.names].sort(), records: g.records, suggested: g.suggested }))
}

/** Label for the year bucket of a record: its incident year, else its publication year, else `Undated`. */
export function yearOf(record: RecordHead): string {
  return /^\d{4}/.exec(record.date ?? record.published ?? '')?.[0] ?? 'Undated'
}

/** Years newest first, with the undated bucket last. */
export function sortYears(groups: Group[]): Group[] {
  return [...groups].sort((a, b) => (a.slug === 'undated' ? 1 : b.slug === 'undated' ? -1 : a.slug < b.slug ? 1 : -1))
}
