import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { parseMarkdown } from '../src/markdown/parse.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { extractTimeline, type TimelineContext } from '../src/normalize/timeline/timeline.js'

const base: TimelineContext = { heading: 'Timeline', date: '2024-05-02', year: null, zone: null, defaultTimezone: null }

/** Runs the extractor on a small Markdown body as the timeline section; returns `time text` per entry. */
function times(markdown: string, ctx: Partial<TimelineContext> = {}): string[] {
  const file = new VFile({ value: markdown })
  return extractTimeline(parseMarkdown(markdown).children, { ...base, ...ctx }, file).entries.map((e) => `${e.time} ${e.text}`)
}

describe('timeline shapes: where the entries sit', () => {
  it('reads plain lines indented into a code block, wrapped lines joined and prompt lines left out', () => {
    const md =
      '        3:00 pm - First complaint about a slow site\n        3:15 pm - More complaints, the secondary\n        server had crashed\n        What happened next?\n        3:40 pm - Restarted the server.\n'
    expect(times(md)).toEqual([
      '15:00 First complaint about a slow site',
      '15:15 More complaints, the secondary server had crashed',
      '15:40 Restarted the server.',
    ])
  })

  it('keeps a log pasted as an indented block out of the timeline', () => {
    expect(times('    2024-05-02 10:00:01 [error] worker exited\n    2024-05-02 10:00:02 [error] worker exited\n')).toEqual([])
  })

  it('reads a list inside a blockquote', () => {
    expect(times('>\n>>\n>* 10:00 Release\n>* 10:20 Errors rise\n')).toEqual(['10:00 Release', '10:20 Errors rise'])
  })

  it('reads an entry that an unclosed log fence swallowed, but not a fence made only of entries', () => {
    const md = '- 14:00 UTC: Requests fail\n\n```\n2019/03/07 21:07:55 [emerg] too many open files\n\n- 14:25 UTC: Load test run\n```\n'
    expect(times(md)).toEqual(['14:00 Requests fail', '14:25 Load test run'])
    expect(times('```\n- 10:00 ::::: quoted\n- 10:05 ::::: example\n```\n')).toEqual([])
  })
})

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
/** The whole normalizer on a small document; `date time text` per timeline entry, and the diagnostics' rule ids. */
function doc(markdown: string): { entries: string[]; rules: string[] } {
  const { record } = normalizeDocument('x.md', markdown, options)
  return { entries: record.timeline.map((e) => `${e.date ?? '-'} ${e.time ?? '-'} ${e.text}`), rules: record.diagnostics.map((d) => d.ruleId ?? '') }
}

describe('timeline shapes: where the timeline is', () => {
  it('reads a newest-first status log of update headings, without order warnings', () => {
    const md =
      '# Outage\n\n## Updates\n\n### Update 27.08.2022 10:00:\n\nAll systems normal.\n\n### Update 26.08.2022 18:00:\n\nRestore running.\n\n### Update 26.08.2022 07:00:\n\nLogin fails.\n'
    const r = doc(md)
    expect(r.entries).toEqual(['2022-08-27 10:00 All systems normal.', '2022-08-26 18:00 Restore running.', '2022-08-26 07:00 Login fails.'])
    expect(r.rules).not.toContain('timeline-out-of-order')
  })

  it('reads date-only update headings as events, but a date heading over timed bullets as a day', () => {
    const log = doc('# Outage\n\n## 13.11.2025\n\n- Fully resolved\n\n## 21.10.2025\n\n## 07.10.2025 - 16:00 Uhr\n\nTimeout found.\n')
    expect(log.entries).toEqual(['2025-11-13 - Fully resolved', '2025-10-21 - ', '2025-10-07 16:00 Timeout found.'])
    const days = doc('# Outage\n\n## Timeline\n\n### 2025-10-01\n\n- 10:00 Alert\n\n### 2025-10-02\n\n- 09:00 Fixed\n')
    expect(days.entries).toEqual(['2025-10-01 10:00 Alert', '2025-10-02 09:00 Fixed'])
  })

  it('finds a timeline under a heading that names it in other words or languages', () => {
    for (const heading of ['Events Timeline', 'Chronologie des faits', '発生から復旧までのタイムライン']) {
      expect(doc(`# Outage\n\n## ${heading}\n\n- 2024-05-02 10:00 Alert\n- 2024-05-02 10:30 Fixed\n`).entries).toHaveLength(2)
    }
  })
})

describe('timeline shapes: entries hidden in other entries', () => {
  it('splits a lazy continuation line that opens with its own time, even with a list number glued to it', () => {
    expect(times('- 9:47am Failure reported\n- 10:10 we removed the disk\n10:15 the database is back online\n')).toEqual([
      '09:47 Failure reported',
      '10:10 we removed the disk',
      '10:15 the database is back online',
    ])
    expect(times('9. 12:00 PM UTC: Monitoring.\n10.12:30 PM UTC: Service fully restored.\n')).toEqual(['12:00 Monitoring.', '12:30 Service fully restored.'])
  })

  it('keeps a wrapped line that only mentions a time inside the entry', () => {
    expect(times('- 10:00 We restarted the db and waited until\n  10:15 before checking\n- 10:30 Done\n')).toEqual([
      '10:00 We restarted the db and waited until 10:15 before checking',
      '10:30 Done',
    ])
  })

  it('reads a month/day bullet over nested timed bullets as their day', () => {
    const file = new VFile({ value: '' })
    const r = extractTimeline(parseMarkdown('* 11/25\n    * 23:00 Release\n* 11/26\n    * 10:00 Fixed\n').children, { ...base, date: null, year: 2021 }, file)
    expect(r.entries.map((e) => `${e.date} ${e.time}`)).toEqual(['2021-11-25 23:00', '2021-11-26 10:00'])
  })

  it("splits a run-on paragraph at every repeat of the first entry's stamp shape", () => {
    expect(times('2100hrs WAT: Detected. 2105hrs WAT: Curl shows one server 2108hrs WAT: Admin logs in.\n')).toEqual([
      '21:00 Detected.',
      '21:05 Curl shows one server',
      '21:08 Admin logs in.',
    ])
  })

  it('reads text that no HTML paragraph wraps (after <hr>) in a raw-HTML document', () => {
    const r = doc('<h1>Outage</h1>\n\n<h3>Timeline</h3>\n<hr>\n2024-05-02 10:00 UTC: Detected.\n<ul>\n<li>log line 2024-05-02 10:05 UTC: Fixed.</li>\n</ul>\n')
    expect(r.entries).toEqual(['2024-05-02 10:00 Detected.', '2024-05-02 10:05 Fixed.'])
  })
})

describe('timeline shapes: clock times in prose', () => {
  it('takes the text of a status paragraph closed by its stamp, in a template tag or not, from what precedes the stamp', () => {
    const md =
      '# Sites down\n\nThe host replaced a switch and we watch the servers. {{< track "2019-03-30 20:31:19" >}}\n\nThe cause was found, a fix is rolling out (posted 21:05 UTC)\n'
    const { record } = normalizeDocument('x.md', md, options)
    expect(record.timeline.map((e) => `${e.time} ${e.text}`)).toEqual([
      '20:31 The host replaced a switch and we watch the servers.',
      '21:05 The cause was found, a fix is rolling out',
    ])
  })

  it('reads the clock times of a document without a timeline as prose events, dated by their paragraph, without a leading stamp', () => {
    const md =
      '# Halt\n\nOn the 15 Mar 2020, around 9pm UTC the proposal was submitted.\n\nAt around 3am UTC of the following night the network halted.\n\n```\nMar 16 05:02:52 host daemon: failure\n```\n\nIt took 2:30 hours to recover. Version 1.10.2 fixed it.\n'
    const { record } = normalizeDocument('x.md', md, options)
    expect(record.timeline.map((e) => [e.date, e.time, e.from])).toEqual([
      ['2020-03-15', '21:00', 'prose'],
      ['2020-03-16', '03:00', 'prose'],
    ])
    // A stamp that opens the sentence is taken out of the text; one followed by words that need it stays in.
    expect(record.timeline[0]!.text).toBe('The proposal was submitted.')
    expect(record.timeline[1]!.text).toBe('At around 3am UTC of the following night the network halted.')
  })

  it('gives each of two clock times in one sentence its own clause as the text ("at X we did A, and at Y B")', () => {
    const r = doc(
      '# Registry down\n\nOn 2023-11-07 around 14:10 CET a storage migration started and at 14:25 CET the first users reported failed pushes.\n\nWe rolled back the migration at 15:40 CET, and by 16:15 CET all pushes worked again.\n',
    )
    expect(r.entries).toEqual([
      '2023-11-07 14:10 A storage migration started',
      '2023-11-07 14:25 The first users reported failed pushes.',
      '2023-11-07 15:40 We rolled back the migration at 15:40 CET',
      '2023-11-07 16:15 All pushes worked again.',
    ])
  })

  it('keeps document order and reads bold times with seconds, without order warnings', () => {
    const r = doc('# Spike\n\nOn 2023-01-07 at approximately 22:26 UTC timeouts rose.\n\nThe CDN served timeouts at roughly **22:20:00** UTC.\n')
    expect(r.entries).toEqual([
      '2023-01-07 22:26 On 2023-01-07 at approximately 22:26 UTC timeouts rose.',
      '2023-01-07 22:20 The CDN served timeouts at roughly 22:20:00 UTC.',
    ])
    expect(r.rules).not.toContain('timeline-out-of-order')
  })

  it('reads a prose event across the lines of a hard-wrapped paragraph', () => {
    const r = doc(
      '# Slow checkout\n\nOn 2024-03-14 the first page came at 10:45 UTC, for slow checkouts. At 11:05 UTC the new gateway\nconfiguration was rolled back by the on-call\nengineer. The queue was empty again\nat 11:40 UTC.\n',
    )
    expect(r.entries).toEqual([
      '2024-03-14 10:45 On 2024-03-14 the first page came at 10:45 UTC, for slow checkouts.',
      '2024-03-14 11:05 The new gateway configuration was rolled back by the on-call engineer.',
      '2024-03-14 11:40 The queue was empty again at 11:40 UTC.',
    ])
  })

  it('keeps a prose event that looks back ("Earlier, at 09:30 …", "had been") on the same day, and the story clock where it was', () => {
    const r = doc(
      '# Slow checkout\n\nCheckouts were slow on 2024-03-14.\n\nAt 10:45 UTC on-call was paged for slow checkouts. Earlier, at 09:30 UTC, a gateway change went out.\n\nThe change had been tested at 08:50 UTC. At 11:05 UTC it was rolled back, and at 23:50 UTC a cleanup ran. At 00:20 UTC the cleanup finished.\n',
    )
    expect(r.entries.map((e) => e.slice(0, 16))).toEqual([
      '2024-03-14 10:45',
      '2024-03-14 09:30',
      '2024-03-14 08:50',
      '2024-03-14 11:05',
      '2024-03-14 23:50',
      '2024-03-15 00:20',
    ])
  })

  it('leaves prose alone when the timeline has entries', () => {
    expect(doc('# Outage\n\nAt roughly 18:52 UTC the site slowed.\n\n## Timeline\n\n- 18:53 Alert\n- 19:10 Fixed\n').entries).toEqual([
      '- 18:53 Alert',
      '- 19:10 Fixed',
    ])
  })

  it('reads times written inside the bullets of a timeline whose bullets do not open with times', () => {
    const r = doc(
      '# Outage\n\nOn 2023-02-08 the server went down.\n\n## Timeline\n\n* The fault was detected at 03:30 EAT by monitoring.\n* The supervisor was alerted.\n* Service was restored by 04:00 EAT.\n',
    )
    expect(r.entries).toEqual(['2023-02-08 03:30 The fault was detected at 03:30 EAT by monitoring.', '2023-02-08 04:00 Service was restored by 04:00 EAT.'])
    expect(r.rules).not.toContain('timeline-empty')
    expect(doc('# Outage\n\n## Timeline\n\n* Detected at 0330hrs (EAT), by an alert.\n* Someone was paged.\n').entries).toEqual([
      '- 03:30 Detected at 0330hrs (EAT), by an alert.',
    ])
  })

  it('warns about a timeline section without any time, naming its first line', () => {
    const { record } = normalizeDocument('x.md', '# Outage\n\nIt broke at 10:00 UTC.\n\n## Timeline\n\n- Deploy went out\n- Errors rose\n', options)
    expect(record.timeline).toEqual([])
    const warning = record.diagnostics.find((d) => d.ruleId === 'timeline-empty')
    expect(warning).toMatchObject({ severity: 'warning', line: 7 })
    expect(warning?.message).toContain('Deploy went out')
  })

  it('names a table timeline without times by its header cells as written (`Time | Event`)', () => {
    const md = '# Outage\n\nOn 2023-03-14 the API was down.\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| morning | errors |\n| afternoon | fixed |\n'
    const warning = normalizeDocument('x.md', md, options).record.diagnostics.find((d) => d.ruleId === 'timeline-empty')
    expect(warning).toMatchObject({ severity: 'warning', line: 7 })
    expect(warning?.message).toContain('`Time | Event`')
  })
})

describe('timeline shapes: time headings over paragraphs', () => {
  it('takes the whole hard-wrapped paragraph under a time heading as the event, not its first line', () => {
    const md =
      '### 09:10\n\nA config push reaches the edge.\nRequests begin to fail in two regions.\n\nLater notes stay out.\n\n### 09:40\n\nRollback done,\nerror rate returns to normal.\n'
    expect(times(md)).toEqual([
      '09:10 A config push reaches the edge. Requests begin to fail in two regions.',
      '09:40 Rollback done, error rate returns to normal.',
    ])
  })

  it("keeps a time heading's later paragraphs as its detail, outside the event text", () => {
    const md = '### 09:10\n\nA config push reaches the edge.\n\nBy now every region is down.\nPagers fire.\n\n### 09:40\n\nRollback done.\n'
    const result = extractTimeline(parseMarkdown(md).children, base, new VFile({ value: md }))
    expect(result.entries.map((e) => e.text)).toEqual(['A config push reaches the edge.', 'Rollback done.'])
    expect(result.details?.get(result.entries[0]!)).toBe(' By now every region is down. Pagers fire.')
    expect(result.details?.has(result.entries[1]!)).toBe(false)
  })
})

describe('timeline shapes: sections that end too early or hide their times', () => {
  it('keeps time headings raised a level too high inside the timeline', () => {
    const r = doc(
      '# Outage\n\n## Timeline\n\n### 2019-02-25 13:10\n\nVolumes moved.\n\n## 13:20\n\nServer up.\n\n### 13:46\n\nAll clear.\n\n## Conclusion\n\nAt 15:00 we wrote this.\n',
    )
    expect(r.entries).toEqual(['2019-02-25 13:10 Volumes moved.', '2019-02-25 13:20 Server up.', '2019-02-25 13:46 All clear.'])
  })

  it('reads an indented timeline whose stamp opens with "On", the lines after it as the event', () => {
    const r = doc(
      '# postmortem\n\n## Timeline\n\n    On Sunday 2:19am PDT 15/05/2021,\n    the alarm fires at once since\n    the power is cut\n\n## Monitoring\n\n    we restarted the server\n',
    )
    expect(r.entries).toEqual(['2021-05-15 02:19 the alarm fires at once since the power is cut'])
  })
})

describe('timeline shapes: bold day lines', () => {
  it('reads a bold Date: line or bold day line inside a timeline as a day marker, not a section', () => {
    for (const [a, b] of [
      ['**Date: 2024-05-01**', '**Date: 2024-05-02**'],
      ['**Tuesday, May 1 2024**', '**Wednesday, May 2 2024**'],
    ]) {
      const { record } = normalizeDocument(
        'x.md',
        `# Outage\n\n## Timeline\n\n${a}\n\n- 23:00 Deploy\n\n${b}\n\n- 01:00 Fixed\n\n## Root cause\n\nBad config.\n`,
        options,
      )
      expect(record.timeline.map((e) => `${e.date} ${e.time}`)).toEqual(['2024-05-01 23:00', '2024-05-02 01:00'])
      expect(record.sections.map((s) => s.key)).toEqual(['timeline', 'rootCause'])
    }
  })
})

describe('timeline shapes: a timeline fenced to keep its line breaks', () => {
  it('reads a plain-text fence that is all the timeline section holds, but not a code or log fence', () => {
    const fenced = (lang: string): string[] =>
      doc(
        `# Outage\n\nOn 2024-05-03 the API failed.\n\n## Timeline\n\n\`\`\`${lang}\n10:00 - Alert fired\n10:20 - Config rolled back\n\`\`\`\n\n## Root cause\n\nA typo.\n`,
      ).entries
    expect(fenced('')).toEqual(['2024-05-03 10:00 Alert fired', '2024-05-03 10:20 Config rolled back'])
    expect(fenced('text')).toHaveLength(2)
    expect(fenced('bash')).toEqual([])
    expect(doc('# Outage\n\n## Timeline\n\n```\n10:00:01 [error] worker died\n10:00:02 [error] worker died\n```\n').entries).toEqual([])
  })
})

describe('timeline shapes: a time inside an item of a timed list', () => {
  it('reads an item that names its time mid-sentence as an event, gives a stamp-only item its label, leaves untimed items out', () => {
    const md =
      '- **Detection:**\n  - March 11, 2024, 10:15 AM (UTC)\n- **Escalation:**\n  - Teams paged.\n  - Leadership informed at 11:30 AM (UTC) - a tense moment.\n'
    expect(times(md)).toEqual(['10:15 Detection', '11:30 Leadership informed at 11:30 AM (UTC) - a tense moment.'])
  })
})
