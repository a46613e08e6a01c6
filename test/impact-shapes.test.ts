import { describe, expect, it } from 'vitest'
import { findDurations } from '../src/normalize/impact/find-duration.js'
import { findStatedMoments } from '../src/normalize/impact/find-stated-moments.js'
import { findStatedRange } from '../src/normalize/impact/find-stated-range.js'
import { findImpactWindow } from '../src/normalize/impact/impact-window.js'
import { endScore, findMarkedEvents, startScore } from '../src/normalize/impact/marked-events.js'
import { parseZone } from '../src/normalize/time/zones.js'
import type { TimelineEntry } from '../src/types.js'

const context = { date: '2024-05-01', year: 2024, dayFirst: null, zone: parseZone('UTC') }
const entry = (time: string, text: string): TimelineEntry => ({ at: null, date: '2024-05-01', time, text, line: 1 })
const times = (found: { start: { time: string | null } | null; end: { time: string | null } | null } | null) => [found?.start?.time, found?.end?.time]

describe('stated ranges joined by a word of the text’s language', () => {
  it('reads "zwischen … und … Uhr" and "de …h… à …h…"', () => {
    expect(times(findStatedRange([{ text: 'Am Montag war das Portal zwischen 09:15 und 11:40 Uhr nicht erreichbar.', weight: 2 }], context))).toEqual([
      '09:15',
      '11:40',
    ])
    expect(times(findStatedRange([{ text: 'Le portail a été indisponible de 08h10 à 09h55.', weight: 2 }], context))).toEqual(['08:10', '09:55'])
  })

  it('reads a zone written as an offset after the range ("7:00 am to 7:30 am (UTC−05:00)"), not its hours as a time', () => {
    const found = findStatedRange([{ text: 'The API was down from 7:00 am to 7:30 am (UTC−05:00) on May 1.', weight: 2 }], context)
    expect([found?.start?.at, found?.end?.at]).toEqual(['2024-05-01T07:00:00-05:00', '2024-05-01T07:30:00-05:00'])
    const plain = findStatedRange([{ text: 'Errors from 10:00 to 11:00 UTC+02:00.', weight: 2 }], context)
    expect([plain?.start?.at, plain?.end?.at]).toEqual(['2024-05-01T10:00:00+02:00', '2024-05-01T11:00:00+02:00'])
  })

  it('takes a zone in capitals for no connector ("4:05 PM ET and …" is no French "et")', () => {
    const text = 'The workers were redeployed at 3:05 PM ET and the site answered again by 3:40 PM ET.'
    expect(findStatedRange([{ text, weight: 2 }], context)).toBeNull()
  })
})

describe('a stated range past midnight', () => {
  it('rolls the end over a day when the sentence names the day after the range', () => {
    const range = findStatedRange([{ text: 'From 10pm to 1am PT on Friday, June 7, 2024, exports failed.', weight: 2 }], context)
    expect([range?.start.date, range?.start.time, range?.end.date, range?.end.time]).toEqual(['2024-06-07', '22:00', '2024-06-08', '01:00'])
  })
})

describe('rejected work as impact', () => {
  it('reads "rejected … for N minutes" as an impact duration', () => {
    expect(findDurations('The broker rejected all new connections for 35 minutes.')[0]).toMatchObject({ minutes: 35, kind: 'impact' })
  })

  it('counts a stated duration back from a marked end past a rotation that led up to it', () => {
    const timeline = [
      entry('08:02', 'signing key rotated'),
      entry('08:05', 'new connections rejected'),
      entry('08:20', 'alert fired'),
      entry('08:40', 'old key restored'),
    ]
    const window = findImpactWindow({
      timeline,
      passages: [{ text: 'The broker rejected all new connections for 35 minutes.', weight: 2 }],
      fieldRange: null,
      statedStart: null,
      statedEnd: null,
      context,
    })
    expect([window.start?.time, window.end?.time, window.durationMinutes]).toEqual(['08:05', '08:40', 35])
  })
})

describe('lone stated moments', () => {
  it('reads a service that "returned" errors as failing, not as recovered', () => {
    const found = findStatedMoments([{ text: 'The resolver returned SERVFAIL for 25 minutes starting at 06:12 UTC.', weight: 2 }], context)
    expect(found.end).toBeNull()
    expect(found.start?.moment.time).toBe('06:12')
    expect(findStatedMoments([{ text: 'Latency returned to normal at 07:30.', weight: 2 }], context).end?.moment.time).toBe('07:30')
  })

  it('skips a partial recovery for the full one', () => {
    const text = 'Uploads were partially restored at 10:20 and fully recovered by 11:05 UTC.'
    expect(findStatedMoments([{ text, weight: 2 }], context).end?.moment.time).toBe('11:05')
  })

  it('reads workers that stopped processing as a start and a drained backlog as an end', () => {
    const found = findStatedMoments(
      [{ text: 'At 1:10 PM the mail workers stopped acknowledging jobs. The backlog was drained by 2:45 PM.', weight: 2 }],
      context,
    )
    expect([found.start?.moment.time, found.end?.moment.time]).toEqual(['13:10', '14:45'])
  })
})

describe('events that mark impact', () => {
  it('does not read a failover as a failure', () => {
    expect(startScore('Failover drill scheduled by the maintenance job')).toBe(0)
    expect(startScore('Replication failing on the standby')).toBeGreaterThan(0)
  })

  it('reads a service answering with errors as a start', () => {
    expect(startScore('Web frontend returns 500 for every request')).toBeGreaterThanOrEqual(2)
    expect(startScore('API serving 502s to a third of clients')).toBeGreaterThanOrEqual(2)
  })

  it('reads a capitalised INCIDENT END as the end, after an outage end when both are written', () => {
    expect(endScore('Last region reverted. INCIDENT END')).toBeGreaterThanOrEqual(3)
    const single = [
      entry('06:00', 'Rollout reaches the core sites. INCIDENT START'),
      entry('06:30', 'First site restored.'),
      entry('07:10', 'All reverts done. INCIDENT END'),
    ]
    expect(findMarkedEvents(single).end).toBe(2)
    const both = [
      entry('09:00', 'OUTAGE BEGINS, caches melt'),
      entry('10:00', 'OUTAGE ENDS, traffic normal'),
      entry('10:30', 'INCIDENT ENDS after a quiet half hour'),
    ]
    expect(findMarkedEvents(both).end).toBe(1)
  })

  it('ends the impact at the recovery, not at a later incident close of the same weight', () => {
    expect(endScore('Writes succeed again after manual promotion')).toBeGreaterThanOrEqual(2)
    const events = [
      entry('09:14', 'Primary becomes unreachable; automatic failover starts'),
      entry('09:15', 'Writes start failing'),
      entry('09:38', 'Writes succeed again after manual promotion'),
      entry('10:05', 'Incident closed'),
    ]
    expect(findMarkedEvents(events).end).toBe(2)
    // With nothing plainer before it, the close still ends the window.
    expect(findMarkedEvents([events[0]!, events[1]!, events[3]!]).end).toBe(2)
  })

  it('ends the impact at an event that ends by saying what is normal ("logins normal"), not at the fix before it', () => {
    const events = [
      entry('09:05', 'login error rate climbs'),
      entry('09:20', 'engineers paged'),
      entry('10:45', 'fix deployed'),
      entry('11:02', 'logins normal'),
    ]
    expect(findMarkedEvents(events).end).toBe(3)
    expect(endScore('latency higher than normal')).toBeLessThan(2)
  })
})
