/**
 * Two or more impact periods one passage states ("the first outage lasted from 10:00 to 10:40; it recurred from 13:05
 * to 13:30"): the window spans the first start to the last end. Its length is then not that span but the stated total
 * when the text gives one ("65 minutes in total": at least nine tenths of the periods' sum, as totals are rounded, at
 * most the span), else the span, as a stated duration wins over the ends (the corpus labels' rule); the window reads the
 * total before it measures the span.
 */
import type { Moment } from '../../types.js'
import { isBefore, minutesFrom } from './moment-math.js'

/** Words that say the impact happened again: a later period of the same incident, not a restatement of the first. */
const AGAIN =
  /\b(?:again|recurr?\w*|re-?occur\w*|re-?appear\w*|resurfac\w*|returned|came\s+back|twice|second\s+(?:outage|period|time|wave|incident)|another\s+(?:outage|period|wave))\b/i

/** A range one sentence states, with its weight, the passage it sits in and whether its sentence says the impact came back. */
export interface PeriodCandidate {
  start: Moment
  end: Moment
  weight: number
  passage: number
  again: boolean
}

/** `true` when a sentence says the impact happened again (read once per sentence that states a range). */
export const saysAgain = (sentence: string): boolean => AGAIN.test(sentence)

/**
 * The span of the periods stated in the best range's passage, `null` unless there are two or more: each as strong as
 * the best less one, one after another without overlap, and a later one's sentence saying the impact came back.
 */
export function periodsSpan(best: PeriodCandidate, candidates: PeriodCandidate[]): { start: Moment; end: Moment; periods: number; covered: number } | null {
  const same = candidates.filter((c) => c.passage === best.passage && c.weight >= best.weight - 1)
  if (same.length < 2 || same.length > 8) return null
  const sorted = [...same].sort((a, b) => (isBefore(a.start, b.start) ? -1 : isBefore(b.start, a.start) ? 1 : 0))
  for (let i = 1; i < sorted.length; i++) if (!isBefore(sorted[i - 1]!.end, sorted[i]!.start)) return null
  if (!sorted.slice(1).some((c) => c.again)) return null
  const covered = sorted.reduce((sum, c) => sum + (minutesFrom(c.start, c.end) ?? 0), 0)
  return { start: sorted[0]!.start, end: sorted[sorted.length - 1]!.end, periods: sorted.length, covered }
}
