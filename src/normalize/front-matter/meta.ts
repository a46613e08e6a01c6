/**
 * Front-matter metadata read into the record's plain fields: tags, sites, authors, severity, slug and the
 * publication date (front matter, a `YYYY-MM-DD-` file name, or a dated `path`).
 */
import { DateTime } from 'luxon'
import type { VFile } from 'vfile'
import { MAX_TAGS, RULE } from '../../constants.js'
import { slugify } from '../../site/paths.js'
import { report } from '../diagnostics.js'
import { findDates, formatDate } from '../time/datetime.js'
import { isDraft, readAliases } from './publishing.js'
import { isStatusPost } from './status-post.js'

/** Metadata of one document. */
export interface Meta {
  tags: string[]
  site: string[]
  authors: string[]
  severity: string | null
  slug: string
  published: string | null
  /** Status-page incident (cState/Hugo): front-matter `date` is when the incident started. */
  statusPage: boolean
  /** `draft: true` or `published: false`: kept out of every published output (`site/publish.ts`). */
  draft: boolean
  /** Old addresses (Hugo `aliases`, Jekyll `redirect_from`) as site-relative paths, each given a redirect page. */
  aliases: string[]
}

/** An author's handle without its sign ("@jdoe" is jdoe): the record keeps the name, the page may add the sign. */
export const authorName = (name: string): string => name.replace(/^@(?=[\p{L}\p{N}_])/u, '')

function strings(value: unknown): string[] {
  if (typeof value === 'string')
    return value
      .split(value.includes(',') ? ',' : /\n/)
      .map((s) => s.trim())
      .filter(Boolean)
  if (typeof value === 'number') return [String(value)]
  if (Array.isArray(value)) return value.flatMap((v) => (v && typeof v === 'object' && 'name' in v ? strings((v as { name: unknown }).name) : strings(v)))
  return []
}

function typed(file: VFile, data: Record<string, unknown>, key: string, expected: string): void {
  if (data[key] !== undefined && data[key] !== null && !(Array.isArray(data[key]) && data[key].length === 0) && strings(data[key]).length === 0) {
    report(file, 'warning', `Front-matter \`${key}\` should be ${expected}`, { line: 1, column: 1 }, RULE.frontMatterType)
  }
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/**
 * `true` for a `YYYY-MM-DD` string naming a day that exists (month 1 to 12, the day within its month, leap years by
 * the Gregorian rule): what luxon's `DateTime.fromISO(day).isValid` answers, without building a DateTime.
 */
export function isIsoDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false
  return isGregorianDay(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)))
}

/**
 * `true` when a year of 0 to 9999, a month and a day name a day that exists (Gregorian leap years, year 0 a leap
 * year): what luxon's `DateTime.fromObject({ year, month, day }).isValid` answers for such a year, without the
 * DateTime (2 to 3.5 µs each, measured alone; a CPU profile under load had put it at ten times that).
 */
export function isGregorianDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < 0 || year > 9999 || !Number.isInteger(month) || !Number.isInteger(day)) return false
  if (month < 1 || month > 12 || day < 1) return false
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return day <= (month === 2 ? (leap ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!)
}

/**
 * A front-matter date value (js-yaml gives Date objects) as an ISO instant with offset, or null; years outside
 * 1..9999 (a TOML time of day is a Date in year 0) are null, since `yyyy-MM-dd` cannot hold them. A Date is read by
 * its UTC fields (what luxon in the UTC zone gives), as most front matter holds one and it is read several times.
 */
export function frontMatterInstant(value: unknown): { date: string; at: string | null; local?: string } | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null
    const year = value.getUTCFullYear()
    if (year < 1 || year > 9999) return null
    const date = `${pad(year, 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`
    return { date, at: `${date}T${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}+00:00` }
  }
  if (typeof value !== 'string') return null
  const text = value
    .trim()
    .replace(/^(\S+)\s+(\d)/, '$1T$2')
    .replace(/\s+(?=[+-]\d{2}:?\d{2}$|Z$)/, '')
  const dt = DateTime.fromISO(text, { setZone: true })
  if (!dt.isValid) {
    const day = /^(\d{4}-\d{2}-\d{2})\b/.exec(value.trim())?.[1]
    return day && isIsoDay(day) ? { date: day, at: null } : null
  }
  if (dt.year < 1 || dt.year > 9999) return null
  const zoned = /T\d/.test(text) && /(?:Z|[+-]\d{2}:?\d{2})$/.test(text)
  const date = dt.toFormat('yyyy-MM-dd')
  if (zoned) return { date, at: dt.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ") }
  // A date-time written without a zone is a local time: kept without an offset for the document's zone to place.
  return /T\d/.test(text) ? { date, at: null, local: dt.toFormat("yyyy-MM-dd'T'HH:mm:ss") } : { date, at: null }
}

/** A written-out front-matter date (`Mon, 17 Feb 2020 at 04:57 AM`, as blog exports give it) read as its day. */
function proseDate(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 80) return null
  const found = findDates(value)[0]
  return found && found.year ? formatDate({ year: found.year, month: found.month, day: found.day }) : null
}

function safeSlug(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const s = value.trim()
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$/.test(s) && !s.includes('..') ? s.toLowerCase() : null
}

/** The first MAX_TAGS values, with a warning naming the key when there were more (each one multiplies pages and feeds). */
function capped(values: string[], key: string, file: VFile): string[] {
  if (values.length <= MAX_TAGS) return values
  report(
    file,
    'warning',
    `Front-matter \`${key}\` has ${values.length} values; only the first ${MAX_TAGS} are used`,
    { line: 1, column: 1 },
    RULE.frontMatterListTooLong,
  )
  return values.slice(0, MAX_TAGS)
}

/** Keys of a publication date, best first: `date`, Jekyll's `published`, then the names Astro, Hugo and CMSs give it. */
const PUBLISHED_KEYS = ['date', 'published', 'pubDate', 'publishDate', 'publishedAt', 'timestamp']

/** The day the first of `PUBLISHED_KEYS` that holds a date gives, `null` when none does. */
function publicationDate(data: Record<string, unknown>): string | null {
  for (const key of PUBLISHED_KEYS) {
    const value = data[key]
    const day = frontMatterInstant(value)?.date ?? proseDate(value)
    if (day) return day
  }
  return null
}

/** Reads the metadata; `source` is the path under content/ with `/` separators. */
export function readMeta(source: string, data: Record<string, unknown>, file: VFile): Meta {
  typed(file, data, 'tags', 'a list of words')
  const tags = capped(
    [...new Set([...strings(data['tags']), ...strings(data['categories']), ...strings(data['category'])].map((t) => t.toLowerCase()))],
    'tags',
    file,
  )
  const parts = source.split('/').filter(Boolean)
  const folder = parts.length > 1 && parts[0] !== '.' && parts[0] !== '..' ? [parts[0]!] : []
  const site = capped([...new Set(strings(data['site'] ?? data['sites']))], 'site', file)
  const stem = (parts[parts.length - 1] ?? 'untitled').replace(/\.[^.]+$/, '')
  const statusPage = isStatusPost(data)
  const fileDate = /^(\d{4}-\d{2}-\d{2})(?:[-_ ]|$)/.exec(stem)?.[1] ?? null
  const pathDate = typeof data['path'] === 'string' ? /(?:^|\/)(\d{4})\/(\d{2})\/(\d{2})(?:\/|$)/.exec(data['path']) : null
  const fmDate = statusPage ? null : publicationDate(data)
  const validFileDate = fileDate && isIsoDay(fileDate) ? fileDate : null
  const severity = data['severity']
  return {
    tags,
    site: site.length ? site : folder,
    authors: capped([...new Set(strings(data['authors'] ?? data['author']).map(authorName))], 'authors', file),
    severity: typeof severity === 'string' || typeof severity === 'number' ? String(severity) : null,
    slug: safeSlug(data['slug']) ?? slugify(stem),
    published: fmDate ?? validFileDate ?? (pathDate ? `${pathDate[1]}-${pathDate[2]}-${pathDate[3]}` : null),
    statusPage,
    draft: isDraft(data),
    aliases: readAliases(data, file),
  }
}
