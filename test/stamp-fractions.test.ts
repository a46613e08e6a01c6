import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { parseTime } from '../src/normalize/time/datetime.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }

describe('log stamps with fractions of a second used as a timeline', () => {
  it('reads the fraction as part of the time, and the zone after it', () => {
    expect(parseTime('10:00:00.123')).toMatchObject({ hour: 10, minute: 0, second: 0 })
    expect(parseTime('10:00:05,250')).toMatchObject({ hour: 10, minute: 0, second: 5 })
    const doc = [
      '# Deploy outage',
      '',
      '## Timeline',
      '',
      '- 2024-03-01T10:00:00.123Z deploy started',
      '- 2024-03-01T10:04:12.456Z error rate crosses 5%',
      '',
      '## Logs',
      '',
      '```',
      '2024-03-01T10:02:00.000Z ERROR upstream timeout',
      '```',
    ].join('\n')
    const { record } = normalizeDocument('x.md', doc, options)
    expect(record.timeline.map((e) => `${e.at} ${e.text}`)).toEqual([
      '2024-03-01T10:00:00+00:00 deploy started',
      '2024-03-01T10:04:12+00:00 error rate crosses 5%',
    ])
  })
})
