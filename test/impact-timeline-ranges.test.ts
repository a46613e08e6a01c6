import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { isLeadUp, startScore } from '../src/normalize/impact/marked-events.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const window = (text: string) => {
  const { impact } = normalizeDocument('w.md', text, options).record
  return [impact.start?.time ?? null, impact.end?.time ?? null, impact.durationMinutes]
}

describe('a timeline entry written as a range that marks the impact', () => {
  it('ends the window at the range’s end ("14:05–14:40 elevated errors")', () => {
    const doc =
      '# API errors\n\n## Timeline\n\nAll times UTC, 2024-04-02.\n\n- 13:50 deploy of the new build starts\n- 14:05–14:40 elevated errors on the checkout API\n- 15:10 postmortem scheduled\n'
    expect(window(doc)).toEqual(['14:05', '14:40', 35])
  })

  it('keeps a later event that says service came back as the end', () => {
    const doc =
      '# API errors\n\n## Timeline\n\nAll times UTC, 2024-04-02.\n\n- 14:05 to 14:20 checkout API returns 502s\n- 14:20 partial rollback\n- 14:55 service fully restored\n'
    expect(window(doc)).toEqual(['14:05', '14:55', 50])
  })

  it('reads no impact end from a range that names work, not impact ("14:00–16:00 investigation")', () => {
    const doc =
      '# API errors\n\n## Timeline\n\nAll times UTC, 2024-04-02.\n\n- 13:00 checkout API returns 502s\n- 14:00–16:00 investigation by the payments team\n- 14:30 service restored\n'
    expect(window(doc)).toEqual(['13:00', '14:30', 90])
  })
})

describe('a number in the 500s that names a build or ticket is no HTTP status', () => {
  it('reads "build 512" and "PR #503" as lead-up, and "503s" as errors', () => {
    expect(startScore('deploy of build 512 starts')).toBe(0)
    expect(isLeadUp('deploy of build 512 starts')).toBe(true)
    expect(isLeadUp('PR #503 merged')).toBe(true)
    expect(startScore('the API answers with 503s')).toBeGreaterThan(0)
  })
})
