import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { namesPhase } from '../src/enrich/phase-wording.js'
import { startScore } from '../src/normalize/impact/marked-events.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const doc =
  '# Checkout errors\n\n## Timeline (UTC)\n\n- 2024-07-01 09:00 deploy of release 88\n- 2024-07-01 09:03 checkout error rate rises\n- 2024-07-01 09:21 a customer emails support about failed payments\n- 2024-07-01 09:30 rollback started\n- 2024-07-01 09:55 error rate back to normal\n'

describe('detection and start in everyday words', () => {
  it('reads a customer writing to support as detection, and an error rate that rises as the start', () => {
    expect(namesPhase('detected', 'a customer emails support about failed payments')).toBe(true)
    expect(namesPhase('detected', 'users contacted our help desk')).toBe(true)
    expect(startScore('checkout error rate rises')).toBeGreaterThanOrEqual(2)
  })

  it('measures the time to detect from the start the errors mark to the customer’s email', () => {
    const { impact, metrics } = normalizeDocument('w.md', doc, options).record
    expect([impact.start?.time, metrics.detected?.at, metrics.timeToDetectMinutes]).toEqual(['09:03', '2024-07-01T09:21:00+00:00', 18])
  })
})
