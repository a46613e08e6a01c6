import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }

/** `at text` of each timeline entry of a small document. */
function entries(markdown: string): string[] {
  return normalizeDocument('x.md', markdown, options).record.timeline.map((e) => `${e.at} ${e.text}`)
}

describe('a timeline item whose stamp closes it', () => {
  it('keeps none of a closing stamp with a date, after a dash or after "at"', () => {
    const dated = ['# Deploy outage', '', '## Timeline', '', '- Deploy started — 2024-03-01 14:02 UTC', '- Rollback completed — 2024-03-01 14:32 UTC'].join(
      '\n',
    )
    expect(entries(dated)).toEqual(['2024-03-01T14:02:00+00:00 Deploy started', '2024-03-01T14:32:00+00:00 Rollback completed'])
    const at = [
      '# Deploy outage',
      '',
      '## Timeline',
      '',
      'All times UTC, March 1, 2024.',
      '',
      '- Deploy started at 14:02',
      '- Rollback completed at 14:32.',
    ].join('\n')
    expect(entries(at)).toEqual(['2024-03-01T14:02:00+00:00 Deploy started', '2024-03-01T14:32:00+00:00 Rollback completed'])
  })

  it('keeps a time the sentence goes on after', () => {
    const doc = [
      '# Deploy outage',
      '',
      '## Timeline',
      '',
      'All times UTC, March 1, 2024.',
      '',
      '- Errors begin at 14:05 across the fleet',
      '- Rollback completed at 14:32',
    ].join('\n')
    expect(entries(doc)[0]).toBe('2024-03-01T14:05:00+00:00 Errors begin at 14:05 across the fleet')
  })
})
