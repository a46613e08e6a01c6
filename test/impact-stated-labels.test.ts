import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { findDurations } from '../src/normalize/impact/find-duration.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const windowOf = (text: string) => {
  const { impact } = normalizeDocument('w.md', text, options).record
  const at = (m: { date: string | null; time: string | null } | null) => (m ? `${m.date ?? ''} ${m.time ?? ''}`.trim() : null)
  return { start: at(impact.start), end: at(impact.end), minutes: impact.durationMinutes, source: impact.source }
}

describe('durations stated in labels and titles', () => {
  it('reads a label of two words before "duration", a total time, weeks, and an amount before a named outage', () => {
    expect(findDurations('**Total impact duration:** 5 hours 26 minutes (10:45 - 16:11 UTC)')[0]?.minutes).toBe(326)
    expect(findDurations('Total Time: 33 minutes down')[0]?.minutes).toBe(33)
    expect(findDurations('Outage for approximately 2 weeks')[0]?.minutes).toBe(20160)
    expect(findDurations('Post mortem: 3h search outage')[0]?.minutes).toBe(180)
    expect(findDurations('2h Tool Execution Outage')[0]?.minutes).toBe(120)
  })

  it('reads a label opened by a pictograph, and a duration written in Spanish or Portuguese', () => {
    expect(findDurations('- ⏱️ **Duration:** ~30 minutes (estimated)')[0]?.minutes).toBe(30)
    expect(findDurations('- **Duración:** ~2 horas (estimado)')[0]?.minutes).toBe(120)
    expect(findDurations('⏱️ Duração: 45 minutos')[0]?.minutes).toBe(45)
    const text =
      '# Panel exposed\n\nDate: 2025-01-02\n\n## Timeline\n\n- **18:00** - Report\n- **18:40** - Plan\n\n## Metrics\n\n- ⏱️ **Duración:** ~30 minutos\n'
    expect(windowOf(text).minutes).toBe(30)
  })

  it('reads a text the same whatever was read before it (a stats line read first once made the next read start mid-text)', () => {
    const alone = findDurations('2h Tool Execution Outage')
    findDurations('Total Time: 33 minutes down')
    expect(findDurations('2h Tool Execution Outage')).toEqual(alone)
  })

  it('keeps a count, a delay and a plain time label from being read as the impact', () => {
    expect(findDurations('3m errors in the log')).toEqual([])
    expect(findDurations('5 minutes before the outage')).toEqual([])
    expect(findDurations('Time: 5 minutes')).toEqual([])
  })
})

describe('the window stated by labelled lines', () => {
  it('takes a labelled impact line written under the timeline over the span and the detection event', () => {
    const text =
      '# Login outage\n\nOn 2024-03-02 logins failed.\n\n## Timeline\n\nAll times in UTC.\n\n- **10:45** - deploy of auth v2\n' +
      '- **14:59** - customer reports failures to log in\n- **16:11** - rollback complete\n- **22:28** - incident closed\n\n' +
      '**Total impact duration:** 5 hours 26 minutes (10:45 - 16:11 UTC)\n**Detection delay:** 4 hours 14 minutes\n'
    expect(windowOf(text)).toEqual({ start: '2024-03-02 10:45', end: '2024-03-02 16:11', minutes: 326, source: 'stated' })
  })

  it('reads Down and Up times in a nested field list, with the total beside them', () => {
    const text =
      '# Downtime report\n\n#### Downtime on May 4th, 2024\n\n- **Time**:\n  - Down: 10:32 UTC\n  - Up: 11:05 UTC\n  - Total Time: 33 minutes down\n\n' +
      'The database ran out of connections.\n'
    expect(windowOf(text)).toEqual({ start: '2024-05-04 10:32', end: '2024-05-04 11:05', minutes: 33, source: 'stated' })
  })

  it('takes a duration the title states over the span of the timeline', () => {
    const text =
      '# Post mortem: 3h search outage\n\n## Timeline (UTC)\n\n| Time | Event |\n|---|---|\n| 2024-06-01 14:10 | Search index corrupted |\n| 2024-06-01 16:55 | Index rebuilt |\n'
    expect(windowOf(text).minutes).toBe(180)
  })
})
