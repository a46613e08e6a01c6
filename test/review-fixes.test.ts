import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { makeItem } from '../src/normalize/actions/action-markers.js'
import { addDays, monthDay } from '../src/normalize/time/date-parts.js'
import { findDurations } from '../src/normalize/impact/find-duration.js'
import { endScore, isLeadUp } from '../src/normalize/impact/marked-events.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { SECTION_CUES } from '../src/normalize/sections/section-words.js'
import { matchSection } from '../src/normalize/sections/section-synonyms.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const texts = (body: string): string[] => normalizeDocument('a.md', `# Disk full on 2024-05-01\n\n${body}`, options).record.actionItems.map((i) => i.text)

describe('review fixes: mixed resolution and next-steps sections', () => {
  it('keeps imperative follow-ups whose verb ends in "ed" or that contain is/are, and drops done work', () => {
    const body =
      '## Resolution and next steps\n\n- The team restarted the database.\n- Replicas were resized.\n- Speed up failover by pre-warming replicas.\n- Ensure alerting is routed to on-call.\n- Embed the runbook link in every alert.\n'
    expect(texts(body)).toEqual([
      'Speed up failover by pre-warming replicas.',
      'Ensure alerting is routed to on-call.',
      'Embed the runbook link in every alert.',
    ])
  })
})

describe('review fixes: trailing status', () => {
  it('does not read a hyphen inside a word as a status separator', () => {
    const item = makeItem('Make sure runbooks are pre-planned', { kind: null, done: null })
    expect(item?.text).toBe('Make sure runbooks are pre-planned')
    expect(item?.done).toBeNull()
    expect(makeItem('Add a disk alert - done', { kind: null, done: null })?.done).toBe(true)
  })
})

describe('review fixes: stated durations', () => {
  it('does not read a bare "m" after a number as minutes, but keeps glued units and lasted cues', () => {
    expect(findDurations('We served 3m errors to customers.')).toEqual([])
    expect(findDurations('The site was down for 1h20m.')[0]?.minutes).toBe(80)
    expect(findDurations('The outage lasted 45m in total.')[0]?.minutes).toBe(45)
  })

  it('reads only an anchored duration label as impact, and time to acknowledge as detection', () => {
    expect(findDurations('Cache TTL duration: 5 minutes')).toEqual([])
    expect(findDurations('Duration: 40 minutes')[0]).toMatchObject({ minutes: 40, kind: 'impact' })
    expect(findDurations('Total duration: 2 hours')[0]).toMatchObject({ minutes: 120, kind: 'impact' })
    expect(findDurations('Time to acknowledge: 5 minutes')[0]?.kind).toBe('detect')
    expect(findDurations('TTA: 5 minutes')[0]?.kind).toBe('detect')
  })
})

describe('review fixes: lead-up events', () => {
  it('does not read a change as lead-up when the same event carries impact words', () => {
    expect(isLeadUp('Configuration updated on the load balancer')).toBe(true)
    expect(isLeadUp('Configuration changed; requests failing')).toBe(false)
    expect(isLeadUp('Config updated, checkout errors for all users')).toBe(false)
  })
})

describe('review fixes: general cue words', () => {
  it('reads a capability given back (enabling, allowing, letting someone connect) as an end', () => {
    expect(endScore('Failover finished, allowing customers to connect')).toBeGreaterThanOrEqual(3)
    expect(endScore('Cache flushed, enabling all clients to log in again')).toBeGreaterThanOrEqual(3)
  })

  it('weighs every section cue at the normal weights (no one-off weight-4 cue) and reads general Japanese headings', () => {
    expect(SECTION_CUES.filter((cue) => cue.weight > 3)).toEqual([])
    expect(matchSection('今後の対応')?.key).toBe('actionItems')
    expect(matchSection('良かった点')?.key).toBe('lessonsLearned')
  })
})

describe('review fixes: shared date parts', () => {
  it('adds days across month and year ends, and null for an unreadable date', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(addDays('2024-02-30', 0)).toBe('2024-03-01')
    expect(addDays('no date', 1)).toBeNull()
  })

  it('reads a numeric month and day the same way for every reader', () => {
    expect(monthDay(21, 10, 2024, null, '21/10')).toMatchObject({ month: 10, day: 21, ambiguous: false })
    expect(monthDay(3, 4, 2024, null, '3/4')).toMatchObject({ month: 3, day: 4, ambiguous: true })
    expect(monthDay(3, 4, 2024, true, '3.4')).toMatchObject({ month: 4, day: 3, ambiguous: false })
    expect(monthDay(13, 13, 2024, null, '13/13')).toBeNull()
  })
})

describe('review fixes: durations and routines in prose are not events', () => {
  const times = (body: string): Array<string | null> => normalizeDocument('a.md', `# API outage\n\n${body}`, options).record.timeline.map((e) => e.time)

  it('skips a clock-like amount after a duration cue (lasted, took, every)', () => {
    const body =
      'On 2024-05-01 at 14:00 UTC the API went down. The outage lasted 2h30 in total. The rebuild took 1:45 to complete. At 16:30 UTC the API was back.\n'
    expect(times(body)).toEqual(['14:00', '16:30'])
  })

  it('skips a time in a sentence about a routine or scheduled window', () => {
    const body = 'On 2024-05-01 at 14:00 UTC the API went down. Deploys run every day at 9am. At 16:30 UTC the API was back.\n'
    expect(times(body)).toEqual(['14:00', '16:30'])
  })
})
