import { describe, expect, it } from 'vitest'
import { compressedScale, layoutLabels } from '../src/site/timeline-scale.js'
import { timelineVisual } from '../src/site/timeline-visual.js'
import { makeRecord } from './helpers/record.js'

/** A lead-up the day before, then a burst of events in 20 minutes: the shape a linear axis collapses into one dot. */
const dayBefore = makeRecord({
  date: '2024-03-19',
  utcOffset: '+00:00',
  timeline: [
    { at: '2024-03-18T15:00+00:00', date: '2024-03-18', time: '15:00', text: 'Config change merged', line: 1 },
    { at: '2024-03-19T09:00+00:00', date: '2024-03-19', time: '09:00', text: 'Errors begin', line: 2 },
    { at: '2024-03-19T09:04+00:00', date: '2024-03-19', time: '09:04', text: 'Alert fires', line: 3 },
    { at: '2024-03-19T09:08+00:00', date: '2024-03-19', time: '09:08', text: 'Rollback started', line: 4 },
    { at: '2024-03-19T09:12+00:00', date: '2024-03-19', time: '09:12', text: 'Errors drop', line: 5 },
    { at: '2024-03-19T09:20+00:00', date: '2024-03-19', time: '09:20', text: 'All clear', line: 6 },
  ],
  impact: {
    start: { at: '2024-03-19T09:00+00:00', date: '2024-03-19', time: '09:00' },
    end: { at: '2024-03-19T09:12+00:00', date: '2024-03-19', time: '09:12' },
    durationMinutes: 12,
    source: 'marked',
  },
  metrics: {
    detected: { at: '2024-03-19T09:04+00:00', inferred: true },
    mitigated: { at: '2024-03-19T09:12+00:00', inferred: true },
    resolved: { at: '2024-03-19T09:20+00:00', inferred: false },
    timeToDetectMinutes: 4,
    timeToMitigateMinutes: 12,
    timeToResolveMinutes: 20,
    timelineSpanMinutes: 1100,
  },
})

describe('compressed timeline scale', () => {
  it('cuts a long quiet gap into a break and spreads the burst over most of the axis', () => {
    const minutes = [0, 1080, 1084, 1088, 1092, 1100]
    const scale = compressedScale(minutes)
    expect(scale.breaks).toHaveLength(1)
    expect(scale.breaks[0]!.minutes).toBe(1080)
    // The 20-minute burst takes well over half the axis instead of under 2 % of it.
    expect(scale.at(1100) - scale.at(1080)).toBeGreaterThan(0.5)
    const positions = minutes.map(scale.at)
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    expect(Math.min(...positions)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...positions)).toBeLessThanOrEqual(1)
  })

  it('stays linear when events are evenly spread, however long the span', () => {
    const scale = compressedScale([0, 120, 240, 360])
    expect(scale.breaks).toEqual([])
    expect(scale.at(120)).toBeCloseTo(1 / 3)
  })

  it('places a single moment in the middle', () => {
    expect(compressedScale([42]).at(42)).toBe(0.5)
  })
})

describe('label lanes', () => {
  it('moves a label that would overlap its neighbour on a phone-wide axis into another lane', () => {
    const placed = layoutLabels([
      { x: 0.1, text: 'Impact start 09:00' },
      { x: 0.15, text: 'Detected 09:04' },
      { x: 1, text: 'Resolved' },
    ])
    expect(placed.map((l) => l.lane)).toEqual([1, 0, 0])
    expect(placed.map((l) => l.anchor)).toEqual(['start', 'start', 'end'])
  })

  it('stacks the earlier of two left-aligned labels higher, so its leader line does not cross the later one', () => {
    const placed = layoutLabels([
      { x: 0.05, text: 'Impact start 09:00' },
      { x: 0.1, text: 'Detected 09:04' },
      { x: 0.15, text: 'Mitigated 09:08' },
    ])
    expect(placed.map((l) => l.lane)).toEqual([2, 1, 0])
  })
})

describe('timeline overview', () => {
  const visual = timelineVisual(dayBefore)!

  it('labels the key moments from the impact window and metrics, merging those on the same minute', () => {
    expect(visual.keys.map((k) => k.text)).toEqual(['Impact start 09:00', 'Detected 09:04', 'Mitigated 09:12', 'Resolved 09:20'])
    expect(visual.keys[1]!.inferred).toBe(true)
  })

  it('shades the impact window between its ends and marks the quiet gap as a break in words', () => {
    const start = visual.keys[0]!.x
    expect(visual.window).toEqual({ x: start, width: expect.any(Number) })
    expect(visual.window!.x + visual.window!.width).toBeCloseTo(visual.keys[2]!.x, 1)
    expect(visual.breaks).toHaveLength(1)
    expect(visual.scaleLabels.map((l) => l.text)).toEqual(['Mar 18 15:00', 'Mar 19 09:20', '18 h gap'])
    expect(visual.caption).toBe(
      'Impact (shaded) 09:00 to 09:12, 12 min. Impact start 09:00; Detected 09:04 (inferred); Mitigated 09:12 (inferred); Resolved 09:20. Quiet gaps drawn shorter (marked ≈): 18 h.',
    )
  })

  it('keeps every mark inside the axis, in time order', () => {
    const xs = visual.marks.map((m) => m.x)
    expect(xs).toEqual([...xs].sort((a, b) => a - b))
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(2)
    expect(Math.max(...xs)).toBeLessThanOrEqual(98)
  })
})

describe('events dated only by their month', () => {
  it('list with their month as a readable label and a machine-readable datetime', () => {
    const record = makeRecord({ timeline: [{ at: null, date: null, time: null, month: '2015-10', text: 'Servers provisioned', line: 1 }] })
    const row = timelineVisual(record)!.rows[0]!
    expect(row).toMatchObject({ kind: 'event', time: null, at: '2015-10', month: 'October 2015', text: 'Servers provisioned' })
  })
})

describe('label lanes at the axis ends', () => {
  it('aligns a centred label that would stick out of the axis to the near end', () => {
    const placed = layoutLabels([
      { x: 0.02, text: '1 h 30 min gap', anchor: 'middle' },
      { x: 0.99, text: '2 h gap', anchor: 'middle' },
    ])
    expect(placed.map((l) => l.anchor)).toEqual(['start', 'end'])
  })
})
