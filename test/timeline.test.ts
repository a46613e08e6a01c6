import { readFileSync, existsSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import type { List, Paragraph, RootContent } from 'mdast'
import { parseMarkdown } from '../src/markdown/parse.js'
import { extractTimeline, type TimelineContext } from '../src/normalize/timeline/timeline.js'

const base: TimelineContext = { heading: 'Timeline', date: null, year: null, zone: null, defaultTimezone: null }

/** Runs the extractor on a whole small Markdown body as the timeline section. */
function run(markdown: string, ctx: Partial<TimelineContext> = {}) {
  const file = new VFile({ value: markdown })
  const result = extractTimeline(parseMarkdown(markdown).children, { ...base, ...ctx }, file)
  return { ...result, messages: file.messages.map((m) => ({ rule: m.ruleId, line: m.line, reason: m.reason })) }
}

const HEADING = /^(?:#{1,6}\s+|\*\*|<h\d>|\s*[*-]\s+)?(?:incident\s+)?timeline\b/i
const NEXT_HEADING = /^(?:#{1,6}\s|<h\d|\*\*[^*]+\*\*:?\s*$|(?:root cause|corrective|resolution|impact|action items|lessons)\b)/i

/** The timeline section of a real file by a plain heading search, parsed with line numbers kept. */
function sectionOf(text: string): { nodes: RootContent[]; heading: string } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const start = lines.findIndex((l) => HEADING.test(l.trim()))
  if (start < 0) return { nodes: [], heading: '' }
  let end = lines.findIndex((l, i) => i > start && NEXT_HEADING.test(l.trim()) && !/^\s*[*-]/.test(l))
  if (end < 0) end = lines.length
  const body = lines.map((l, i) => (i > start && i < end ? l : '')).join('\n')
  const bullet = /^\s*[*-]\s/.test(lines[start]!)
  const nodes = parseMarkdown(bullet ? lines.map((l, i) => (i >= start && i < end ? l : '')).join('\n') : body).children
  return { nodes, heading: lines[start]!.replace(/<[^>]+>|[#*]/g, '').trim() }
}

describe('timeline styles', () => {
  it('reads a list of emphasised 24-hour times with the zone in the heading', () => {
    const r = run('- *08:10* Deploy started\n- *08:25* Errors rise\n', { heading: 'Timeline (CEST)', date: '2024-07-02' })
    expect(r.entries).toEqual([
      { at: '2024-07-02T08:10:00+02:00', date: '2024-07-02', time: '08:10', text: 'Deploy started', line: 1 },
      { at: '2024-07-02T08:25:00+02:00', date: '2024-07-02', time: '08:25', text: 'Errors rise', line: 2 },
    ])
    expect(r).toMatchObject({ timezone: 'CEST', utcOffset: '+02:00' })
  })

  it('reads bold 12-hour times with the colon inside the bold', () => {
    const r = run('- **11:40 PM:** Pager fired\n- **11:55 PM:** Rolled back\n- **12:20 AM:** All clear\n', { date: '2022-12-31', zone: 'UTC' })
    expect(r.entries.map((e) => [e.date, e.time, e.text])).toEqual([
      ['2022-12-31', '23:40', 'Pager fired'],
      ['2022-12-31', '23:55', 'Rolled back'],
      ['2023-01-01', '00:20', 'All clear'],
    ])
    expect(r.timezone).toBe('UTC')
  })

  it('reads a city as the zone after each time', () => {
    const r = run('* 09:05 Chicago - Build queue stalls\n* 09:40 chicago - Queue drained\n', { date: '2022-07-01' })
    expect(r.entries.map((e) => [e.at, e.text])).toEqual([
      ['2022-07-01T09:05:00-05:00', 'Build queue stalls'],
      ['2022-07-01T09:40:00-05:00', 'Queue drained'],
    ])
    expect(r.timezone).toBe('Chicago')
  })

  it('reads date, time and zone on the bullet with the text on continuation lines', () => {
    const r = run('- 2021-02-03 6:15 PM Eastern:\n    Report received by email.\n- 2021-02-03 6:40 PM Eastern:\n    Key revoked.\n')
    expect(r.entries).toEqual([
      { at: '2021-02-03T18:15:00-05:00', date: '2021-02-03', time: '18:15', text: 'Report received by email.', line: 1 },
      { at: '2021-02-03T18:40:00-05:00', date: '2021-02-03', time: '18:40', text: 'Key revoked.', line: 3 },
    ])
  })

  it('keeps placeholder dates and date-only bullets as entries without a time', () => {
    const r = run('- 2020-MM-DD[^1]:\n    Token created.\n- 2020-04-05:\n    Image pushed.\n\n[^1]: Unknown day.\n')
    expect(r.entries.map((e) => [e.date, e.time, e.text])).toEqual([
      [null, null, 'Token created.'],
      ['2020-04-05', null, 'Image pushed.'],
    ])
  })

  it('reads timed bullets nested under a wrapper bullet naming the zone', () => {
    const r = run('* Events (all times Pacific time)\n  * 7:00 AM: Change shipped.\n  * 7:30 Am: Rollback.\n', { date: '2021-03-04' })
    expect(r.entries.map((e) => [e.at, e.text])).toEqual([
      ['2021-03-04T07:00:00-08:00', 'Change shipped.'],
      ['2021-03-04T07:30:00-08:00', 'Rollback.'],
    ])
    expect(r.timezone).toBe('Pacific time')
  })

  it('skips untimed commentary bullets and sub-bullets, with a hint for the author', () => {
    const r = run('* 10:00 UTC - Upgrade\n    * plugin-a 1.2 to 1.3\n* Check the rest\n    * done by hand\n* 10:30 UTC - Done\n')
    expect(r.entries.map((e) => e.text)).toEqual(['Upgrade', 'Done'])
    expect(r.messages).toEqual([{ rule: 'timeline-no-time', line: 3, reason: 'Timeline entry has no time; write it as `- 14:05 Check the rest`' }])
  })

  it('reads a table with separate date and time columns and ignores a kramdown attribute row', () => {
    const r = run('Date | Time | State\n--- | --- | ---\nMay 2 | 23:00 | Upgrade begins\nMay 3 | 01:15 | Upgrade done\n{: .table.table-striped }\n', {
      year: 2021,
      zone: 'UTC',
    })
    expect(r.entries).toEqual([
      { at: '2021-05-02T23:00:00+00:00', date: '2021-05-02', time: '23:00', text: 'Upgrade begins', line: 3 },
      { at: '2021-05-03T01:15:00+00:00', date: '2021-05-03', time: '01:15', text: 'Upgrade done', line: 4 },
    ])
  })

  it('reads a combined date-and-time column with the zone in its header and an unknown time', () => {
    const r = run('| Date and Time in CET | Event |\n|---|---|\n| 2020-01-10 12:00 | Scaled up |\n| 2020-01-11 --:-- | Surge |\n| 2020-01-12 08:30 | Fixed |\n')
    expect(r.entries.map((e) => [e.at, e.date, e.time, e.text])).toEqual([
      ['2020-01-10T12:00:00+01:00', '2020-01-10', '12:00', 'Scaled up'],
      [null, '2020-01-11', null, 'Surge'],
      ['2020-01-12T08:30:00+01:00', '2020-01-12', '08:30', 'Fixed'],
    ])
    expect(r.timezone).toBe('CET')
  })

  it('finds the time column by content when the header says nothing', () => {
    const r = run('At | What\n--- | ---\n07:05 | Alert\n07:09 | Ack\n')
    expect(r.entries.map((e) => [e.time, e.text])).toEqual([
      ['07:05', 'Alert'],
      ['07:09', 'Ack'],
    ])
  })

  it('ignores a table without dates or times', () => {
    expect(run('Name | Role\n--- | ---\nAda | Lead\n').entries).toEqual([])
  })

  it('reads plain lines in a paragraph, 12-hour clock', () => {
    const r = run('Times in EST\n\n8:00 AM: Alarm\n8:20 AM: Page\n12:05 PM: Fixed\n', { date: '2022-02-02' })
    expect(r.entries.map((e) => [e.at, e.text, e.line])).toEqual([
      ['2022-02-02T08:00:00-05:00', 'Alarm', 3],
      ['2022-02-02T08:20:00-05:00', 'Page', 4],
      ['2022-02-02T12:05:00-05:00', 'Fixed', 5],
    ])
  })

  it('reads day-first dates with a dash separator', () => {
    const r = run('15/07/2022 09:10 - Row deleted\n15/07/2022 09:30 - Row restored\n', { zone: 'UTC' })
    expect(r.entries.map((e) => [e.at, e.text])).toEqual([
      ['2022-07-15T09:10:00+00:00', 'Row deleted'],
      ['2022-07-15T09:30:00+00:00', 'Row restored'],
    ])
  })

  it('reads dotted 12-hour times with the zone on each line', () => {
    const r = run('9.05 AM GMT - Site slow\n9.15 PM GMT - Site back\n', { date: '2021-11-11' })
    expect(r.entries.map((e) => [e.at, e.text])).toEqual([
      ['2021-11-11T09:05:00+00:00', 'Site slow'],
      ['2021-11-11T21:15:00+00:00', 'Site back'],
    ])
  })

  it('reads lines joined by <br /> with backslash separator lines', () => {
    const r = run('*05:10*: Down<br />\n\\\\\\\\\n*05:40*: Up again<br />\n\\\\\\\\\n*06:00*: Closed\n')
    expect(r.entries.map((e) => [e.time, e.text, e.line])).toEqual([
      ['05:10', 'Down', 1],
      ['05:40', 'Up again', 3],
      ['06:00', 'Closed', 5],
    ])
  })

  it('reads a list indented into a code block, 12-hour clock without am/pm', () => {
    const r = run('    - 10:40 ::::: Deploy\n    - 12:05 ::::: Leak seen\n    - 2:10 ::::: Cleanup\n', { date: '2020-06-01', zone: 'PST' })
    expect(r.entries.map((e) => [e.at, e.text, e.line])).toEqual([
      ['2020-06-01T10:40:00-08:00', 'Deploy', 1],
      ['2020-06-01T12:05:00-08:00', 'Leak seen', 2],
      ['2020-06-01T14:10:00-08:00', 'Cleanup', 3],
    ])
  })

  it('ignores fenced code and log lines', () => {
    const r = run(
      '```\n- 10:00 ::::: not an entry\n- 10:05 ::::: nor this\n```\n\n    -rw-r--r-- 1 a b 10 May 29 22:37 x.jpi\n    -rw-r--r-- 1 a b 10 May 29 22:38 y.jpi\n',
    )
    expect(r.entries).toEqual([])
  })

  it('reads a time alone on a line with the text after a blank line', () => {
    const r = run('9:00 AM:\n\nAlert fired.\n9:30 AM:\n\nFixed.\n', { zone: 'UTC', date: '2023-09-09' })
    expect(r.entries.map((e) => [e.time, e.text, e.line])).toEqual([
      ['09:00', 'Alert fired.', 1],
      ['09:30', 'Fixed.', 4],
    ])
  })

  it('reads raw HTML paragraphs with entities and emoji shortcodes', () => {
    const r = run('<p>&emsp;:red_circle:14:05 GMT+2: Alert &amp; page</p>\n<p>&emsp;:red_circle:14:30 GMT+2: Resolved</p>\n', { date: '2023-02-02' })
    expect(r.entries.map((e) => [e.at, e.text, e.line])).toEqual([
      ['2023-02-02T14:05:00+02:00', 'Alert & page', 1],
      ['2023-02-02T14:30:00+02:00', 'Resolved', 2],
    ])
  })

  it('uses day sub-headings and bare date lines as the date of the entries below', () => {
    const r = run('All times in PST\n\n### 2020-02-10\n\n- 11:00 PM: First\n\n2020-02-11\n\n- 1:00 AM: Second\n- 2:00 AM: Third\n')
    expect(r.entries.map((e) => e.at)).toEqual(['2020-02-10T23:00:00-08:00', '2020-02-11T01:00:00-08:00', '2020-02-11T02:00:00-08:00'])
  })

  it('uses a preface for the date and zone, with a per-entry date override', () => {
    const r = run(
      'Unless noted, everything happened on 2021-04-05; all times in UTC.\n\n- 2021-04-04 23:50: Disk fills\n- 00:10: Site down\n- 00:30: Site up\n',
    )
    expect(r.entries.map((e) => e.at)).toEqual(['2021-04-04T23:50:00+00:00', '2021-04-05T00:10:00+00:00', '2021-04-05T00:30:00+00:00'])
  })

  it('takes the date from the section heading', () => {
    expect(run('* 08:00 - Start\n', { heading: 'Timeline - June 3, 2022', zone: 'UTC' }).entries[0]?.at).toBe('2022-06-03T08:00:00+00:00')
  })

  it('keeps unknown times as entries without a time', () => {
    const r = run('- 10:00 Alert\n- [???] Someone restarted the box\n- --:-- Cause found\n', { date: '2022-01-01', zone: 'UTC' })
    expect(r.entries.map((e) => [e.at, e.time, e.text])).toEqual([
      ['2022-01-01T10:00:00+00:00', '10:00', 'Alert'],
      [null, null, 'Someone restarted the box'],
      [null, null, 'Cause found'],
    ])
  })

  it('reads word times and a zone in parentheses', () => {
    const r = run('- **Midnight (SAST):** Alert\n- **Noon:** Fixed\n', { date: '2022-03-03' })
    expect(r.entries.map((e) => e.at)).toEqual(['2022-03-03T00:00:00+02:00', '2022-03-03T12:00:00+02:00'])
  })

  it('reports an invalid time, an unknown zone and a missing zone', () => {
    const r = run('- 25:10 Broken\n- 10:00 XYZT - Odd zone\n')
    expect(r.entries.map((e) => [e.time, e.text])).toEqual([
      [null, 'Broken'],
      ['10:00', 'Odd zone'],
    ])
    expect(r.messages.map((m) => m.rule)).toEqual(['time-invalid', 'zone-unknown', 'zone-missing'])
  })

  it('reports entries out of order and ambiguous dates', () => {
    const r = run('- 04-05-2022 10:00 Second\n- 03-05-2022 09:00 First\n', { zone: 'UTC' })
    expect(r.messages.map((m) => m.rule)).toEqual(['date-ambiguous', 'timeline-out-of-order'])
    // A dotted date is day-first by convention: out of order, but not ambiguous.
    expect(run('- 04.05.2022 10:00 Second\n- 03.05.2022 09:00 First\n', { zone: 'UTC' }).messages.map((m) => m.rule)).toEqual(['timeline-out-of-order'])
    expect(run('- 04.05.2022 10:00 x\n', { zone: 'UTC', dayFirst: true }).entries[0]?.date).toBe('2022-05-04')
  })

  it('reads nothing from prose, chat logs quoted beside real entries or HTTP headers in code', () => {
    const r = run(
      '- 09:58 Alert fired\n\nWe looked at the logs.\n\n> [10:01] <ann> hi\n> [10:02] <bob> hello\n\n[10:03] <ann> anyone?\n\n```http\nDate: Mon, 21 Oct 2019 01:38:00 GMT\n```\n',
    )
    expect(r.entries.map((e) => [e.time, e.text])).toEqual([['09:58', 'Alert fired']])
  })

  it('reads a timeline that is only a chat log (IRC or Slack copy) without stamps or nicks in the text', () => {
    const expected = [
      ['10:02', 'api is returning 502s for everyone'],
      ['10:03', 'looking, the cert expired at 10:00'],
      ['10:15', 'new cert deployed'],
    ]
    const irc = '[10:02] <alice> api is returning 502s for everyone\n[10:03] <bob> looking, the cert expired at 10:00\n10:15:07 < alice> new cert deployed\n'
    expect(run(irc).entries.map((e) => [e.time, e.text])).toEqual(expected)
    expect(run(irc.replace(/^/gm, '- ')).entries.map((e) => [e.time, e.text])).toEqual(expected)
    const slack =
      'alice  10:02 AM\napi is returning 502s for everyone\n\nbob  10:03 AM\nlooking, the cert expired at 10:00\n\nalice  10:15 AM\nnew cert deployed\n'
    expect(run(slack).entries.map((e) => [e.time, e.text])).toEqual(expected)
    const bracketed =
      '- alice [10:02 AM]: api is returning 502s for everyone\n- bob [10:03 AM]: looking, the cert expired at 10:00\n- alice [10:15 AM] new cert deployed\n'
    expect(run(bracketed).entries.map((e) => [e.time, e.text])).toEqual(expected)
  })

  it('keeps an HTML element after the stamp as text, never as a chat nick', () => {
    const text = '- 10:00 <code>db-1</code> failed over\n- 10:05 <b>Paged</b> the on-call\n- 10:09 <script>x()</script> shown as text\n'
    expect(run(text).entries.map((e) => e.text)).toEqual(['db-1 failed over', 'Paged the on-call', '<script>x()</script> shown as text'])
  })

  it('reads headings that open with a time, with the text from the next paragraph', () => {
    const r = run('### 10:05 UTC\n\nPager fired.\n\n### 10:20 UTC - Rolled back\n', { date: '2020-01-02' })
    expect(r.entries.map((e) => [e.at, e.text, e.line])).toEqual([
      ['2020-01-02T10:05:00+00:00', 'Pager fired.', 1],
      ['2020-01-02T10:20:00+00:00', 'Rolled back', 5],
    ])
  })

  it('continues a plain entry on a wrapped lower-case line', () => {
    const r = run('10:05 Pager fired and the on-call\nengineer acknowledged it.\n10:20 Rolled back.\nNot part of it.\n')
    expect(r.entries.map((e) => e.text)).toEqual(['Pager fired and the on-call engineer acknowledged it.', 'Rolled back.'])
  })

  it('reads ISO instants, bare offsets, ranges, lead words and dotted 24-hour times', () => {
    const r = run(
      '- 2021-06-01T10:05:00Z Alert\n- 2021-06-01 10:10:00 +0200 Page\n- 10:15-10:40 UTC: Rollback\n- At 10:50, all clear\n- 11.05 - Post-mortem booked\n- Between 11:10 and 11:20 UTC: Retro\n- Tue 11:30 Notes sent\n- 11:40-Standup\n',
      { date: '2021-06-01', zone: 'UTC' },
    )
    expect(r.entries.map((e) => [e.at, e.text])).toEqual([
      ['2021-06-01T10:05:00+00:00', 'Alert'],
      ['2021-06-01T10:10:00+02:00', 'Page'],
      ['2021-06-01T10:15:00+00:00', 'Rollback'],
      ['2021-06-01T10:50:00+00:00', 'all clear'],
      ['2021-06-01T11:05:00+00:00', 'Post-mortem booked'],
      ['2021-06-01T11:10:00+00:00', 'Retro'],
      ['2021-06-01T11:30:00+00:00', 'Notes sent'],
      ['2021-06-01T11:40:00+00:00', 'Standup'],
    ])
  })

  it('keeps the text of an entry whose bullet holds only the time', () => {
    const r = run('- **14:00**\n\n  Database failover.\n\n- **14:10**\n\n  Back.\n', { zone: 'UTC' })
    expect(r.entries.map((e) => [e.time, e.text])).toEqual([
      ['14:00', 'Database failover.'],
      ['14:10', 'Back.'],
    ])
  })

  it('treats a small step back as an ordering slip, not the next day', () => {
    const r = run('- 10:05 Second\n- 10:01 First\n', { date: '2022-02-02', zone: 'UTC' })
    expect(r.entries.map((e) => e.date)).toEqual(['2022-02-02', '2022-02-02'])
    expect(r.messages.map((m) => [m.rule, m.line])).toEqual([['timeline-out-of-order', 2]])
  })

  it('reads a date line with the zone in parentheses as the day of what follows', () => {
    const r = run('2018-10-21 (all times UTC)\n\n- 14:51 Reports arrive\n- 23:10 Fixed\n')
    expect(r.entries.map((e) => e.at)).toEqual(['2018-10-21T14:51:00+00:00', '2018-10-21T23:10:00+00:00'])
  })

  it('reads month/day before a time, taking the year from context', () => {
    const r = run('- 10/21 23:50 PT: Deploy\n- → 10/22 00:20 PT: Rollback\n', { year: 2018 })
    expect(r.entries.map((e) => e.at)).toEqual(['2018-10-21T23:50:00-07:00', '2018-10-22T00:20:00-07:00'])
  })

  it('gives well-formed entries for any mix of timeline fragments', () => {
    const parts = [
      '- ',
      '* ',
      '  ',
      '\n',
      '10:05',
      '2019-01-02',
      ' PST',
      ' (UTC)',
      ':',
      ' - ',
      '**',
      '|',
      '---',
      '<p>',
      '&emsp;',
      ':x:',
      'May 4th',
      '12 PM',
      'Midnight',
      '--:--',
      '[???]',
      '    ',
      '`',
      'text ',
      '{: .t }',
      '<br />',
      'Denver',
      'GMT+1',
      '20/06/2023',
      '2023-MM-DD',
      '> ',
    ]
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 40 }), (chunks) => {
        const { entries } = run(chunks.join(''), { date: '2020-01-01' })
        for (const e of entries) {
          expect(e.time === null || /^\d{2}:\d{2}$/.test(e.time)).toBe(true)
          expect(e.date === null || /^\d{4}-\d{2}-\d{2}$/.test(e.date)).toBe(true)
          expect(e.at === null || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/.test(e.at)).toBe(true)
          expect(e.line).toBeGreaterThan(0)
        }
      }),
      { numRuns: 300, seed: 7 },
    )
  })

  it('ignores an incident date that is not a real day', () => {
    expect(run('- 01:00 Alert\n', { date: '1990-00-00', zone: 'UTC' }).entries[0]).toMatchObject({ date: null, at: null, time: '01:00' })
  })

  it('never throws on hostile input', () => {
    let list: List = { type: 'list', children: [] }
    for (let i = 0; i < 10_000; i++) {
      const text: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: i % 2 ? 'note' : '10:00 x' }] }
      list = { type: 'list', children: [{ type: 'listItem', children: [text, list] }] }
    }
    expect(() => extractTimeline([list], base, new VFile())).not.toThrow()
    expect(run('1'.repeat(200_000)).entries).toEqual([])
    expect(run(`- ${'1:'.repeat(50_000)} x`).entries.length).toBeLessThanOrEqual(1)
  })
})

const labelFiles = ['seeds', 'corpus']
  .map((dir) => new URL(`../../shared/${dir}/`, import.meta.url))
  .filter((dir) => existsSync(new URL('index.tsv', dir)))
  .flatMap((dir) =>
    readFileSync(new URL('index.tsv', dir), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((row) => row.split('\t'))
      .map((cols) => ({ file: new URL(dir.pathname.endsWith('/seeds/') ? cols[2]! : `${cols[0]}.md`, dir), count: Number(cols[7]) })),
  )

describe.runIf(labelFiles.length > 0)('timeline event counts of the real postmortems', () => {
  it.each(labelFiles.map((f) => [f.file.pathname.split('/').slice(-2).join('/'), f] as const))('%s', (_name, { file, count }) => {
    const { nodes, heading } = sectionOf(readFileSync(file, 'utf8'))
    const result = extractTimeline(nodes, { ...base, heading }, new VFile())
    expect(result.entries.length).toBe(count)
  })
})
