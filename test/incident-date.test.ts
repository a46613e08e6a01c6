import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { pickDate, titleDateIsReportDay, type IncidentWhen } from '../src/normalize/time/incident-date.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const recordOf = (text: string) => normalizeDocument('s.md', text, options).record
const when = (date: string, dateSource: IncidentWhen['dateSource']): IncidentWhen => ({
  date,
  month: null,
  dateSource,
  bodyDate: null,
  proseDate: null,
  proseDateNotice: false,
  start: null,
  end: null,
  durationMinutes: null,
  endIsResolution: false,
  statedMinutes: null,
  timezone: null,
  utcOffset: null,
  zone: null,
  year: null,
  dayFirst: null,
})

describe('a date in the title', () => {
  it('is the report day when the timeline began two or more days before it and never passes it', () => {
    expect(titleDateIsReportDay(when('2023-03-10', 'title'), ['2023-03-06', '2023-03-07', '2023-03-10'])).toBe(true)
  })

  it('stays the incident day over a lead-up the day before, a later entry, or when it came from a field', () => {
    expect(titleDateIsReportDay(when('2023-03-10', 'title'), ['2023-03-09', '2023-03-10'])).toBe(false)
    expect(titleDateIsReportDay(when('2023-03-10', 'title'), ['2023-03-06', '2023-03-12'])).toBe(false)
    expect(titleDateIsReportDay(when('2023-03-10', 'field'), ['2023-03-06', '2023-03-10'])).toBe(false)
    expect(titleDateIsReportDay(when('2023-03-10', 'title'), [])).toBe(false)
  })

  it('gives way to the timeline in a whole document', () => {
    const r = recordOf(
      '# Disclosure 2023-03-10\n\n## Timeline\n\n**March 6, 2023**\n\n- **09:15:** A researcher reports the bug\n\n**March 8, 2023**\n\n- **14:00:** Fix deployed\n\n**March 10, 2023**\n\n- **10:00:** Report published\n',
    )
    expect(r.date).toBe('2023-03-06')
  })
})

describe('a date the summary states', () => {
  it('wins over the first timeline entry, which may be lead-up days earlier', () => {
    expect(pickDate({ ...when('', null), date: null, proseDate: '2024-03-14' }, '2024-03-12', '2024-03-20')).toBe('2024-03-14')
    expect(pickDate({ ...when('', null), date: null }, '2024-03-12', '2024-03-20')).toBe('2024-03-12')
  })

  it('wins over the day of an event that marks the start, past midnight', () => {
    const r = recordOf(
      '# Reboot outage\n\n## Summary\n\nOn May 10, 2020, a scheduled reboot failed and the site was down until morning.\n\n## Timeline\n\nAll times in UTC.\n\n- 22:30 Reboot begins\n- 00:26 Outage begins\n- 08:30 Site back online\n',
    )
    expect(r.date).toBe('2020-05-10')
    expect(r.impact.start).toMatchObject({ date: '2020-05-11', time: '00:26' })
  })

  it('yields, when it is the day the team was notified, to an earlier start that an event marks', () => {
    const r = recordOf(
      '# Malicious release\n\nOn 2025-02-04, we were notified about malware in the widget package.\n\n## Timeline (UTC)\n\n- 2025-02-01 09:00 - widget 2.3.0 released\n- 2025-02-03 14:10 - widget 2.3.1 released, the first version to include malware\n- 2025-02-04 08:30 - Report received\n- 2025-02-04 09:05 - Package quarantined\n',
    )
    expect(r.date).toBe('2025-02-03')
    const plain = recordOf(
      '# Malicious release\n\nOn 2025-02-04, users installed malware with the widget package.\n\n## Timeline (UTC)\n\n- 2025-02-03 14:10 - widget 2.3.1 released, the first version to include malware\n- 2025-02-04 09:05 - Package quarantined\n',
    )
    expect(plain.date).toBe('2025-02-04')
  })

  it.each([['Detected: 2023-03-05'], ['Date discovered: 2023-03-05'], ['Reported on: 2023-03-05'], ['We were alerted on 2023-03-05.']])(
    'yields, when a label or the sentence says it is the day of detection (`%s`), to the earlier day impact began',
    (line) => {
      const timeline =
        '## Timeline\n\n- 2023-03-04 22:00 UTC errors begin after a config push\n- 2023-03-05 09:00 UTC on-call paged\n- 2023-03-05 09:40 UTC rollback, payments recover\n'
      expect(recordOf(`# Payment outage\n\n${line}\n\n${timeline}`).date).toBe('2023-03-04')
      expect(recordOf(`# Payment outage\n\nThe config push went out on 2023-03-05.\n\n${timeline}`).date).toBe('2023-03-05')
    },
  )

  it('dates a whole document whose timeline opens with the change made two days before', () => {
    const r = recordOf(
      '# Slow pages\n\n## Summary\n\nOn March 14, 2024, pages loaded slowly for three hours.\n\n## Timeline\n\n- 2024-03-12 17:00 UTC: Cache change merged\n- 2024-03-14 09:00 UTC: Support ticket from a customer\n- 2024-03-14 12:00 UTC: Cache flushed\n',
    )
    expect(r.date).toBe('2024-03-14')
  })
})

describe('a dateline heading', () => {
  it('with nothing under it, before any section, dates the document (dotted numbers read day-first)', () => {
    const r = recordOf('# Phishing mails\n\n## 3.4.2020\n\n## Summary\n\nSeveral staff received a phishing mail.\n')
    expect(r.date).toBe('2020-04-03')
  })

  it('inside a timeline stays a day marker', () => {
    const r = recordOf('# Outage\n\n## Timeline\n\n### 2020-05-04\n\n- 10:00 Alerts fire\n- 10:30 Fixed\n')
    expect(r.timeline.map((e) => e.date)).toEqual(['2020-05-04', '2020-05-04'])
  })
})

describe('a date anywhere in the body', () => {
  it('dates the incident when nothing else does and it reads only one way', () => {
    const r = recordOf('# Slow site\n\n## Root cause\n\nOn 4/20/2019 the primary server failed and nobody noticed.\n')
    expect(r.date).toBe('2019-04-20')
  })
})

describe('a day the summary gives without its year, counted from the publication day', () => {
  const post = (date: string, body: string) => `---\ntitle: Outage\ndate: ${date}\n---\n\n${body}\n\n## Timeline\n\n- 22:00 down\n- 23:00 up\n`

  it('reads a month and day in the publication year, and dates the undated timeline with it', () => {
    const record = recordOf(post('2021-03-16', 'Last night (Monday, March 15th) the API was down for an hour.'))
    expect(record.date).toBe('2021-03-15')
    expect(record.timeline.map((e) => e.date)).toEqual(['2021-03-15', '2021-03-15'])
  })

  it('takes the year before when the day would fall after the publication', () => {
    expect(recordOf(post('2022-01-03', 'On December 30th the API was down for an hour.')).date).toBe('2021-12-30')
  })

  it('reads "yesterday" as the day before the publication', () => {
    expect(recordOf(post('2021-03-16', 'Yesterday the API was down for an hour.')).date).toBe('2021-03-15')
    expect(recordOf(post('2021-03-16', 'The API was down for an hour.')).date).toBe('2021-03-16')
  })
})

describe('a month written with its year and no day', () => {
  it('gives the year of day headings written without one ("Day 1 (Tue 3 Mar)" under a title "…, March 2020")', () => {
    const md =
      '# Storage degradation, March 2020\n\n## Timeline\n\n### Day 1 (Tue 3 Mar)\n\n- 22:10 latency rises\n\n### Day 2 (Wed 4 Mar)\n\n- 00:30 controller replaced\n'
    const record = recordOf(md)
    expect(record.date).toBe('2020-03-03')
    expect(record.timeline.map((e) => `${e.date} ${e.time}`)).toEqual(['2020-03-03 22:10', '2020-03-04 00:30'])
  })

  it('yields to a full date anywhere in the text', () => {
    expect(recordOf('# Report for March 2020\n\nOn 2019-12-30 the disk filled up.\n\n## Timeline\n\n- 10:00 disk full\n').date).toBe('2019-12-30')
  })
})

describe('pasted logs and headers', () => {
  const timeline = '## Timeline\n\n- 14:02 - Alerts fire for API errors.\n- 14:22 - Cache warmed; errors stop.\n'

  it('never date the incident or open its window: fenced log lines, indented header lines', () => {
    const fenced = recordOf(`# Cache stampede\n\nOur API returned errors.\n\n\`\`\`\n2019-06-01T03:15:22Z ERROR connection refused\n\`\`\`\n\n${timeline}`)
    expect(fenced.date).toBeNull()
    expect(fenced.impact.start).toMatchObject({ date: null, time: '14:02' })
    const headers = recordOf(`# Cache stampede\n\nOur API returned errors.\n\n    Date: Sat, 01 Jun 2019 03:15:22 GMT\n    Server: nginx\n\n${timeline}`)
    expect(headers.date).toBeNull()
    expect(headers.timezone).toBeNull()
  })

  it('leave an indented report read as prose, and a date written outside the code', () => {
    const indented = recordOf('# Outage\n\n    On 2021-05-15 the web server went down.\n\n## Timeline\n\n- 02:19 - Power cut.\n')
    expect(indented.date).toBe('2021-05-15')
    const written = recordOf(
      `# Cache stampede\n\nOn 2024-03-02 our API returned errors.\n\n\`\`\`\n2019-06-01T03:15:22Z ERROR connection refused\n\`\`\`\n\n${timeline}`,
    )
    expect(written.date).toBe('2024-03-02')
  })
})

describe('a day heading written with a month name between slashes', () => {
  it('dates the incident (## 22/Mar/2024 over its story)', () => {
    const record = recordOf('# Disk full on build host\n\n## 22/Mar/2024\n\nThe build host ran out of disk at 10:05 UTC.\n')
    expect(record.date).toBe('2024-03-22')
  })
})
