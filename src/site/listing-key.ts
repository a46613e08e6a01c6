import { hashParts } from '../cache/hash.js'
import type { PostmortemRecord, RecordHead } from '../types.js'
import { actionsFields } from './actions.js'
import { recordDay } from './record-day.js'
import { formatMinutes, oneLine, windowSource } from './format.js'
import { signature } from './related.js'
import { statsFields } from './stats.js'
import { severityBadge } from './severity.js'
import { sitesOf } from './taxonomy.js'
import { shownTitle } from './shown-title.js'
import { hasBody } from './site-document.js'

const entries = new WeakMap<RecordHead, Record<string, unknown>>()

/**
 * What an index page shows of one postmortem (keeps index pages and their cache keys small). Worked out once per
 * record: a postmortem is listed on about ten pages (home, by duration, its tags, site, year, month, severity,
 * causes), and its one-line summary runs the sentence splitter. Each caller gets its own copy of the fields.
 */
export function entryOf(r: RecordHead): Record<string, unknown> {
  let entry = entries.get(r)
  if (entry === undefined) entries.set(r, (entry = listingEntry(r)))
  return { ...entry }
}

function listingEntry(r: RecordHead): Record<string, unknown> {
  const minutes = r.impact?.durationMinutes ?? r.durationMinutes
  return {
    slug: r.slug,
    title: shownTitle(r),
    draft: r.draft === true,
    date: r.date,
    site: sitesOf(r),
    tags: r.tags,
    derivedTags: r.derivedTags,
    summary: oneLine(r.summary, 240, r.language ?? null),
    severity: severityBadge(r),
    duration: minutes !== null && minutes >= 0 ? formatMinutes(minutes) : null,
    known: windowSource(r.impact?.source),
  }
}

const keys = new WeakMap<RecordHead, string>()

/** Hands over a record's listing key worked out earlier (the cache keeps it in the entry's head), so a warm build need not hash 10,000 of them again. */
export function primeListingKey(record: RecordHead, key: string): void {
  keys.set(record, key)
}

/**
 * Everything the rest of the archive shows of a postmortem, hashed: its line on index pages, its feed entries, its
 * place in archive order, the stats page, its action items on `/actions/`, the sitemap, and its links on related pages. Those outputs are keyed by
 * it rather than by the whole document, so an edit to the prose re-renders the postmortem's own page alone; a warm
 * build that finds it unchanged for every edited file plans nothing else (a test changes each field in turn).
 */
export function listingKey(r: RecordHead | PostmortemRecord): string {
  let key = keys.get(r)
  if (key === undefined) {
    // A cached summary's head has its key handed over (`primeListingKey`); only a whole record has the fields to hash.
    if (!hasBody(r)) throw new Error(`The listing key of ${r.source} was not handed over with its summary`)
    const feed = [r.summary, r.authors, r.published, recordDay(r)]
    keys.set(r, (key = hashParts(JSON.stringify([entryOf(r), feed, statsFields(r), actionsFields(r), signature(r), r.aliases ?? null]))))
  }
  return key
}
