import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }

/** `at text` of each timeline entry of a small document. */
function entries(markdown: string): string[] {
  return normalizeDocument('x.md', markdown, options).record.timeline.map((e) => `${e.at} ${e.text}`)
}

describe('event headings with a qualifier before the time', () => {
  it('reads "After" and "Before" headings as events at their time', () => {
    const doc = [
      '---',
      'date: 2022-06-09',
      '---',
      '# Login failures',
      '',
      '## Timeline',
      '',
      '### 07:15 UTC',
      '',
      'Token service rejects logins.',
      '',
      '### Before 07:40 UTC',
      '',
      'Keys rotated back.',
      '',
      '### Shortly after 08:05 UTC',
      '',
      'Logins succeed.',
    ].join('\n')
    expect(entries(doc)).toEqual([
      '2022-06-09T07:15:00+00:00 Token service rejects logins.',
      '2022-06-09T07:40:00+00:00 Keys rotated back.',
      '2022-06-09T08:05:00+00:00 Logins succeed.',
    ])
  })
})
