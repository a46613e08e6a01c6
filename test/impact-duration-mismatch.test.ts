import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const read = (text: string) => {
  const { record } = normalizeDocument('w.md', text, options)
  return { minutes: record.impact.durationMinutes, rules: record.diagnostics.map((d) => d.ruleId) }
}
const TIMELINE = '\n\n## Timeline (UTC)\n\n- 10:00 Errors begin on the API\n- 10:20 On-call paged\n- 11:30 Service restored\n'

describe('a stated duration that disagrees with the start and end the text gives', () => {
  it('keeps the stated duration and says that it disagrees with the window (a Duration field, a sentence)', () => {
    for (const stated of ['Duration: 45 minutes', 'The outage lasted 45 minutes.']) {
      const r = read(`# API outage\n\n${stated}${TIMELINE}`)
      expect(r.minutes).toBe(45)
      expect(r.rules).toContain('impact-duration-mismatch')
    }
  })

  it('says nothing when they agree within 10 % or 5 minutes', () => {
    const r = read(`# API outage\n\nThe outage lasted about 90 minutes.${TIMELINE}`)
    expect(r.minutes).toBe(90)
    expect(r.rules).not.toContain('impact-duration-mismatch')
  })

  it('points at the line and column where the duration is written', () => {
    const { record } = normalizeDocument('w.md', `# API outage\n\nCustomers saw errors.\nThe outage lasted 45 minutes.${TIMELINE}`, options)
    const note = record.diagnostics.find((d) => d.ruleId === 'impact-duration-mismatch')
    expect(note).toMatchObject({ line: 4, column: 19 })
  })
})
