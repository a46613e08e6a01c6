import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }

/** `at text` of each timeline entry of a small document. */
function entries(markdown: string): string[] {
  return normalizeDocument('x.md', markdown, options).record.timeline.map((e) => `${e.at} ${e.text}`)
}

describe('four-digit clock times without a colon', () => {
  it('reads a number after a month and day as HHMM when a zone follows or it is no year of this era', () => {
    const doc = [
      '---',
      'date: 2023-11-14',
      '---',
      '# Cache stampede',
      '',
      '## Timeline',
      '',
      '- Nov 14 0942 UTC: cache hit rate fell',
      '- 2210 UTC: origin saturated',
      '- Nov 15 0035: cache warmed again',
    ].join('\n')
    expect(entries(doc)).toEqual([
      '2023-11-14T09:42:00+00:00 cache hit rate fell',
      '2023-11-14T22:10:00+00:00 origin saturated',
      '2023-11-15T00:35:00+00:00 cache warmed again',
    ])
  })

  it('keeps a real year after a month and day', () => {
    const doc = ['# Cache stampede', '', '## Timeline', '', '- Nov 14 2023 09:42 UTC: cache hit rate fell', '- Nov 14, 2023 2210 UTC: origin saturated'].join(
      '\n',
    )
    expect(entries(doc)).toEqual(['2023-11-14T09:42:00+00:00 cache hit rate fell', '2023-11-14T22:10:00+00:00 origin saturated'])
  })
})

describe('military time with a Z and status-log lines', () => {
  it('reads `0915Z` as 09:15 in UTC, and `1430 UTC - …` status lines', () => {
    const doc = '---\ndate: 2021-07-09\n---\n# API errors\n\n## Timeline\n\n- 0915Z Alert fired\n- 0922Z Engineer paged\n- 1003Z Config reverted\n'
    expect(entries(doc)).toEqual([
      '2021-07-09T09:15:00+00:00 Alert fired',
      '2021-07-09T09:22:00+00:00 Engineer paged',
      '2021-07-09T10:03:00+00:00 Config reverted',
    ])
    const log = '---\ndate: 2021-07-09\n---\n# API errors\n\n## Status log\n\n- 1430 UTC - Investigating\n- 1510 UTC - Monitoring\n- 1600 UTC - Resolved\n'
    expect(entries(log)).toEqual(['2021-07-09T14:30:00+00:00 Investigating', '2021-07-09T15:10:00+00:00 Monitoring', '2021-07-09T16:00:00+00:00 Resolved'])
  })
})

describe('a time without am/pm in an am/pm timeline', () => {
  it('takes the reading that keeps the events in order, across noon and midnight', () => {
    const noon =
      '---\ndate: 2021-07-09\n---\n# API errors\n\n## Timeline (UTC)\n\n- 11:40 am Deploy\n- 12:10 pm Rollback started\n- 1:05 Rollback finished\n- 1:30 pm Resolved\n'
    expect(entries(noon).map((e) => e.slice(0, 25))).toEqual([
      '2021-07-09T11:40:00+00:00',
      '2021-07-09T12:10:00+00:00',
      '2021-07-09T13:05:00+00:00',
      '2021-07-09T13:30:00+00:00',
    ])
    const night =
      '---\ndate: 2021-07-09\n---\n# API errors\n\n## Timeline (UTC)\n\n- 9:40 pm Deploy\n- 10:15 Errors begin\n- 11:50 pm Rollback\n- 12:20 am Resolved\n'
    expect(entries(night).map((e) => e.slice(0, 25))).toEqual([
      '2021-07-09T21:40:00+00:00',
      '2021-07-09T22:15:00+00:00',
      '2021-07-09T23:50:00+00:00',
      '2021-07-10T00:20:00+00:00',
    ])
  })
})
