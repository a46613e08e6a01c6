import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const at = (m: { date: string | null; time: string | null } | null | undefined) => (m ? `${m.date ?? '-'} ${m.time ?? '-'}` : null)
const read = (text: string) => {
  const { record } = normalizeDocument('x.md', text, options)
  return { date: record.date, timezone: record.timezone, events: record.timeline.map((e) => at(e)), texts: record.timeline.map((e) => e.text) }
}

describe('the zone a timeline heading names', () => {
  it('labels the record with the heading word over the Z of ISO stamps', () => {
    const doc = '# Feed broken\n\n## Timeline (UTC)\n\n- 2025-05-05T22:23:47Z — alert fired\n- 2025-05-05T22:40:00Z — fixed\n'
    expect(read(doc).timezone).toBe('UTC')
    expect(read(doc.replace(' (UTC)', '')).timezone).toBe('Z')
  })
})
