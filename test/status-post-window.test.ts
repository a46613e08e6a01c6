import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { isStatusPost } from '../src/normalize/front-matter/status-post.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const record = (front: string, body = ''): ReturnType<typeof normalizeDocument>['record'] =>
  normalizeDocument('post.md', `---\ntitle: Login degraded\n${front}\n---\n\n${body}`, options).record

describe('status posts whose front matter holds the window', () => {
  it('takes a status post’s date as the start when a resolution key holds a moment (Jekyll status themes)', () => {
    const { impact, date } = record('date: 2025-03-02T08:10:00Z\nresolvedDate: 2025-03-02T09:40:00Z')
    expect([impact.start?.at, impact.end?.at, impact.durationMinutes, impact.source, date]).toEqual([
      '2025-03-02T08:10:00+00:00',
      '2025-03-02T09:40:00+00:00',
      90,
      'stated',
      '2025-03-02',
    ])
  })

  it('reads a zone written by name after the front-matter time, and names it as the record’s zone', () => {
    const { impact, timezone } = record('severity: major\nstatus: resolved\ndate: 2025-03-02 08:10 CET\nresolved_at: 2025-03-02 09:05 CET')
    expect([impact.start?.at, impact.end?.at, impact.durationMinutes, timezone]).toEqual(['2025-03-02T08:10:00+01:00', '2025-03-02T09:05:00+01:00', 55, 'CET'])
  })

  it('keeps a blog post’s date as its publication day, not an impact start', () => {
    const { impact, published } = record('date: 2025-03-09\nauthor: Kim', 'On Sunday the login page failed for an hour.\n')
    expect(impact.start?.time ?? null).toBeNull()
    expect(published).toBe('2025-03-09')
  })
})

describe('isStatusPost', () => {
  it('tells status posts by their keys, and a resolved flag alone is not one', () => {
    expect(isStatusPost({ date: '2025-01-01', resolvedDate: '2025-01-01 10:00 UTC' })).toBe(true)
    expect(isStatusPost({ date: '2025-01-01', resolved_at: new Date(0) })).toBe(true)
    expect(isStatusPost({ date: '2025-01-01', status: 'Resolved', severity: 'minor' })).toBe(true)
    expect(isStatusPost({ affected: ['API'] })).toBe(true)
    expect(isStatusPost({ date: '2025-01-01', resolved: true })).toBe(false)
    expect(isStatusPost({ date: '2025-01-01', resolvedBy: 'SRE team 2' })).toBe(false)
    expect(isStatusPost({ date: '2025-01-01', status: 'draft', severity: 'minor' })).toBe(false)
    expect(isStatusPost({ date: '2025-01-01', title: 'A blog post', tags: ['ops'] })).toBe(false)
  })
})

describe('Statusfy incidents', () => {
  it('reads affectedsystems as a status-page key: the date is the start and the key is no unknown one', () => {
    const { impact, diagnostics } = record(
      'date: "2021-03-19T06:26:00.000Z"\nseverity: major-outage\naffectedsystems:\n  - workspaces',
      'Workspaces fail to start.\n',
    )
    expect(impact.start?.at).toBe('2021-03-19T06:26:00+00:00')
    expect(diagnostics.map((d) => d.ruleId)).not.toContain('front-matter-unknown-key')
  })
})
