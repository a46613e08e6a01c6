import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }

/** `time first-word` of the prose events of a document with no timeline section. */
function events(paragraphs: string[]): string[] {
  const doc = ['# Network outage', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n')
  return normalizeDocument('x.md', doc, options).record.timeline.map((e) => `${e.time} ${e.text.split(' ')[0]}`)
}

describe('a time given as a forecast in prose is no event', () => {
  it('skips a deadline after "by" in a sentence that expects, and a time after "ETA"', () => {
    expect(
      events([
        'On 2024-05-02 at 02:10 UTC our upstream fiber provider failed.',
        'We have no exact ETA yet; the worst case resolution timeline is by 6 AM UTC.',
        'We expect service to be back by 05:30 UTC. ETA 05:45 UTC for the second region.',
      ]),
    ).toEqual(['02:10 Our'])
  })

  it('keeps a time after "by" that tells what happened', () => {
    expect(events(['On 2024-05-02 at 02:10 UTC our upstream fiber provider failed.', 'Service was restored by 05:30 UTC.'])).toEqual([
      '02:10 Our',
      '05:30 Service',
    ])
  })
})
