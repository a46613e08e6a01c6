import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { findStatedRange } from '../src/normalize/impact/find-stated-range.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const at = (m: { date: string | null; time: string | null } | null | undefined) => (m ? `${m.date ?? ''} ${m.time ?? ''}`.trim() : null)
const read = (text: string) => {
  const { record } = normalizeDocument('w.md', text, options)
  return {
    events: record.timeline.map((e) => ({ start: at(e), end: at(e.end), text: e.text })),
    window: [at(record.impact.start), at(record.impact.end), record.impact.durationMinutes],
  }
}
const impact = (sentence: string) => read(`---\ndate: 2024-03-03\n---\n# Outage\n\n## Impact\n\n${sentence}\n`)

describe('a range spread over one sentence of prose is one event with an end', () => {
  it('reads "at 10:05 UTC we … until 10:40" as one event from 10:05 to 10:40, and the window from it', () => {
    const r = read('# Database outage\n\nAt 10:05 UTC on 2024-03-03 we lost the primary database until 10:40, when the replica was promoted.\n')
    expect(r.events).toEqual([
      { start: '2024-03-03 10:05', end: '2024-03-03 10:40', text: 'We lost the primary database until 10:40, when the replica was promoted.' },
    ])
    expect(r.window).toEqual(['2024-03-03 10:05', '2024-03-03 10:40', 35])
  })

  it('reads "between 09:10 and 09:40" as one event whose text is the sentence, not cut at "and"', () => {
    const r = read('# Login failures\n\nOn 2024-05-10, between 09:10 and 09:40 UTC, users could not log in because the auth service was down.\n')
    expect(r.events).toEqual([{ start: '2024-05-10 09:10', end: '2024-05-10 09:40', text: 'Users could not log in because the auth service was down.' }])
  })

  it('reads "entre las 10:05 y las 10:40" and an end on its own later day as ranges', () => {
    expect(impact('El servicio no estuvo disponible entre las 10:05 y las 10:40 para todos los usuarios.').events.map((e) => e.end)).toEqual([
      '2024-03-03 10:40',
    ])
    const night = read('# Site down\n\nAt 23:10 UTC on May 3, 2024 the site went down until 01:20 on May 4.\n')
    expect(night.events.map((e) => [e.start, e.end])).toEqual([['2024-05-03 23:10', '2024-05-04 01:20']])
  })

  it('keeps two events when a sentence ends between the times, or nothing joins them', () => {
    expect(read('# Outage\n\nOn 2024-03-03 at 10:05 we deployed. Errors lasted until 10:40.\n').events).toHaveLength(2)
    expect(read('# Outage\n\nOn 2024-03-03 at 10:05 we deployed, and at 10:40 errors appeared.\n').events).toHaveLength(2)
  })
})

describe("the window's stated range is read with the timeline's range tokens", () => {
  it.each([
    ['Le service de messagerie était indisponible de 10h à 11h30 pour tous les utilisateurs.', '2024-03-03 10:00', '2024-03-03 11:30', 90],
    ['Le service était indisponible de 10h05 jusqu’à 10h40.', '2024-03-03 10:05', '2024-03-03 10:40', 35],
    ['El servicio no estuvo disponible entre las 10:05 y las 10:40 para todos los usuarios.', '2024-03-03 10:05', '2024-03-03 10:40', 35],
    ['Mail was down 10:05 → 10:40 UTC.', '2024-03-03 10:05', '2024-03-03 10:40', 35],
    ['서비스가 10:05부터 10:40까지 중단되었습니다.', '2024-03-03 10:05', '2024-03-03 10:40', 35],
  ])('%s', (sentence, start, end, minutes) => {
    expect(impact(sentence).window).toEqual([start, end, minutes])
  })

  it('reads "de 10h à 11h30" as one prose event from 10:00 to 11:30', () => {
    expect(impact('Le service était indisponible de 10h à 11h30.').events.map((e) => [e.start, e.end])).toEqual([['2024-03-03 10:00', '2024-03-03 11:30']])
  })

  it('takes no hyphen inside a word for a range mark', () => {
    const passages = [{ text: 'At 10:05 the kube-proxy pods crashed and at 10:40 the nodes were drained.', weight: 3 }]
    expect(findStatedRange(passages, { date: '2024-03-03', year: 2024, dayFirst: null, zone: null })).toBeNull()
  })
})
