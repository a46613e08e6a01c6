import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { endScore } from '../src/normalize/impact/marked-events.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const doc = (front: string, body = 'The API was down.\n'): ReturnType<typeof normalizeDocument>['record'] =>
  normalizeDocument('d.md', `---\ntitle: API down\n${front}\n---\n\n${body}`, options).record
const window = (front: string, body?: string): [string | null, string | null, number | null, string | null] => {
  const { impact } = doc(front, body)
  return [impact.start?.at ?? null, impact.end?.at ?? null, impact.durationMinutes, impact.source]
}

describe('the incident window from front-matter keys', () => {
  it('reads start and end keys written with an offset, keeping the offset the author wrote', () => {
    expect(window('started_at: 2024-01-02T10:00:00Z\nresolved_at: 2024-01-02T11:30:00Z')).toEqual([
      '2024-01-02T10:00:00+00:00',
      '2024-01-02T11:30:00+00:00',
      90,
      'stated',
    ])
    expect(window('began: 2024-01-02T10:00:00+01:00\nended_at: "2024-01-02T12:00:00+01:00"')).toEqual([
      '2024-01-02T10:00:00+01:00',
      '2024-01-02T12:00:00+01:00',
      120,
      'stated',
    ])
  })

  it('places a value written without a zone in the document’s zone, not in UTC', () => {
    expect(window('timezone: Europe/Berlin\nstart: 2024-01-02 10:00\nend: 2024-01-02 11:30')).toEqual([
      '2024-01-02T10:00:00+01:00',
      '2024-01-02T11:30:00+01:00',
      90,
      'stated',
    ])
  })

  it('reads a window range and takes the zone it names', () => {
    const record = doc('incident_window: "2024-01-02 10:00 - 11:30 UTC"')
    expect([record.impact.start?.at, record.impact.end?.at, record.impact.durationMinutes, record.date, record.timezone]).toEqual([
      '2024-01-02T10:00:00+00:00',
      '2024-01-02T11:30:00+00:00',
      90,
      '2024-01-02',
      'UTC',
    ])
  })

  it('reads a duration with a unit and gives the end a start lacks, or the duration alone', () => {
    expect(window('began: 2024-01-02T10:00:00Z\nduration: 1h 30m')).toEqual(['2024-01-02T10:00:00+00:00', '2024-01-02T11:30:00+00:00', 90, 'stated'])
    expect(window('resolvedAt: 2024-01-02T11:30:00Z\nduration: PT45M')[0]).toBe('2024-01-02T10:45:00+00:00')
    expect(doc('duration: "20 minutes"').impact.durationMinutes).toBe(20)
    // A bare number names no unit.
    expect(doc('duration: 20').impact.durationMinutes).toBeNull()
  })

  it('takes the moment the problem was detected as the start only when no key names the start', () => {
    expect(window('detected_at: 2024-01-02T10:05:00Z\nended_at: 2024-01-02T11:00:00Z')[0]).toBe('2024-01-02T10:05:00+00:00')
    expect(window('detected_at: 2024-01-02T10:05:00Z\nstarted_at: 2024-01-02T09:50:00Z\nended_at: 2024-01-02T11:00:00Z')[0]).toBe('2024-01-02T09:50:00+00:00')
  })

  it('warns about none of the window keys', () => {
    const keys =
      'started_at: 2024-01-02T10:00:00Z\nbegan: x\ndetected_at: 2024-01-02T10:05:00Z\nresolved_at: 2024-01-02T11:00:00Z\nresolved_on: x\nended_at: x\nwindow: x\nincident_window: x'
    expect(doc(keys).diagnostics.filter((d) => d.ruleId === 'front-matter-unknown-key')).toEqual([])
  })

  it('lets an earlier event that plainly says service was back end the impact before the incident was marked resolved', () => {
    const timeline = '## Timeline\n\n- 2024-01-02 10:05 The API is down\n- 2024-01-02 10:40 Service restored for all users\n'
    expect(doc('started_at: 2024-01-02T10:00:00Z\nresolved_on: 2024-01-02T11:30:00Z', timeline).impact.end?.time).toBe('10:40')
    // An end key that names the impact's end is the end, whatever the timeline says.
    expect(doc('started_at: 2024-01-02T10:00:00Z\nended_at: 2024-01-02T11:30:00Z', timeline).impact.end?.time).toBe('11:30')
  })

  it('reads French "accessible again" and "working normally" as marking the end', () => {
    expect(endScore('Le site et le support sont à nouveau accessibles.')).toBeGreaterThanOrEqual(3)
    expect(endScore('Les deux serveurs fonctionnent normalement.')).toBeGreaterThanOrEqual(3)
  })
})
