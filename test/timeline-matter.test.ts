import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const record = (text: string): ReturnType<typeof normalizeDocument>['record'] => normalizeDocument('post.md', text, options).record
const events = (text: string): Array<[string | null, string, number]> => record(text).timeline.map((e) => [e.at, e.text, e.line])

const STATES = `---
layout: post
title: Storage outage
severity: outage
date: 2021-03-04 21:10 GMT+1
resolvedDate: 2021-03-04 23:05 GMT+1
incident_states:
- status: investigating
  content: "Uploads fail in the EU region."
  date: 2021-03-04 21:10 GMT+1
- status: update
  content: "A full disk on the primary; freeing space."
  date: 2021-03-04 21:40 GMT+1
- status: monitoring
  content: "Uploads work again, we are watching it."
  date: 2021-03-04 22:20 GMT+1
---
`

describe('a status post whose front matter lists its updates', () => {
  it('reads each `{status, content, date}` update as a timeline event, at its own line, in the zone it names', () => {
    expect(events(STATES)).toEqual([
      ['2021-03-04T21:10:00+01:00', 'Investigating: Uploads fail in the EU region.', 8],
      ['2021-03-04T21:40:00+01:00', 'Update: A full disk on the primary; freeing space.', 11],
      ['2021-03-04T22:20:00+01:00', 'Monitoring: Uploads work again, we are watching it.', 14],
    ])
    const r = record(STATES)
    expect([r.timezone, r.utcOffset, r.date]).toEqual(['GMT+1', '+01:00', '2021-03-04'])
    expect(r.diagnostics.filter((d) => /incident_states|resolvedDate/.test(d.message))).toEqual([])
  })

  it('takes a `resolvedDate` key as the end of the window', () => {
    const { impact } = record(STATES)
    expect([impact.start?.at, impact.end?.at, impact.durationMinutes]).toEqual(['2021-03-04T21:10:00+01:00', '2021-03-04T23:05:00+01:00', 115])
    const other = record('---\ntitle: Queue stalled\nstarted_at: 2021-03-04T09:00:00Z\nresolution_date: 2021-03-04T10:15:00Z\n---\n\nThe queue stalled.\n')
    expect([other.impact.end?.at, other.impact.durationMinutes]).toEqual(['2021-03-04T10:15:00+00:00', 75])
  })

  it('reads `updates:` of `{time, status, body}` written newest first with YAML timestamps, keeping the offset written', () => {
    const text = `---
title: Slow storage
start: 2026-09-14 08:20:00 +02:00
updates:
  - time: 2026-09-14 10:05:00 +02:00
    status: Identified
    body: >-
      A metadata server is saturated; draining it.
  - time: 2026-09-14 08:40:00 +02:00
    status: Investigating
    body: >-
      We are looking into slow access.
---

Storage was slow all morning.
`
    expect(events(text)).toEqual([
      ['2026-09-14T10:05:00+02:00', 'Identified: A metadata server is saturated; draining it.', 5],
      ['2026-09-14T08:40:00+02:00', 'Investigating: We are looking into slow access.', 9],
    ])
  })

  it('reads `timeline:` of `{time, event}` with bare times on the front matter’s day, and skips an update without a stamp', () => {
    const text = `---
title: Login errors
date: 2024-02-15
timeline:
  - event: "Reports came in"
  - time: 14:30
    event: "Alert fired"
  - time: "14:45"
    event: "Rolled back the deploy"
---
`
    expect(record(text).timeline.map((e) => [e.date, e.time, e.text])).toEqual([
      ['2024-02-15', '14:30', 'Alert fired'],
      ['2024-02-15', '14:45', 'Rolled back the deploy'],
    ])
  })

  it('leaves a blog’s list of article revisions (days, no times) alone, without an unknown-key warning', () => {
    const r = record(`---\ntitle: Cache outage\nupdates:\n  - time: '2020-05-01'\n    description: 'Added the graphs'\n---\n\nThe cache fell over.\n`)
    expect(r.timeline).toEqual([])
    expect(r.diagnostics.filter((d) => d.message.includes('updates'))).toEqual([])
  })

  it('keeps the body’s own Timeline section over the front matter’s list', () => {
    const text = STATES.replace(/\n$/, '\n\n## Timeline\n\n- 21:05 Disk alarm fired\n- 21:12 Paged the on-call\n')
    expect(record(text).timeline.map((e) => e.text)).toEqual(['Disk alarm fired', 'Paged the on-call'])
  })
})
