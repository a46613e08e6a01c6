/**
 * The impact's length as the text states it, for the window to use over the span its ends give: a `Duration:` field, an
 * impact duration in prose (the surest, in the weightiest passage), a time to recover, else an amount in the title.
 */
import { findDurations } from './find-duration.js'
import type { Passage } from './find-stated-range.js'

/** The best stated impact duration: a field's amount, an impact duration in prose, else a time to recover, else the title's. */
export function statedMinutes(passages: Passage[], fieldRange: string | null, title: string | null): number | null {
  const field = fieldRange ? findDurations(`Duration: ${fieldRange}`)[0] : undefined
  if (field) return field.minutes
  let best: { minutes: number; score: number } | null = null
  for (const passage of passages) {
    for (const d of findDurations(passage.text)) {
      if (d.kind !== 'impact' && d.kind !== 'resolve') continue
      const score = d.weight * 2 + passage.weight - (d.kind === 'resolve' ? 1 : 0)
      if (!best || score > best.score) best = { minutes: d.minutes, score }
    }
  }
  if (best) return best.minutes
  const named = title ? findDurations(title).find((d) => d.kind === 'impact' && d.weight >= 2) : undefined
  return named?.minutes ?? null
}
