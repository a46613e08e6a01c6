import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const recordOf = (text: string) => normalizeDocument('s.md', text, options).record

describe('a status page’s incident history, newest first', () => {
  it('reads a label on its own line, the update’s words, then a stamp line without a year, and orders the window', () => {
    const r = recordOf(
      '# Login failures\n\n## Status updates\n\nResolved\nThis incident has been resolved.\nMar 3, 16:05 UTC\n\nIdentified\nThe issue has been identified and a fix is being implemented.\nMar 3, 14:50 UTC\n\nInvestigating\nWe are looking into reports of failed logins.\nMar 3, 14:05 UTC\n',
    )
    expect(r.timeline.map((e) => [e.time, e.text])).toEqual([
      ['16:05', 'Resolved - This incident has been resolved.'],
      ['14:50', 'Identified - The issue has been identified and a fix is being implemented.'],
      ['14:05', 'Investigating - We are looking into reports of failed logins.'],
    ])
    expect([r.impact.start?.time, r.impact.end?.time, r.impact.durationMinutes, r.impact.source]).toEqual(['14:05', '16:05', 120, 'marked'])
  })

  it('takes its phase labels as the marks of the window and of detection and mitigation', () => {
    const r = recordOf(
      '# Delayed webhooks\n\n**Resolved** - Webhook deliveries have caught up.\nPosted Mar 03, 2024 - 16:05 UTC\n\n**Monitoring** - Delivery is recovering.\nPosted Mar 03, 2024 - 15:20 UTC\n\n**Investigating** - Webhooks are delayed.\nPosted Mar 03, 2024 - 14:05 UTC\n',
    )
    expect(r.impact).toMatchObject({ start: { time: '14:05' }, end: { time: '16:05' }, source: 'marked' })
    expect([r.metrics.detected?.at, r.metrics.mitigated?.at]).toEqual(['2024-03-03T14:05:00+00:00', '2024-03-03T15:20:00+00:00'])
  })
})
