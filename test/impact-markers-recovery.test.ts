import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { findDurations } from '../src/normalize/impact/find-duration.js'
import { endScore, startScore } from '../src/normalize/impact/marked-events.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const at = (m: { date: string | null; time: string | null } | null) => (m ? `${m.date ?? ''} ${m.time ?? ''}`.trim() : null)
const window = (text: string) => {
  const { impact } = normalizeDocument('w.md', text, options).record
  return [at(impact.start), at(impact.end), impact.durationMinutes, impact.source]
}
const lines = (...rows: string[]) => rows.join('\n') + '\n'
const timeline = ['## Timeline', '', '- 08:50 Deploy of auth v2 began', '- 09:20 Alert fired', '- 09:40 Fix deployed', '- 11:00 Follow-up meeting']

describe('labelled recovery lines and marks', () => {
  it('reads "Recovery:" after "Outage began:" as the stated end', () => {
    const doc = lines('# Login outage', '', 'Date: 2024-03-12 (UTC)', '', ...timeline, '', '## Impact', '', 'Outage began: 09:12. Recovery: 10:05.')
    expect(window(doc)).toEqual(['2024-03-12 09:12', '2024-03-12 10:05', 53, 'stated'])
  })

  it('reads "**Service fully restored:**" as a labelled end', () => {
    const doc = lines('# Login outage', '', '**Date:** 2024-03-12 (UTC)', '', '**Outage began:** 09:12', '**Service fully restored:** 10:05', '', ...timeline)
    expect(window(doc)).toEqual(['2024-03-12 09:12', '2024-03-12 10:05', 53, 'stated'])
  })

  it('takes a timeline event marked "RECOVERY" over an earlier fix', () => {
    const doc = lines(
      '# Login outage',
      '',
      '## Timeline (2024-03-12, UTC)',
      '',
      '- 08:50 Deploy of auth v2 began',
      '- 09:12 **OUTAGE BEGINS**',
      '- 09:40 Fix deployed',
      '- 10:05 **RECOVERY**',
      '- 10:20 Recovery: logins succeed for all users',
    )
    expect(window(doc).slice(0, 2)).toEqual(['2024-03-12 09:12', '2024-03-12 10:20'])
  })
})

describe('impact marks that open an event in any case', () => {
  it('takes "Impact start —" and "Impact end" over a failure the day before and the last event', () => {
    const doc = lines(
      '# Payments outage',
      '',
      '## Timeline (UTC)',
      '',
      '- 2024-06-02 22:00 Certificate renewal job failed silently',
      '- 2024-06-03 14:02 Impact start — payment API returns 502',
      '- 2024-06-03 14:45 Monitoring',
      '- 2024-06-03 15:10 Impact end',
      '- 2024-06-03 16:30 Certificates checked',
    )
    expect(window(doc)).toEqual(['2024-06-03 14:02', '2024-06-03 15:10', 68, 'marked'])
  })
})

describe('an end the impact came back after', () => {
  it('lets a fully restored moment in prose beat an earlier "back up" that errors followed', () => {
    const doc = lines(
      '# Search outage',
      '',
      'Date: 2024-04-02 (UTC)',
      '',
      '## Summary',
      '',
      'Search returned errors for most users until the service was fully restored at 16:40.',
      '',
      '## Timeline',
      '',
      '- 14:05 Search starts returning 500 errors',
      '- 14:20 Alert fired, on-call paged',
      '- 15:10 Deployed a fix, search is back up',
      '- 15:30 Errors reappear for some users',
      '- 16:00 Reindex started',
    )
    expect(window(doc).slice(0, 3)).toEqual(['2024-04-02 14:05', '2024-04-02 16:40', 155])
  })
})

describe('a stated range whose end has the wrong meridiem', () => {
  const doc = (summary: string) =>
    lines(
      '# Billing outage',
      '',
      'Date: 2024-05-06',
      '',
      '## Summary',
      '',
      summary,
      '',
      '## Timeline',
      '',
      '- 9:30 AM Billing errors start',
      '- 10:00 AM Alert fired',
    )

  it('is mended by a duration that fits the other reading exactly', () => {
    expect(window(doc('Billing was unavailable from 9:30 AM to 12:30 AM EST, ~3 hours, after a failover.')).slice(0, 3)).toEqual([
      '2024-05-06 09:30',
      '2024-05-06 12:30',
      180,
    ])
    expect(window(doc('Billing was unavailable from 9:30 AM to 12:30 AM EST. The outage lasted roughly 3 hours.'))[2]).toBe(180)
  })

  it('is kept past midnight when the duration fits that reading', () => {
    expect(window(doc('Billing was unavailable from 11:30 PM to 2:30 AM, about 3 hours.')).slice(0, 3)).toEqual(['2024-05-06 23:30', '2024-05-07 02:30', 180])
  })
})

describe('qualified durations', () => {
  it.each([
    ['The site was down for slightly under 2 hours.', 120],
    ['The site was down for slightly over 2 hours.', 120],
    ['The outage lasted a little over 40 minutes.', 40],
    ['The outage lasted a little under 40 minutes.', 40],
    ['The site was down for some 40 minutes.', 40],
    ['The site was down for upwards of 2 hours.', 120],
    ['The API was unavailable for a bit over an hour.', 60],
    ['The API was unavailable for well over an hour.', 60],
    ['The API was unavailable for a little more than an hour.', 60],
    ['The site was down for more than 2 hours.', 120],
    ['The outage lasted some 40 minutes.', 40],
  ])('reads %s', (text, minutes) => {
    expect(findDurations(text)[0]).toMatchObject({ minutes, kind: 'impact' })
  })

  it('reads an amount set after a range’s end as its length', () => {
    expect(findDurations('Between 2:10 PM and 3:40 PM PST (about 90 minutes) billing was down.')[0]).toMatchObject({ minutes: 90 })
    expect(findDurations('Billing was unavailable from 9:30 AM to 12:30 PM, ~3 hours.')[0]).toMatchObject({ minutes: 180 })
  })

  it('still skips a wait or a delay', () => {
    expect(findDurations('After some 20 minutes the alert fired.')).toEqual([])
    expect(findDurations('We waited slightly under 10 minutes for the cache to expire.')).toEqual([])
    expect(findDurations('Requests took more than 30 seconds each.')).toEqual([])
    expect(findDurations('Only page if the machine is down for more than 15 minutes.')).toEqual([])
  })

  it('reads an amount after a condition that a comma or colon has closed', () => {
    expect(findDurations('Users who tried to check out, even if they retried, saw errors for 40 minutes.')[0]).toMatchObject({ minutes: 40 })
    expect(findDurations('We apologize if you were affected: the API was down for 2 hours.')[0]).toMatchObject({ minutes: 120 })
  })
})

describe('two incident periods', () => {
  const doc = (summary: string) =>
    lines(
      '# Storage outage',
      '',
      'Date: 2024-08-08 (UTC)',
      '',
      '## Summary',
      '',
      summary,
      '',
      '## Timeline',
      '',
      '- 09:30 Storage node upgrade started',
      '- 10:00 Uploads fail',
      '- 10:40 Node restarted',
      '- 13:05 Uploads fail again',
      '- 13:30 Upgrade rolled back',
    )

  it('spans first start to last end, the span as its length', () => {
    expect(window(doc('The first outage lasted from 10:00 to 10:40. The problem recurred from 13:05 to 13:30.')).slice(0, 3)).toEqual([
      '2024-08-08 10:00',
      '2024-08-08 13:30',
      210,
    ])
  })

  it('takes a stated total as the length', () => {
    expect(window(doc('Uploads failed twice, for 65 minutes in total: first outage 10:00–10:40, recurred 13:05–13:30.')).slice(0, 3)).toEqual([
      '2024-08-08 10:00',
      '2024-08-08 13:30',
      65,
    ])
  })
})

describe('probe shapes: recovery words and first-event ends', () => {
  it('reads a full restoration with words between as the plainest end', () => {
    expect(endScore('Full search cluster functionality restored and incident resolved')).toBe(4)
    expect(endScore('All of the services are returning to green.')).toBe(3)
  })

  it('takes the first event as the end when no event marks the start', () => {
    const doc = lines(
      '# API unreachable',
      '',
      'On 1 February 2024 the API was unreachable from 10:00 UTC.',
      '',
      '## Timeline',
      '',
      '- 10:35 All services are returning to green.',
      '- 10:50 Cause found: the standby load balancer did not take over.',
    )
    expect(window(doc).slice(0, 2)).toEqual(['2024-02-01 10:00', '2024-02-01 10:35'])
  })

  it('reads an amount in parentheses after "resolved"', () => {
    expect(findDurations('Fees accrued on every vault until the issue got resolved(~20 hrs).')[0]).toMatchObject({ minutes: 1200 })
  })

  it('reads "issue exploited" as a start', () => {
    expect(startScore('At 12:50 UTC, issue exploited.')).toBe(2)
    expect(startScore('The bug could be exploited by anyone.')).toBeLessThan(2)
  })
})
