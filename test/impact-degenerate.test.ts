import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const read = (text: string) => {
  const { record } = normalizeDocument('w.md', text, options)
  const diagnostics = record.diagnostics
  const at = (m: { date: string | null; time: string | null } | null) => (m ? `${m.date ?? ''} ${m.time ?? ''}`.trim() : null)
  return { start: at(record.impact.start), end: at(record.impact.end), minutes: record.impact.durationMinutes, rules: diagnostics.map((d) => d.ruleId) }
}

describe('windows that cannot be', () => {
  it('leaves out a stated end before the stated start, with a warning', () => {
    const r = read('---\ntitle: Mail delays\ndate: 2024-04-10T09:00:00Z\nresolvedWhen: 2024-04-01T12:00:00Z\n---\nMail was delayed. It is fixed now.\n')
    expect([r.start, r.end, r.minutes]).toEqual(['2024-04-10 09:00', null, null])
    expect(r.rules).toContain('impact-end-before-start')
  })

  it('gives no end and no duration when every mark falls on one timed event, and no length for two day-only ends on one day', () => {
    const one = read(
      '# Build outage\n\n## Timeline (UTC)\n\n- 2024-05-02 09:00 config change merged\n- 2024-05-02 18:33 jobs began to fail and were restored\n',
    )
    expect([one.start, one.end, one.minutes]).toEqual(['2024-05-02 18:33', null, null])
    const days = read('# Outage\n\n## Timeline\n\n- 2024-05-02: storage began to fail\n- 2024-05-02: storage replaced\n')
    expect([days.start, days.end, days.minutes]).toEqual(['2024-05-02', '2024-05-02', null])
    expect(days.rules).not.toContain('impact-end-before-start')
  })
})

describe('the span of the timeline', () => {
  it('ends before a last event a week or more later that says nothing of recovery (a fix shipped weeks on)', () => {
    const r = read(
      '# Queue stall\n\n## Timeline (all times UTC)\n\n2024-05-02\n\n- 10:00 - Queue stops accepting jobs.\n- 10:25 - Workers restarted.\n\n2024-05-20 - Fix shipped in release 2.3.\n',
    )
    expect([r.start, r.end, r.minutes]).toEqual(['2024-05-02 10:00', '2024-05-02 10:25', 25])
  })

  it('keeps a later last event that says the service recovered', () => {
    const r = read('# Storage loss\n\n## Timeline\n\n- 2024-05-02 10:00 UTC volumes are gone\n- 2024-05-12 09:00 UTC service restored from backups\n')
    expect(r.end).toBe('2024-05-12 09:00')
  })
})

describe("the author's mark of the start", () => {
  it('takes an event opening "Start of incident." as the start over a later report', () => {
    const r = read(
      '# Incident 2024-02-03\n\n## Timeline (UTC)\n\n### 2024-02-03 08:15\n\nStart of incident. A bad route is announced.\n\n### 08:50\n\nA user reports the site is unreachable.\n\n### 08:52\n\nRoute withdrawn. Incident ends.\n',
    )
    expect([r.start, r.end, r.minutes]).toEqual(['2024-02-03 08:15', '2024-02-03 08:52', 37])
  })
})
