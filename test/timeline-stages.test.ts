import type { Code, Table } from 'mdast'
import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { parseMarkdown } from '../src/markdown/parse.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { codeEntryLines } from '../src/normalize/timeline/timeline-code.js'
import { isStampHeading, namesTimeline } from '../src/normalize/timeline/timeline-headings.js'
import { MAX_CANDIDATES, prosePieces } from '../src/normalize/timeline/timeline-prose.js'
import { splitRunOn, stampShape } from '../src/normalize/timeline/timeline-runon.js'
import { readStamp } from '../src/normalize/timeline/timeline-stamp.js'
import { readTable } from '../src/normalize/timeline/timeline-table.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }

describe('timeline stages', () => {
  it('stampShape: only stamps with a zone, date or suffix make a shape; splitRunOn cuts at its repeats', () => {
    const line = '2100hrs WAT: Detected. 2105hrs WAT: Curl run'
    const shape = stampShape(line, readStamp(line, {})!)
    expect(shape).not.toBeNull()
    expect(splitRunOn(line, shape!)).toEqual(['2100hrs WAT: Detected.', '2105hrs WAT: Curl run'])
    const plain = '10:00 - We waited until 10:30 - then checked'
    expect(stampShape(plain, readStamp(plain, {})!)).toBeNull()
  })

  it('namesTimeline and isStampHeading', () => {
    expect(['Events Timeline', 'Sequence of events', 'Chronologie', '発生から復旧までのタイムライン'].every(namesTimeline)).toBe(true)
    expect(namesTimeline('Root cause')).toBe(false)
    expect(isStampHeading('Update 27.08.2022 10:00 Uhr:')).toBe(true)
    expect(isStampHeading('1) Set up monitoring')).toBe(false)
  })

  it('codeEntryLines: indented timeline lines yes, indented logs no, fenced entries only when a log swallowed them', () => {
    const [indented] = parseMarkdown('    10:00 - Alert\n    10:05 - Fix\n').children as Code[]
    expect(codeEntryLines(indented!, {}).map((l) => l.text)).toEqual(['10:00 - Alert', '10:05 - Fix'])
    const [log] = parseMarkdown('    10:00:01 [error] a\n    10:00:02 [error] b\n').children as Code[]
    expect(codeEntryLines(log!, {})).toEqual([])
  })

  it('prosePieces: clock times only, not quantities, decimals, versions or bare numbers', () => {
    const nodes = parseMarkdown('At 9:05 am the job failed; it ran 2:30 hours, 99.95 % of 1250 requests on v10:20 failed.\n').children
    const pieces = prosePieces(nodes, {})
    expect(pieces.map((p) => (p.kind === 'entry' ? p.stamp.time?.text : ''))).toEqual(['9:05 am'])
  })

  it("prosePieces: a status update's own stamp line takes the words above it, in its paragraph or the one before", () => {
    const md =
      '**Resolved** - This incident has been resolved.\nJan 12, 2024 - 18:03 UTC\n\nWe are investigating elevated errors.\n\nPosted 2 days ago. Jan 12, 2024 - 16:52 UTC\n\nThe site went down at 16:40 UTC.\n'
    const pieces = prosePieces(parseMarkdown(md).children, {})
    expect(pieces.map((p) => (p.kind === 'entry' ? p.text : ''))).toEqual([
      'Resolved - This incident has been resolved.',
      'We are investigating elevated errors.',
      'The site went down at 16:40 UTC.',
    ])
  })

  it('prosePieces: a stamp line above its own words keeps them; it never takes the words of the event above', () => {
    const text = (md: string) => prosePieces(parseMarkdown(md).children, {}).map((p) => (p.kind === 'entry' ? `${p.stamp.time?.text}=${p.text}` : ''))
    expect(text('June 9, 2023 08:10 UTC\nThe queue backed up and jobs stalled.\nJune 9, 2023 08:55 UTC\nJobs drained again.\n')).toEqual([
      '08:10=The queue backed up and jobs stalled.',
      '08:55=Jobs drained again.',
    ])
    const apart = text('June 9, 2023 08:10 UTC\n\nThe queue backed up and jobs stalled.\n\nJune 9, 2023 08:55 UTC\n\nJobs drained again.\n')
    expect(apart.some((t) => t.startsWith('08:55=The queue'))).toBe(false)
  })

  it('prosePieces: a line with a word beside its stamp ("Start", "Alert at", "Lost", "Test at") keeps its own text', () => {
    const text = (md: string) => prosePieces(parseMarkdown(md).children, {}).map((p) => (p.kind === 'entry' ? p.text : ''))
    expect(text('Window of the outage\nStart 14:00 UTC\nEnd 15:30 UTC\n')).toEqual(['Start 14:00 UTC', 'End 15:30 UTC'])
    expect(text('Latency rose on the API.\nAlert at 10:05 UTC\n')).toEqual(['Alert at 10:05 UTC'])
    expect(text('Pages were slow.\n\nLost 10:05 UTC\n')).toEqual(['Lost 10:05 UTC'])
    expect(text('Replica promoted.\nTest at 10:05\n')).toEqual(['Test at 10:05'])
    expect(text('Update - Latency rose on the API.\nAlert at 10:05 UTC\n')).toEqual(['Alert at 10:05 UTC'])
    expect(text('Start 14:00 UTC\nThe primary ran out of disk.\n')).toEqual(['Start 14:00 UTC'])
    expect(text('Resolved - Errors are gone.\nTuesday, 10:05 CET\n')).toEqual(['Resolved - Errors are gone.'])
  })

  it('finds a timed table without any timeline heading, dates written with month names', () => {
    const md =
      '# Outage\n\nSome text.\n\n| When | What |\n| --- | --- |\n| Feb 04, 2021 21:45 | Report |\n| Feb 04, 2021 21:48 | Ack |\n| Feb 05, 2021 09:00 | Fix |\n'
    expect(normalizeDocument('x.md', md, options).record.timeline.map((e) => `${e.date} ${e.time}`)).toEqual([
      '2021-02-04 21:45',
      '2021-02-04 21:48',
      '2021-02-05 09:00',
    ])
  })

  it('readTable: a line break written as <br> in a cell is a space in the event text, other tags are dropped', () => {
    const md = '| Time | Event |\n| --- | --- |\n| 2024-05-01 10:00 | API<br>Errors <b>reported</b>.<br/>Thread opened |\n| 2024-05-01 10:20 | Fixed |\n'
    const [table] = parseMarkdown(md).children as Table[]
    expect(readTable(table!, {})?.entries.map((e) => e.text)).toEqual(['API Errors reported. Thread opened', 'Fixed'])
  })

  it('readTable: the Event column leads the text, who did it follows, and a dash-only cell is empty', () => {
    const md = [
      '| Date | Time (PST) | Who | Event |',
      '|---|---|---|---|',
      '| 2024-03-04 | 11:52 PM | — | Indexer deploy 4.2.0 goes out |',
      '| 2024-03-05 | 2:30 AM | @kim | Paged by queue-depth alert |',
      '| 2024-03-05 | 3:05 AM | n/a | Rolled back to 4.1.9 |',
    ].join('\n')
    const [table] = parseMarkdown(md).children as Table[]
    expect(readTable(table!, {})?.entries.map((e) => e.text)).toEqual([
      'Indexer deploy 4.2.0 goes out',
      'Paged by queue-depth alert — @kim',
      'Rolled back to 4.1.9',
    ])
  })
  it('readTable: two stamp columns headed by two zones are one moment twice: the first is read, the second is not text', () => {
    const md = [
      '| NZST | UTC | Event |',
      '|---|---|---|',
      '| 2026-06-17 09:46 | 2026-06-16 21:46 | First failure |',
      '| 2026-06-19 ~17:00 | ~05:00 | Health report turns red |',
      '| 2026-06-22 ~10:00 | ~22:00 prior day | Triage opens |',
    ].join('\n')
    const [table] = parseMarkdown(md).children as Table[]
    const read = readTable(table!, {})
    expect(read?.zone?.written).toBe('NZST')
    expect(read?.entries.map((e) => [e.stamp?.date?.day, e.stamp?.time?.hour, e.text])).toEqual([
      [17, 9, 'First failure'],
      [19, 17, 'Health report turns red'],
      [22, 10, 'Triage opens'],
    ])
    // A date column and a time column under one zone are still read together.
    const parts = '| Date (UTC) | Time (UTC) | Event |\n|---|---|---|\n| 2026-06-17 | 09:46 | First failure |\n'
    const [joined] = parseMarkdown(parts).children as Table[]
    expect(readTable(joined!, {})?.entries.map((e) => [e.stamp?.date?.day, e.stamp?.time?.hour, e.text])).toEqual([[17, 9, 'First failure']])
  })
  it("readTable: a zone column (`| Time | TZ | Event |`) is each row's zone, not event text", () => {
    const md = '| Time | TZ | Event |\n|---|---|---|\n| 2024-05-01 09:00 | UTC | Deploy |\n| 2024-05-01 11:30 | CEST | Customer report |\n'
    const [table] = parseMarkdown(md).children as Table[]
    expect(readTable(table!, {})?.entries.map((e) => [e.stamp?.zone?.written, e.text])).toEqual([
      ['UTC', 'Deploy'],
      ['CEST', 'Customer report'],
    ])
    // A column of other words under a zone-like header stays text.
    const words = '| Time | Zone | Event |\n|---|---|---|\n| 2024-05-01 09:00 | eu-west | Deploy |\n'
    const [other] = parseMarkdown(words).children as Table[]
    expect(readTable(other!, {})?.entries.map((e) => [e.stamp?.zone ?? null, e.text])).toEqual([[null, 'Deploy — eu-west']])
  })

  it('readTable: a stamp cell with a bracketed note or numbered tokens after the stamp is still a stamp cell', () => {
    const md = [
      '| Time (UTC) | Event |',
      '| --- | --- |',
      '| Jan 27th 2025, 18:50:28 UTC (block [24154245](https://example.test/b/24154245)) | Spam begins |',
      '| Jan 27th 2025, 19:47:42 UTC INC-20250127 PR-4411 | Spam ends |',
    ].join('\n')
    const [table] = parseMarkdown(md).children as Table[]
    const entries = readTable(table!, {})?.entries ?? []
    expect(entries.map((e) => [e.stamp?.time?.hour, e.text])).toEqual([
      [18, 'Spam begins (block 24154245)'],
      [19, 'INC-20250127 PR-4411 Spam ends'],
    ])
  })
})

describe('timeline stages: bounded cost', () => {
  it('prose reading looks at a bounded number of numbers and keeps at most 500 events', () => {
    const md = `${Array.from({ length: 3000 }, (_, i) => `Row ${i}: ${i % 24}:${String(i % 60).padStart(2, '0')} 1.${i} 2024-01-01`).join('\n')}\n`
    const nodes = parseMarkdown(md).children
    const pieces = prosePieces(nodes, {})
    expect(pieces.length).toBeLessThanOrEqual(500)
    // Numbers that are no clock time: reading stops when the budget of numbers is spent, not at the end of the text.
    const figures = `${Array.from({ length: 3000 }, (_, i) => `Row ${i} holds ${i % 97} and ${i % 89} and ${i % 83} items`).join('\n')}\n`
    const budget = { left: MAX_CANDIDATES }
    expect(prosePieces(parseMarkdown(figures).children, {}, false, budget)).toEqual([])
    expect(budget.left).toBe(0)
  })
})
