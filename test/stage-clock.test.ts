import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { loadDocument } from '../src/document.js'
import { stageClock } from '../src/normalize/stage-clock.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const text = `---
title: Queue outage
date: 2024-03-02
---

# Queue outage

## Summary

The queue stopped accepting jobs for 25 minutes.

## Timeline (UTC)

- 10:00 Errors begin
- 10:25 Service restored

## Action items

- Add an alert on queue depth
`

describe('stage clock', () => {
  it('credits each normalize stage by name, in normalize order, and sums to the whole call', () => {
    const { clock, totals } = stageClock()
    const started = performance.now()
    loadDocument('queue.md', Buffer.from(text), { ...options, clock })
    const whole = performance.now() - started
    expect([...totals.keys()]).toEqual([
      'decode',
      'front matter',
      'markdown parse',
      'tree checks',
      'blocks',
      'meta, fields, title',
      'sections',
      // Language before dates: a numeric date is read day-first in a language that writes it so.
      'language',
      'incident date',
      'timeline',
      'summary',
      'impact window',
      'stated date check',
      'html',
      'action items, lessons',
      'enrich',
      'diagnostics',
      'images',
    ])
    const sum = [...totals.values()].reduce((a, b) => a + b, 0)
    expect(sum).toBeGreaterThan(0)
    expect(sum).toBeLessThanOrEqual(whole + 0.001)
  })

  it('sums stages over several documents and leaves the record as it is without a clock', () => {
    const { clock, totals } = stageClock()
    const timed = loadDocument('queue.md', Buffer.from(text), { ...options, clock })
    const first = totals.get('markdown parse')!
    loadDocument('queue.md', Buffer.from(text), { ...options, clock })
    expect(totals.get('markdown parse')!).toBeGreaterThan(first)
    expect(timed).toEqual(loadDocument('queue.md', Buffer.from(text), options))
  })
})
