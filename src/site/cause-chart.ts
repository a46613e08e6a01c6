import { CAUSE_CATEGORIES } from '../enrich/derive-causes.js'
import type { RecordHead } from '../types.js'
import { barChart, type BarChart } from './charts.js'

/** The stats page's chart of postmortems per derived cause category, in the documented order, each bar linking to its category page. */
export function causeChart(records: RecordHead[]): BarChart {
  const counts = new Map<string, number>()
  for (const r of records) for (const c of r.derivedCauses ?? []) counts.set(c, (counts.get(c) ?? 0) + 1)
  const points = CAUSE_CATEGORIES.filter((c) => counts.has(c.id)).map((c) => ({ label: c.label, value: counts.get(c.id)!, href: `categories/${c.id}/` }))
  const without = records.filter((r) => !r.derivedCauses?.length).length
  const busiest = points.reduce<(typeof points)[number] | null>((best, p) => (best && best.value >= p.value ? best : p), null)
  const description = busiest
    ? `Postmortems per cause category derived from their root-cause sections; the most common is ${busiest.label} (${busiest.value}); ${without} have none.`
    : 'No postmortem has a cause category yet.'
  return barChart('per-cause', 'Postmortems per cause category', description, points)
}
