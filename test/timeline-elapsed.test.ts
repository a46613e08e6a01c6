import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { parseMarkdown } from '../src/markdown/parse.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { readElapsed } from '../src/normalize/timeline/timeline-elapsed.js'
import { extractTimeline, type TimelineContext } from '../src/normalize/timeline/timeline.js'

const base: TimelineContext = { heading: 'Timeline', date: '2024-05-02', year: 2024, zone: 'UTC', defaultTimezone: null }

function entries(markdown: string, ctx: Partial<TimelineContext> = {}): string[] {
  const result = extractTimeline(parseMarkdown(markdown).children, { ...base, ...ctx }, new VFile({ value: markdown }))
  return result.entries.map((e) => `${e.date} ${e.time} ${e.text}`)
}

describe('relative timelines: offsets from the start', () => {
  it.each([
    ['T+0: primary stops', 0, 'primary stops'],
    ['T+4m: alert fires', 4, 'alert fires'],
    ['**T+12m** – failover initiated', 12, 'failover initiated'],
    ['T+1h05: replication caught up', 65, 'replication caught up'],
    ['T + 2h - all clear', 120, 'all clear'],
    ['[T+01:30] rollback done', 90, 'rollback done'],
    ['T+90 minutes: postmortem scheduled', 90, 'postmortem scheduled'],
    ['T+1d: follow-up review', 1440, 'follow-up review'],
    ['T-30m: config change merged', -30, 'config change merged'],
  ])('%s', (line, minutes, rest) => {
    expect(readElapsed(line, {})).toMatchObject({ elapsed: minutes, time: null, rest })
  })

  it('reads nothing else', () => {
    expect(readElapsed('The T+ notation', {})).toBeNull()
    expect(readElapsed('TTL raised', {})).toBeNull()
  })

  it('places the entries from a T+0 entry that gives its clock time, across midnight', () => {
    expect(entries('- T+0 (23:40 UTC): primary stops\n- T+15m: alert fires\n- T+1h05: replication caught up\n')).toEqual([
      '2024-05-02 23:40 primary stops',
      '2024-05-02 23:55 alert fires',
      '2024-05-03 00:45 replication caught up',
    ])
  })

  it('places them from the stated start, and leaves them out without one', () => {
    expect(entries('- T+0: primary stops\n- T+4m: alert\n', { start: '2024-05-02T14:00:00+00:00' })).toEqual([
      '2024-05-02 14:00 primary stops',
      '2024-05-02 14:04 alert',
    ])
    expect(entries('- T+0: primary stops\n- T+4m: alert\n')).toEqual([])
  })

  it('reads a document whose start is a labelled line ("Incident start: …")', () => {
    const md =
      '# Failover\n\nIncident start: 2024-05-02 14:00 UTC\n\n## Timeline\n\n- T+0: writes fail\n- T+12m: failover initiated\n- T+1h05: incident resolved\n'
    const { record } = normalizeDocument('x.md', md, { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY })
    expect(record.timeline.map((e) => e.at)).toEqual(['2024-05-02T14:00:00+00:00', '2024-05-02T14:12:00+00:00', '2024-05-02T15:05:00+00:00'])
  })
})

describe('offsets from an anchor row: the first row gives its clock, later rows count from it', () => {
  it.each([
    ['+10 minutes: on-call acknowledges', 10, 'on-call acknowledges'],
    ['+1h workers scaled up', 60, 'workers scaled up'],
    ['+1h 30m - backlog drained', 90, 'backlog drained'],
    ['**+45 min** mitigated', 45, 'mitigated'],
  ])('%s', (line, minutes, rest) => {
    expect(readElapsed(line, {})).toMatchObject({ elapsed: minutes, time: null, rest, anchored: true })
  })

  it('needs a unit: a count is no offset', () => {
    expect(readElapsed('+3 customers reported errors', {})).toBeNull()
    expect(readElapsed('+1 to the fix', {})).toBeNull()
  })

  it('places table rows and list items from the anchor, across midnight', () => {
    const table = '| Time | Event |\n|---|---|\n| 23:50 UTC | Alert fires |\n| +15 min | Acknowledged |\n| +1h | Mitigated |\n'
    expect(entries(table)).toEqual(['2024-05-02 23:50 Alert fires', '2024-05-03 00:05 Acknowledged', '2024-05-03 00:50 Mitigated'])
    expect(entries('- 14:02 UTC: alert fires\n- T+25m: on-call acknowledges\n- T+1h: workers scaled up\n')).toEqual([
      '2024-05-02 14:02 alert fires',
      '2024-05-02 14:27 on-call acknowledges',
      '2024-05-02 15:02 workers scaled up',
    ])
  })
})

describe('a Time field is the start that offsets count from', () => {
  it.each([
    ['## Date: 2020-05-04\n\n## Time: 00:50 UTC\n\n## Timeline\n\n- T+0: primary stops\n- T+5m: failover triggered\n- T+12m: writes restored\n'],
    ['**Date:** 2020-05-04\n**Time:** 00:50 UTC\n\n## Timeline\n\n- T+0: primary stops\n- +5 min failover triggered\n- +12 minutes writes restored\n'],
    ['Date: 2020-05-04\nTime: 00:50 UTC\n\n## Timeline\n\n- T+0: primary stops\n- T+5m: failover triggered\n- T+12m: writes restored\n'],
  ])('%s', (body) => {
    const { record } = normalizeDocument('x.md', `# Database failover\n\n${body}`, { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY })
    expect(record.timeline.map((e) => e.at)).toEqual(['2020-05-04T00:50:00+00:00', '2020-05-04T00:55:00+00:00', '2020-05-04T01:02:00+00:00'])
  })
})
