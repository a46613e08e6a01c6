import type { ResolvedConfig } from '../types.js'
import { url } from './paths.js'

/** URL of a site-relative path for feeds, sitemap and canonical links: absolute with `config.url`, else root-relative. */
export function publicUrl(config: Pick<ResolvedConfig, 'url' | 'base'>, rel: string): string {
  return config.url + url(config.base, rel)
}

/** A `Date` for a `YYYY-MM-DD` (midnight UTC), or the Unix epoch when missing or unreadable; never the clock. */
export function dayToDate(day: string | null | undefined): Date {
  const match = /^\d{4}-\d{2}(?:-\d{2})?/.exec(day ?? '')
  // A month-only incident date (`2023-03`) sorts and dates a feed entry at the month's start.
  const date = new Date(match ? `${match[0].length === 7 ? `${match[0]}-01` : match[0]}T00:00:00Z` : 0)
  return Number.isNaN(date.getTime()) ? new Date(0) : date
}
