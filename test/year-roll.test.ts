import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { parseMarkdown } from '../src/markdown/parse.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { extractTimeline, type TimelineContext } from '../src/normalize/timeline/timeline.js'

const base: TimelineContext = { heading: 'Timeline (UTC)', date: '2023-12-31', year: 2023, zone: null, defaultTimezone: null }

function entries(markdown: string, ctx: Partial<TimelineContext> = {}): string[] {
  const result = extractTimeline(parseMarkdown(markdown).children, { ...base, ...ctx }, new VFile({ value: markdown }))
  return result.entries.map((e) => `${e.date} ${e.time ?? ''} ${e.text}`.replace('  ', ' '))
}

describe('days without a year cross New Year', () => {
  it('rolls day headings over per-day lists forward', () => {
    expect(entries('### Dec 31\n\n- 22:10 deploy\n- 23:40 errors begin\n\n### Jan 1\n\n- 00:15 rollback\n- 02:00 resolved\n')).toEqual([
      '2023-12-31 22:10 deploy',
      '2023-12-31 23:40 errors begin',
      '2024-01-01 00:15 rollback',
      '2024-01-01 02:00 resolved',
    ])
  })

  it('rolls bold day lines over tables forward', () => {
    const md = '**Dec 30**\n\n| Time | Event |\n|---|---|\n| 21:00 | deploy |\n\n**Jan 2**\n\n| Time | Event |\n|---|---|\n| 09:00 | resolved |\n'
    expect(entries(md, { date: null })).toEqual(['2023-12-30 21:00 deploy', '2024-01-02 09:00 resolved'])
  })

  it('rolls a list of month-day stamps, timed or not, forward', () => {
    expect(entries('- Dec 30, 18:00: renewal failed\n- Jan 1, 10:00: certificate replaced\n', { date: '2022-12-30', year: 2022 })).toEqual([
      '2022-12-30 18:00 renewal failed',
      '2023-01-01 10:00 certificate replaced',
    ])
    expect(entries('- Dec 31: alerts fire\n- Jan 2: postmortem held\n', { date: '2022-12-30', year: 2022 })).toEqual([
      '2022-12-31 alerts fire',
      '2023-01-02 postmortem held',
    ])
  })

  it('puts a first day half a year after the incident day in the year before', () => {
    expect(entries('### Dec 31\n\n- 23:40 errors begin\n\n### Jan 1\n\n- 00:15 rollback\n', { date: '2024-01-01', year: 2024 })).toEqual([
      '2023-12-31 23:40 errors begin',
      '2024-01-01 00:15 rollback',
    ])
  })

  it('keeps days whose year is written', () => {
    expect(entries('- 2023-12-31 23:40 errors begin\n- Jan 1 2023 00:15 typo kept as written\n')).toEqual([
      '2023-12-31 23:40 errors begin',
      '2023-01-01 00:15 typo kept as written',
    ])
  })

  it('takes the year from a title that names only a year', () => {
    const md = '# Year-end outage 2023\n\n## Timeline (UTC)\n\n### Dec 31\n\n- 23:40 errors begin\n\n### Jan 1\n\n- 00:15 rollback\n'
    const { record } = normalizeDocument('x.md', md, { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY })
    expect(record.timeline.map((e) => e.at)).toEqual(['2023-12-31T23:40:00+00:00', '2024-01-01T00:15:00+00:00'])
  })
})
