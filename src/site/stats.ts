import type { RecordHead } from '../types.js'
import { hashList } from '../cache/hash.js'
import { isPending, statusOf } from './actions.js'
import { barChart, type BarChart, type Point } from './charts.js'
import { formatMinutes } from './format.js'
import { groupRecords, sitesOf, type Group } from './taxonomy.js'

/** A distribution of durations in minutes: histogram, median and 90th percentile (durations are skewed, so no mean). */
export interface Distribution {
  chart: BarChart
  count: number
  median: string | null
  p90: string | null
}

/** Everything the `/stats/` page shows; plain data. */
export interface ArchiveStats {
  total: number
  perYear: BarChart
  perMonth: BarChart
  duration: Distribution
  /** How the durations charted are known: stated, marked by timeline events, or only the timeline's span. */
  durationSources: { stated: number; marked: number; timeline: number }
  timeToDetect: Distribution
  timeToResolve: Distribution
  bySite: Array<{ slug: string; label: string; count: number }>
  byTag: Array<{ slug: string; label: string; count: number; suggested: number }>
  /** Action items across the archive by status (the `/actions/` page lists them). */
  /** Items by status: `open` counts every item still to do (in progress and blocked too, also counted on their own). */
  actionItems: { total: number; open: number; inProgress: number; blocked: number; done: number; wontDo: number; unknown: number }
}

const BUCKETS: Array<[number, string]> = [
  [15, '< 15 min'],
  [30, '15–30 min'],
  [60, '30 min–1 h'],
  [120, '1–2 h'],
  [240, '2–4 h'],
  [480, '4–8 h'],
  [1440, '8–24 h'],
  [4320, '1–3 d'],
  [Infinity, '≥ 3 d'],
]

/** Linearly interpolated percentile (`q` in 0..1) of sorted values. */
export function percentile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo)
}

function distribution(id: string, title: string, values: Array<number | null>): Distribution {
  const known = values.filter((v): v is number => v !== null && v >= 0).sort((a, b) => a - b)
  const points: Point[] = BUCKETS.map(([, label]) => ({ label, value: 0 }))
  for (const v of known) points[BUCKETS.findIndex(([limit]) => v < limit)]!.value++
  const median = percentile(known, 0.5)
  const p90 = percentile(known, 0.9)
  const description = known.length
    ? `${title} of ${known.length} incidents: median ${formatMinutes(median)}, 90th percentile ${formatMinutes(p90)}.`
    : `${title}: no incident states it yet.`
  return { chart: barChart(id, title, description, points), count: known.length, median: formatMinutes(median), p90: formatMinutes(p90) }
}

/** The `YYYY-MM` of a record's incident date, when it has one. */
export const monthOf = (r: RecordHead): string | null => /^\d{4}-\d{2}/.exec(r.date ?? '')?.[0] ?? null

/** Incidents per calendar month, from the first to the last dated one, empty months included; bars link to month pages. */
function perMonth(records: RecordHead[]): BarChart {
  const months = records
    .map(monthOf)
    .filter((m): m is string => m !== null)
    .sort()
  const counted = new Map<string, number>()
  for (const m of months) counted.set(m, (counted.get(m) ?? 0) + 1)
  const points: Point[] = []
  if (months.length) {
    let [y, m] = months[0]!.split('-').map(Number) as [number, number]
    const last = months.at(-1)!
    for (let key = months[0]!; key <= last; key = `${y}-${String(m).padStart(2, '0')}`) {
      const value = counted.get(key) ?? 0
      points.push({ label: key, value, ...(value ? { href: `years/${key.slice(0, 4)}/${key.slice(5)}/` } : {}) })
      if (++m > 12) [y, m] = [y + 1, 1]
    }
  }
  const description = points.length
    ? `Incidents per month from ${points[0]!.label} to ${points.at(-1)!.label}; the busiest month had ${Math.max(...points.map((p) => p.value))}.`
    : 'No incident has a date yet.'
  return barChart('per-month', 'Incidents per month', description, points)
}

/** Incidents per year of their date, empty years included; bars link to the year pages. */
function perYear(records: RecordHead[]): BarChart {
  const counted = new Map<number, number>()
  for (const r of records) {
    const year = Number(monthOf(r)?.slice(0, 4))
    if (year) counted.set(year, (counted.get(year) ?? 0) + 1)
  }
  const years = [...counted.keys()].sort((a, b) => a - b)
  const points: Point[] = []
  if (years.length) {
    for (let y = years[0]!; y <= years.at(-1)!; y++) {
      const value = counted.get(y) ?? 0
      points.push({ label: String(y), value, ...(value ? { href: `years/${y}/` } : {}) })
    }
  }
  const busiest = points.reduce<Point | null>((best, p) => (best && best.value >= p.value ? best : p), null)
  const description = busiest
    ? `Incidents per year from ${points[0]!.label} to ${points.at(-1)!.label}; the busiest year, ${busiest.label}, had ${busiest.value}.`
    : 'No incident has a date yet.'
  return barChart('per-year', 'Incidents per year', description, points)
}

const counts = (groups: Group[], label: (g: Group) => string) =>
  groups
    .map((g) => ({ slug: g.slug, label: label(g), count: g.records.length - g.suggested.length, suggested: g.suggested.length }))
    .sort((a, b) => b.count + b.suggested - (a.count + a.suggested) || (a.slug < b.slug ? -1 : 1))

/**
 * The stats page's key: the sites' names, each record's `statsFields` and its derived causes (the cause chart), hashed
 * one part at a time; joined first (`statsKey`), they were one string of tens of MB at 100,000 postmortems.
 */
export const statsPageKey = (records: readonly RecordHead[], sites: unknown): string => hashList(statsParts(records, sites))

function* statsParts(records: readonly RecordHead[], sites: unknown): Generator<string> {
  yield JSON.stringify(sites)
  for (const r of records) yield statsFields(r)
  for (const r of records) yield (r.derivedCauses ?? []).join(',')
}

/** What `archiveStats` reads of one record, as one string (see `statsPageKey`): the page is rendered again only when it changes. */
export const statsFields = (r: RecordHead): string =>
  [
    r.slug,
    r.title,
    r.date,
    r.durationMinutes,
    r.impact?.source ?? '',
    r.metrics.timeToDetectMinutes,
    r.metrics.timeToResolveMinutes,
    r.site.join('\u0002'),
    r.tags.join('\u0002'),
    r.derivedTags.join('\u0002'),
    r.actionItems.map(statusOf).join('\u0002'),
  ].join('\u0001')

/** Counts the records with a duration by how their impact window is known. */
function durationSources(records: RecordHead[]): ArchiveStats['durationSources'] {
  const out = { stated: 0, marked: 0, timeline: 0 }
  for (const r of records) if (r.durationMinutes !== null && r.durationMinutes >= 0 && r.impact?.source) out[r.impact.source]++
  return out
}

/** Action items by status across the records. */
function actionCounts(records: RecordHead[]): ArchiveStats['actionItems'] {
  const out = { total: 0, open: 0, inProgress: 0, blocked: 0, done: 0, wontDo: 0, unknown: 0 }
  for (const r of records)
    for (const item of r.actionItems) {
      const status = statusOf(item)
      out.total++
      if (isPending(status)) out.open++
      if (status === 'in-progress') out.inProgress++
      else if (status === 'blocked') out.blocked++
      else if (status === 'done') out.done++
      else if (status === 'wont-do') out.wontDo++
      else if (status === 'unknown') out.unknown++
    }
  return out
}

/** Computes the archive's patterns (`records` in archive order); pure and deterministic. */
export function archiveStats(records: RecordHead[], siteLabel: (name: string) => string): ArchiveStats {
  return {
    total: records.length,
    perYear: perYear(records),
    perMonth: perMonth(records),
    duration: distribution(
      'duration',
      'Duration',
      records.map((r) => r.durationMinutes),
    ),
    durationSources: durationSources(records),
    timeToDetect: distribution(
      'time-to-detect',
      'Time to detect',
      records.map((r) => r.metrics.timeToDetectMinutes),
    ),
    timeToResolve: distribution(
      'time-to-resolve',
      'Time to resolve',
      records.map((r) => r.metrics.timeToResolveMinutes),
    ),
    bySite: counts(groupRecords(records, sitesOf), (g) => g.names.map(siteLabel).join(' / ')).map(({ slug, label, count }) => ({ slug, label, count })),
    byTag: counts(
      groupRecords(
        records,
        (r) => r.tags,
        (r) => r.derivedTags,
      ),
      (g) => g.names.join(' / '),
    ),
    actionItems: actionCounts(records),
  }
}
