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
