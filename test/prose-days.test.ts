import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const at = (m: { date: string | null; time: string | null } | null | undefined) => (m ? `${m.date ?? ''} ${m.time ?? ''}`.trim() : null)
const read = (text: string) => {
  const { record } = normalizeDocument('w.md', text, options)
  return {
    events: record.timeline.map((e) => `${at(e)} ${e.from ?? ''}`.trim()),
    window: [at(record.impact.start), at(record.impact.end), record.impact.durationMinutes],
  }
}

describe('a day heading or bold day line dates the clock times of the prose below it', () => {
  it('dates prose events under a heading that names only a day', () => {
    const r = read(
      '# Payment outage\n\nPayments failed on the gateway.\n\n## 2024-03-03\n\nAt 10:05 UTC the payment gateway began returning errors. We paged the on-call engineer at 10:20.\n\n## Resolution\n\nA certificate was replaced.\n',
    )
    expect(r.events).toEqual(['2024-03-03 10:05 prose', '2024-03-03 10:20 prose'])
  })

  it('dates prose events under a bold day line', () => {
    const r = read(
      '# Payment outage\n\nPayments failed on the gateway.\n\n**Sunday, 3 March 2024**\n\nAt 10:05 UTC the payment gateway began returning errors. We paged the on-call engineer at 10:20.\n\n## Root cause\n\nA certificate expired.\n',
    )
    expect(r.events).toEqual(['2024-03-03 10:05 prose', '2024-03-03 10:20 prose'])
  })

  it('dates a stated end in prose by the day heading above it, never before the start', () => {
    const r = read(
      '---\ndate: 2024-03-05\n---\n# Payment outage\n\n## What happened\n\nOn Sunday payments failed.\n\n### Sunday, 3 March\n\nAt 10:05 UTC the payment gateway began returning errors. We paged the on-call engineer at 10:20.\n\n### Detection\n\nOur monitors caught it.\n\n### Monday, 4 March\n\nAt 09:00 UTC a fix was deployed and payments recovered at 09:30.\n',
    )
    expect(r.window).toEqual(['2024-03-03 10:05', '2024-03-04 09:30', 1405])
  })
})
