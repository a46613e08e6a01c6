import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { parseMarkdown } from '../src/markdown/parse.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { extractTimeline, type TimelineContext } from '../src/normalize/timeline/timeline.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const base: TimelineContext = { heading: 'Timeline', date: '2024-05-02', year: null, zone: null, defaultTimezone: null }

/** Runs the extractor on a small Markdown body as the timeline section; returns `time text` per entry. */
function times(markdown: string, ctx: Partial<TimelineContext> = {}): string[] {
  const file = new VFile({ value: markdown })
  return extractTimeline(parseMarkdown(markdown).children, { ...base, ...ctx }, file).entries.map((e) => `${e.time} ${e.text}`)
}

describe('timeline layouts: list items and their children', () => {
  it('reads a list item whose content is a time heading, its text from the nested bullet below', () => {
    const md = '- ### 20:23 UTC:\n\n  - **Detection**: Alerts fired on the web tier.\n\n- ### 20:45 UTC:\n\n  - **Recovery**: Pages served again.\n'
    expect(times(md)).toEqual(['20:23 Detection: Alerts fired on the web tier.', '20:45 Recovery: Pages served again.'])
  })

  it('gives the record events and a zone from heading list items', () => {
    const md = '# Outage\n\nOn 2024-05-02 the site was down.\n\n## Timeline\n\n- ### 20:23 UTC:\n  - Alerts fired.\n- ### 20:45 UTC:\n  - Pages served again.\n'
    const { record } = normalizeDocument('a.md', md, options)
    expect(record.timeline.map((e) => e.at)).toEqual(['2024-05-02T20:23:00+00:00', '2024-05-02T20:45:00+00:00'])
  })
})

describe('impact marks in timeline layouts', () => {
  it('reads "started serving pages" as recovery, not as the impact starting; "began serving 502s" still starts it', async () => {
    const { startScore } = await import('../src/normalize/impact/marked-events.js')
    expect(startScore('The server, after its reboot, started serving pages faster than ever.')).toBe(0)
    expect(startScore('The proxy began serving 502s to every client.')).toBe(3)
    expect(startScore('The CDN started serving stale content.')).toBe(3)
  })
})

describe('a digest of labelled moments beside the timeline', () => {
  const md = [
    '# Login failures after a deploy',
    '',
    'Some customers could not log in after a bad deploy.',
    '',
    '### Key Timestamps',
    '',
    '- **Reported:** March 3, 2023 9:36 AM (UTC)',
    '- **Fixed:** March 3, 2023 9:45 AM (UTC)',
    '- **Closed:** March 3, 2023 10:12 AM (UTC)',
    '',
    '## Incident Timeline',
    '',
    '| Date / Time | Event |',
    '| --- | --- |',
    '| 2023-03-03 | |',
    '| 09:36 | An alert opened the incident. |',
    '| … | … |',
    '| 10:12 | We closed the incident. |',
    '',
  ].join('\n')

  it('takes the events from the timeline section, not from the list of labelled moments', () => {
    const { record } = normalizeDocument('a.md', md, options)
    expect(record.timeline.map((e) => `${e.date} ${e.time} ${e.text}`)).toEqual([
      '2023-03-03 09:36 An alert opened the incident.',
      '2023-03-03 10:12 We closed the incident.',
    ])
  })

  it('reads a table row holding only a date as the day of the rows below, and a row of ellipses as nothing', () => {
    const table = '| Date / Time | Event |\n| --- | --- |\n| 2023-03-04 | |\n| 09:36 | Alert. |\n| … | … |\n| 10:12 | Closed. |\n'
    const file = new VFile({ value: table })
    const entries = extractTimeline(parseMarkdown(table).children, { ...base, zone: 'UTC' }, file).entries
    expect(entries.map((e) => `${e.date} ${e.time} ${e.text}`)).toEqual(['2023-03-04 09:36 Alert.', '2023-03-04 10:12 Closed.'])
    expect(file.messages).toEqual([])
  })

  it('still reads a list of labelled moments when it is the only timeline', () => {
    const only = md.slice(0, md.indexOf('## Incident Timeline'))
    expect(normalizeDocument('a.md', only, options).record.timeline.map((e) => e.time)).toEqual(['09:36', '09:45', '10:12'])
  })
})

describe('prose events keep the case of names', () => {
  const textOf = (sentence: string): string | undefined =>
    normalizeDocument('a.md', `# Brownout\n\n## What happened\n\n${sentence}\n`, options).record.timeline[0]?.text

  it('capitalises a plain word after the stamp, never a lower-case name', () => {
    expect(textOf('At approximately 16:15 CET on 2025-12-25, `csb0` experienced a severe slowdown.')).toBe('csb0 experienced a severe slowdown.')
    expect(textOf('On 2025-12-25 at 16:15 CET, kube-proxy on every node stopped routing traffic.')).toBe('kube-proxy on every node stopped routing traffic.')
    expect(textOf('On 2025-12-25 at 16:15 CET, the site went down for all users.')).toBe('The site went down for all users.')
  })
})

describe('four-digit times in prose', () => {
  it('reads "between the hours of 1900 and 2100 UTC" as the impact window and its zone; years stay years', async () => {
    const md = '# Delays\n\nOn April 26, 2023 between the hours of 1900 and 2100 UTC, the service was degraded.\n'
    const { record } = normalizeDocument('a.md', md, options)
    expect(record.timezone).toBe('UTC')
    expect([record.impact.start?.at, record.impact.end?.at, record.durationMinutes]).toEqual(['2023-04-26T19:00:00+00:00', '2023-04-26T21:00:00+00:00', 120])
    const { findTimes } = await import('../src/normalize/time/datetime.js')
    expect(findTimes('At 1915 UTC the queue grew; 1915 users were affected in 2023.').map((t) => t.text)).toEqual(['1915'])
  })
})

describe('month-only timeline tables', () => {
  it('reads a table dated by month alone (`Jul 2024 | #101 | …`, no outer pipes) as month events, the change first', () => {
    const md =
      '# Regression\n\n## Timeline\n\nDate | PR | Change\n--- | --- | ---\nJul 2024 | #101 | Stream format changed\nSep 2024 | #117 | Writes made unconditional\n'
    const { record } = normalizeDocument('a.md', md, options)
    expect(record.timeline.map((e) => `${e.month} ${e.text}`)).toEqual(['2024-07 Stream format changed — #101', '2024-09 Writes made unconditional — #117'])
    expect(record.diagnostics.filter((d) => d.ruleId === 'timeline-empty')).toEqual([])
  })
})

describe('day headings over bullets', () => {
  const md =
    '### 2024-04-15\n* Pipeline processes 300 new samples\n* Downstream job starts\n### 2024-04-16\n* `08:51` - Downstream job fails\n* `09:30` - Job restarted\n'

  it('reads each untimed bullet under a heading that names only a day as an event of that day', () => {
    const file = new VFile({ value: md })
    const entries = extractTimeline(parseMarkdown(md).children, base, file).entries.map((e) => `${e.date} ${e.time} ${e.text}`)
    expect(entries).toEqual([
      '2024-04-15 null Pipeline processes 300 new samples',
      '2024-04-15 null Downstream job starts',
      '2024-04-16 08:51 Downstream job fails',
      '2024-04-16 09:30 Job restarted',
    ])
  })

  it('dates the incident by the first day when no event marks the impact', () => {
    const record = normalizeDocument('d.md', `# Sample pipeline failure\n\n## Timeline\n\n${md}`, options).record
    expect(record.timeline).toHaveLength(4)
    expect(record.date).toBe('2024-04-15')
  })

  it('keeps the bullets of a status update under a dated heading as one event when the headings carry times', () => {
    const log = '## 2024-04-16\n\n- Logins faster again\n- Work continues\n\n## 2024-04-15 - 16:00\n\n- Timeout found\n- Workaround in place\n'
    expect(times(log)).toEqual(['null Logins faster again', '16:00 Timeout found'])
  })
})

describe('a zone written with a day line', () => {
  it('is the zone of the times under it (`**2024-05-01 (UTC)**`, `- May 1, 2024 (CEST):` over sub-bullets)', () => {
    const zoned = (md: string) => {
      const out = extractTimeline(parseMarkdown(md).children, base, new VFile({ value: md }))
      return { zone: out.timezone, at: out.entries.map((e) => e.at) }
    }
    expect(zoned('**2024-05-01 (UTC)**\n\n- 09:00 deploy\n- 09:20 errors\n')).toEqual({
      zone: 'UTC',
      at: ['2024-05-01T09:00:00+00:00', '2024-05-01T09:20:00+00:00'],
    })
    expect(zoned('- May 1, 2024 (CEST):\n  - 09:00 deploy\n  - 09:20 errors\n')).toEqual({
      zone: 'CEST',
      at: ['2024-05-01T09:00:00+02:00', '2024-05-01T09:20:00+02:00'],
    })
  })
})

describe('a status log of range headings over nested bullets', () => {
  const md =
    '#### 2024-09-01 22:09 ~ 23:16 (GMT+9)\n- Impact\n  - Tokyo 22:09 ~ 23:10\n  - Osaka 23:10 ~ 23:16\n#### 2024-09-02 01:00 ~ 2024-09-05 19:59 (GMT+9)\n- Duration: 3 days 19 hours\n'

  it('reads one event per heading, with its end, its text from the bullet (label and first child joined, never glued)', () => {
    const file = new VFile({ value: md })
    const entries = extractTimeline(parseMarkdown(md).children, base, file).entries
    expect(entries.map((e) => `${e.date} ${e.time} → ${e.end?.date} ${e.end?.time} ${e.text}`)).toEqual([
      '2024-09-01 22:09 → 2024-09-01 23:16 Impact: Tokyo 22:09 ~ 23:10',
      '2024-09-02 01:00 → 2024-09-05 19:59 Duration: 3 days 19 hours',
    ])
  })

  it('keeps the timed sub-bullets of a time heading as its detail, read for impact words', () => {
    const file = new VFile({ value: md })
    const result = extractTimeline(parseMarkdown(md).children, base, file)
    expect(result.details?.get(result.entries[0]!)).toContain('Osaka 23:10 ~ 23:16')
  })
})

describe('labelled clock times in a document with no timeline', () => {
  it('reads "- Down: 15:21 UTC" and "- Up: 15:38 UTC" as prose events, nested under a label too, a note kept with its label', () => {
    const flat =
      '# Downtime report\n\nThe site was unavailable on 2024-05-04.\n\n- Down: 15:21 UTC\n- Up: 15:38 UTC (when I checked)\n- Total Time: 17 minutes down\n'
    const record = normalizeDocument('f.md', flat, options).record
    expect(record.timeline.map((e) => `${e.date} ${e.time} ${e.text} ${e.from}`)).toEqual([
      '2024-05-04 15:21 Down prose',
      '2024-05-04 15:38 Up (when I checked) prose',
    ])
    const nested = '# Downtime report\n\nThe site was unavailable.\n\n- **Time**:\n  - Down: 10:32 UTC\n  - Up: 11:05 UTC\n'
    expect(normalizeDocument('g.md', nested, options).record.timeline.map((e) => `${e.time} ${e.text}`)).toEqual(['10:32 Down', '11:05 Up'])
  })

  it('leaves a lone labelled time and a list of other values alone', () => {
    const text = '# Notes\n\nWe met.\n\n- Meeting: 10:00\n- Owner: @ann\n- Steps: 3\n'
    expect(normalizeDocument('h.md', text, options).record.timeline).toEqual([])
  })
})
