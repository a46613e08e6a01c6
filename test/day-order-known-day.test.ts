import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const at = (m: { date: string | null; time: string | null } | null | undefined) => (m ? `${m.date ?? ''} ${m.time ?? ''}`.trim() : null)
const read = (source: string, text: string) => {
  const { record } = normalizeDocument(source, text, options)
  return { date: record.date, events: record.timeline.map((e) => at(e)), end: at(record.impact.end) }
}

describe('a dated file name decides the day order of ambiguous numeric dates', () => {
  it('reads front-matter update stamps month-first when the file name names that day', () => {
    const text =
      '---\ntitle: Database failover\ndate: 05-03-2020 01:40\nresolvedDate: 05-03-2020 17:00\nincident_states:\n- status: update\n  content: "We found the cause."\n  date: 05-03-2020 05:36\n- status: resolved\n  content: "All services are back."\n  date: 05-03-2020 16:00\n---\nThe primary database failed over at 01:40 (UTC+2).\n'
    const r = read('_posts/2020-05-03-database-failover.md', text)
    expect(r.date).toBe('2020-05-03')
    expect(r.events).toEqual(['2020-05-03 05:36', '2020-05-03 16:00'])
    expect(r.end?.slice(0, 10)).toBe('2020-05-03')
  })

  it('reads body dates day-first when the file name names that day', () => {
    const text = '# Queue backlog\n\n## Timeline\n\n- 04/07/2021 09:10 UTC: consumers stall\n- 04/07/2021 09:55 UTC: consumers restarted\n'
    expect(read('2021-07-04-queue-backlog.md', text).events).toEqual(['2021-07-04 09:10', '2021-07-04 09:55'])
    expect(read('2021-04-07-queue-backlog.md', text).events).toEqual(['2021-04-07 09:10', '2021-04-07 09:55'])
  })

  it('lets an unambiguous date in the text decide over the file name', () => {
    const text = '# Queue backlog\n\n## Timeline\n\n- 04/07/2021 09:10 UTC: consumers stall\n- 13/07/2021 09:55 UTC: follow-up review\n'
    expect(read('2021-04-07-queue-backlog.md', text).events).toEqual(['2021-07-04 09:10', '2021-07-13 09:55'])
  })
})

describe('a dotted date keeps its day-first convention', () => {
  it('reads 3.4.2020 as 3 April even when the file name says 2020-03-04', () => {
    const text = '# Phishing campaign\n\n## 3.4.2020\n\n## Summary\n\nA phishing mail reached several accounts.\n'
    expect(read('2020-03-04_phishing-campaign.md', text).date).toBe('2020-04-03')
  })
})
