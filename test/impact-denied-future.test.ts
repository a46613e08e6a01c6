import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { findStatedMoments } from '../src/normalize/impact/find-stated-moments.js'
import { endScore, isLeadUp, startScore } from '../src/normalize/impact/marked-events.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { parseZone } from '../src/normalize/time/zones.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const context = { date: '2024-05-01', year: 2024, dayFirst: null, zone: parseZone('UTC') }

describe('impact words that are denied or in the future mark nothing', () => {
  it.each([
    'We did not see errors on the API',
    'Customers were not affected',
    'The failover never went down',
    'To prevent the outage from recurring, we added an alert',
    'We will fail over to the standby region if errors continue',
    'We plan to add alerting for 5xx spikes',
  ])('no start: %s', (text) => {
    expect(startScore(text)).toBe(0)
  })

  it.each([
    'We will restore the database from last night’s backup',
    'A fix is being deployed and we expect the service to be fully restored within 30 minutes',
    'We’ll be back to normal shortly',
    'We are going to bring the site back online from the standby',
  ])('no end: %s', (text) => {
    expect(endScore(text)).toBeLessThan(2)
  })

  it('still reads impact and ends said plainly beside a denial or a plan', () => {
    expect(startScore('Users could no longer log in due to errors')).toBeGreaterThan(0)
    expect(startScore('The API was not affected but the site went down')).toBe(3)
    expect(endScore('Service is working as expected again')).toBeGreaterThanOrEqual(3)
    expect(endScore('No more errors since the rollback')).toBeGreaterThanOrEqual(3)
    expect(endScore('Resolved - This incident has been resolved. We will continue to monitor.')).toBe(4)
  })

  it('reads a change that denies impact as lead-up', () => {
    expect(isLeadUp('Deployed the new cache config; we did not see errors')).toBe(true)
  })

  it('takes no stated end from a clause that tells what is expected', () => {
    const { start, end } = findStatedMoments([{ text: 'The site went down at 13:10 UTC. We expect service to be restored by 15:00 UTC.', weight: 2 }], context)
    expect([start?.moment.time, end]).toEqual(['13:10', null])
  })

  it('starts and ends the window at the events that say it happened', () => {
    const text = [
      '# Cache outage',
      '',
      '## Timeline (UTC)',
      '',
      '- 2024-05-01 10:00 Deployed the new cache config; we did not see errors',
      '- 2024-05-01 10:30 The site goes down',
      '- 2024-05-01 10:40 Identified - A fix is being deployed and we expect the service to be fully restored within 30 minutes',
      '- 2024-05-01 11:05 Monitoring - Service restored for all users',
      '',
    ].join('\n')
    const { impact } = normalizeDocument('c.md', text, options).record
    expect([impact.start?.time, impact.end?.time, impact.durationMinutes]).toEqual(['10:30', '11:05', 35])
  })
})
