import { readIso, utcDay, utcTime } from '../enrich/iso.js'
import { firstSentence } from '../normalize/summary/sentences.js'

/** A duration in minutes as a reader says it: `45 min`, `2 h 30 min`, `3 d 4 h`. */
export function formatMinutes(minutes: number | null): string | null {
  if (minutes === null) return null
  const sign = minutes < 0 ? '−' : ''
  let m = Math.abs(Math.round(minutes))
  const d = Math.floor(m / 1440)
  m -= d * 1440
  const h = Math.floor(m / 60)
  m -= h * 60
  if (d) return `${sign}${d} d${h ? ` ${h} h` : ''}`
  if (h) return `${sign}${h} h${m ? ` ${m} min` : ''}`
  return `${sign}${m} min`
}

/** An ISO date-time shown in its own offset (`2023-06-20 12:32`), or `null` when it cannot be read. */
export function formatLocal(iso: string | null): string | null {
  const parts = readIso(iso)
  return parts ? `${parts.day} ${parts.time}` : null
}

/** A moment of the impact window as far as it is known (`2023-06-20 12:32`, `12:32`, `2023-06-20`), `null` when unknown. */
export function formatMoment(moment: { at: string | null; date: string | null; time: string | null } | null): string | null {
  if (!moment) return null
  return formatLocal(moment.at) ?? ([moment.date, moment.time].filter(Boolean).join(' ') || null)
}

/** How an impact window is known, as the card and the feeds say it. */
export function windowSource(source: 'stated' | 'marked' | 'timeline' | null | undefined): string | null {
  if (source === 'stated') return 'stated'
  if (source === 'marked') return 'marked in the timeline'
  if (source === 'timeline') return 'from the timeline'
  return null
}

/** An ISO date-time with an offset shown in UTC (`2023-06-20 10:32 UTC`); `null` without an offset or when it is UTC already. */
export function formatUtc(iso: string | null): string | null {
  const ms = readIso(iso)?.ms
  return ms == null || /(Z|[+-]00:?00)$/i.test(iso ?? '') ? null : `${utcDay(ms)} ${utcTime(ms)} UTC`
}

/**
 * First sentence (or first `max` characters) of a text, for one-line summaries; sentences end where the normalizer's
 * splitter says, never at an ordinal, an abbreviation or a version ("On 3. August", "e.g.", "v1.2").
 */
export function oneLine(text: string | null | undefined, max = 200, language: string | null = null): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim()
  const sentence = flat ? (firstSentence(flat.slice(0, 4 * max), language) ?? flat) : flat
  return sentence.length > max ? `${sentence.slice(0, max - 1).trimEnd()}…` : sentence
}
