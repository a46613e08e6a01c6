import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { startBeforeDetection } from '../src/normalize/impact/detected-start.js'
import { findDurations, findStatsDurations, readAmount } from '../src/normalize/impact/find-duration.js'
import { findStatedMoments } from '../src/normalize/impact/find-stated-moments.js'
import { findStatedRange } from '../src/normalize/impact/find-stated-range.js'
import { findImpactWindow, type ImpactInput } from '../src/normalize/impact/impact-window.js'
import { endScore, findMarkedEvents, isFollowUp, isLeadUp, startScore } from '../src/normalize/impact/marked-events.js'
import { minutesFrom, shiftMoment } from '../src/normalize/impact/moment-math.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { parseZone } from '../src/normalize/time/zones.js'
import type { TimelineEntry } from '../src/types.js'

const utc = parseZone('UTC')
const context = { date: '2024-05-01', year: 2024, dayFirst: null, zone: utc }
const entry = (date: string | null, time: string | null, text: string): TimelineEntry => ({ at: null, date, time, text, line: 1 })
const input = (over: Partial<ImpactInput>): ImpactInput => ({
  timeline: [],
  passages: [],
  fieldRange: null,
  statedStart: null,
  statedEnd: null,
  context,
  ...over,
})

describe('stated durations', () => {
  it.each([
    ['Users could not log in for 20 minutes.', 20],
    ['The outage, lasting 1h 20m, affected every region.', 80],
    ['The site was down for about 12 hours.', 720],
    ['We had 45 minutes of downtime.', 45],
    ['Total downtime: 2 hours', 120],
    ['Time to recovery: 25 minutes', 25],
    ['The slowdown lasted roughly nine hours before traffic recovered on its own.', 540],
    ['Our API was down for a while this morning (~3 hours).', 180],
    ['The site was unavailable (about 40 minutes) while the database restarted.', 40],
    ['Total impact time: 52 minutes', 52],
    ['- Outage length: 1h 5m', 65],
  ])('%s -> %i minutes', (text, minutes) => {
    expect(findDurations(text)[0]?.minutes).toBe(minutes)
  })

  it.each([
    'The cron job runs every 5 minutes and the site was down.',
    'The alert fired 10 minutes later, errors everywhere.',
    'Within 15 minutes the outage was identified.',
    'We set the cache TTL to 30 minutes.',
    'The alert fired 20 minutes before the site went down.',
    'We deploy twice a day (every 12 hours) and nothing was down.',
  ])('is not an impact duration: %s', (text) => {
    expect(findDurations(text).filter((d) => d.kind === 'impact')).toEqual([])
  })

  it('says what a stats line measures', () => {
    expect(findDurations('TTD: 5 minutes\nTime to resolve: 1h 10m').map((d) => [d.kind, d.minutes])).toEqual([
      ['detect', 5],
      ['resolve', 70],
    ])
  })

  it('gives the stats lines alone, in document order, as findDurations ranks them first', () => {
    const text = 'The site was down for 40 minutes.\nTime to resolve: 1h 10m\nA 20 minute outage of the API.\n- **TTD**: about 5 minutes\nTotal downtime: 2h'
    const stats = findStatsDurations(text)
    expect(stats.map((d) => [d.kind, d.minutes])).toEqual([
      ['resolve', 70],
      ['detect', 5],
      ['impact', 120],
    ])
    expect(stats).toEqual(findDurations(text).filter((d) => d.weight >= 3))
  })

  it('reads an amount used as an adjective ("a 7 minute cascading failure", "a two-hour outage")', () => {
    expect(findDurations('Hachyderm experienced a 7 minute cascading failure.')[0]?.minutes).toBe(7)
    expect(findDurations('We had a two-hour outage.')[0]?.minutes).toBe(120)
  })

  it('reads compound and word amounts', () => {
    expect(readAmount('1 hour and 20 minutes')).toBe(80)
    expect(readAmount('half an hour')).toBe(30)
    expect(readAmount('2 days')).toBe(2880)
  })

  it('reads "and a half" on either side of the unit, and a half-hour', () => {
    expect(findDurations('Users could not log in for two and a half hours.')[0]?.minutes).toBe(150)
    expect(findDurations('The API was unavailable for roughly an hour and a half.')[0]?.minutes).toBe(90)
    expect(findDurations('A half-hour outage hit checkout.')[0]?.minutes).toBe(30)
    expect(findDurations('The site was down for 1h20m.')[0]?.minutes).toBe(80)
    // "a half-dozen" is a count, not half an hour more.
    expect(findDurations('Errors for 3 hours and a half-dozen retries.')[0]?.minutes).toBe(180)
  })
})

describe('stated ranges in prose', () => {
  it('reads "between … and … UTC" with the zone after the end', () => {
    const range = findStatedRange([{ text: 'Between 09:10 and 09:40 UTC, users saw errors on checkout.', weight: 1 }], { ...context, zone: null })
    expect(range?.start).toEqual({ at: '2024-05-01T09:10:00+00:00', date: '2024-05-01', time: '09:10' })
    expect(range?.end.time).toBe('09:40')
  })

  it('reads "from … to …" and a shared meridiem ("2–3pm")', () => {
    expect(findStatedRange([{ text: 'The API was unavailable from 14:05 to 16:30.', weight: 1 }], context)?.end.time).toBe('16:30')
    const pm = findStatedRange([{ text: 'Between 2–3pm users could not upload files.', weight: 2 }], context)
    expect([pm?.start.time, pm?.end.time]).toEqual(['14:00', '15:00'])
  })

  it('rolls an end before the start over to the next day', () => {
    const range = findStatedRange([{ text: 'The service was down from 23:27 to 03:34.', weight: 2 }], context)
    expect(range?.end).toMatchObject({ date: '2024-05-02', time: '03:34' })
  })

  it('ignores a maintenance slot and a range in prose that speaks of no impact', () => {
    expect(findStatedRange([{ text: 'Maintenance is scheduled daily from 02:00 to 03:00 and the site is down then.', weight: 2 }], context)).toBeNull()
    expect(findStatedRange([{ text: 'Our team meets from 10:00 to 11:00.', weight: 1 }], context)).toBeNull()
  })

  it('prefers the impact section to other prose', () => {
    const range = findStatedRange(
      [
        { text: 'We investigated the errors from 10:00 to 12:00.', weight: 1 },
        { text: 'Customers were affected from 10:20 to 11:05.', weight: 3 },
      ],
      context,
    )
    expect(range?.start.time).toBe('10:20')
  })
})

describe('lone stated moments in prose', () => {
  it('reads a start and an end from the clause around each time', () => {
    const found = findStatedMoments(
      [{ text: 'At roughly 18:52 UTC the site experienced a cascading failure. Service was restored at 19:06 UTC.', weight: 2 }],
      context,
    )
    expect(found.start?.moment).toEqual({ at: '2024-05-01T18:52:00+00:00', date: '2024-05-01', time: '18:52' })
    expect(found.end?.moment.time).toBe('19:06')
  })

  it('reads labelled lines and table rows, nested or not ("Start Time: …", "| Resolved | … |")', () => {
    const text = '- **Duration:**\n  - Start Time: March 11, 2024, 09:30 AM (UTC)\n  - End Time: March 11, 2024, 03:45 PM (UTC)\n| **Resolved** | 2024-03-12 |'
    const found = findStatedMoments([{ text, weight: 2 }], { ...context, zone: null })
    expect(found.start?.moment).toEqual({ at: '2024-03-11T09:30:00+00:00', date: '2024-03-11', time: '09:30' })
    expect(found.end?.moment.time).toBe('15:45')
  })

  it('reads a lone time as the start when its sentence speaks of impact beginning, and a day alone when no time is given', () => {
    const found = findStatedMoments([{ text: 'On May 1, 2024, at 00:00 hours, an alert fired, which led to a global outage.', weight: 2 }], context)
    expect(found.start?.moment.time).toBe('00:00')
    const day = findStatedMoments([{ text: 'Yesterday (2024-04-30) all uploads were failing.', weight: 2 }], context)
    expect(day.start?.moment).toEqual({ at: null, date: '2024-04-30', time: null })
    // An end told relative to the time named before it.
    const later = findStatedMoments(
      [{ text: 'At 13:20 UTC the on-call engineer noticed strange payouts. The attack was mitigated 14 minutes later.', weight: 2 }],
      context,
    )
    expect(later.end?.moment).toMatchObject({ date: '2024-05-01', time: '13:34' })
    expect(
      findStatedMoments([{ text: 'At 13:20 UTC the on-call engineer noticed strange payouts. They talked again two hours later.', weight: 2 }], context).end,
    ).toBeNull()
    // An amount of time written like a clock is not a moment.
    expect(findStatedMoments([{ text: 'The recovery took 2:30 hours of manual work.', weight: 2 }], context).end).toBeNull()
    // An abbreviated month's dot does not end the sentence, so the day stays with the words that say the sites went down.
    const abbreviated = findStatedMoments([{ text: 'In the evening of Sept. 4th, 2019, two of our stores went down.', weight: 2 }], context)
    expect(abbreviated.start?.moment).toEqual({ at: null, date: '2019-09-04', time: null })
  })

  it('reads a clock time followed by "hours" as a moment unless a duration cue comes before it', () => {
    const restored = findStatedMoments([{ text: 'Errors began at 07:20 hours and the queue was restored 16:05 hours.', weight: 2 }], context)
    expect(restored.start?.moment.time).toBe('07:20')
    expect(restored.end?.moment.time).toBe('16:05')
    const both = findStatedMoments([{ text: 'The portal went down 08:40 hours and was restored – 12:10 hours.', weight: 2 }], context)
    expect([both.start?.moment.time, both.end?.moment.time]).toEqual(['08:40', '12:10'])
    expect(findStatedMoments([{ text: 'Restoring the shards lasted 3:15 hours after the fix.', weight: 2 }], context).end).toBeNull()
  })

  it('reads errors subsiding as the end ("began around 11:20 UTC and subsided by 11:55 UTC")', () => {
    const found = findStatedMoments([{ text: 'Errors began around 11:20 UTC and subsided by 11:55 UTC.', weight: 2 }], context)
    expect(found.start?.moment).toMatchObject({ time: '11:20' })
    expect(found.end?.moment).toMatchObject({ time: '11:55' })
  })

  it('takes no start from a clause that speaks of neither impact nor its end', () => {
    expect(findStatedMoments([{ text: 'At 10:00 we held a meeting about the report.', weight: 2 }], context)).toEqual({ start: null, end: null })
  })
})

describe('events that mark impact', () => {
  it.each(['Site goes down', 'Errors begin on the API', 'Checkout started failing', 'Dienst nicht erreichbar', 'サーバー障害発生'])(
    '%s marks a start',
    (text) => {
      expect(startScore(text)).toBeGreaterThanOrEqual(2)
    },
  )

  it.each(['Service restored', 'Back to normal', 'Outage ends', 'Issue resolved', 'Dienst wiederhergestellt', 'Service rétabli', '復旧しました'])(
    '%s marks an end',
    (text) => {
      expect(endScore(text)).toBeGreaterThanOrEqual(3)
    },
  )

  it('reads errors stopping and the outage mitigated as ends, and declaring the incident resolved as a weaker one', () => {
    expect(endScore('Verified that the exceptions stopped')).toBe(3)
    expect(endScore('OUTAGE MITIGATED, mounts are still missing')).toBe(4)
    expect(endScore('Our on call people declared the incident resolved')).toBe(2)
  })

  it('reads users able to connect again and a verified fix as ends, and a detected issue as a weak start', () => {
    expect(endScore('The certificate is renewed, enabling students to connect.')).toBe(3)
    expect(endScore('Sheriffs verify retriggers are fixed')).toBe(3)
    expect(startScore('Issue was detected.')).toBe(1)
  })

  it.each([
    'Things seem to return to normal.',
    'Traffic to every region returns to normal',
    'The problem is now solved.',
    'After the restart, everything is okay again.',
    'The issue has been fixed and pages load fine again',
  ])('%s marks an end (returning to normal, a problem solved, fine again)', (text) => {
    expect(endScore(text)).toBeGreaterThanOrEqual(3)
  })

  it.each(['Error rates return to baseline', 'All systems operational', 'Traffic is flowing normally', 'Problem fixed', 'No further errors since the restart'])(
    '%s plainly marks an end',
    (text) => {
      expect(endScore(text)).toBeGreaterThanOrEqual(3)
    },
  )

  it.each(['Site reachable again', 'Login works again', 'Queue processing caught up', 'Systems stable'])('%s marks a weaker end', (text) => {
    expect(endScore(text)).toBe(2)
  })

  it.each([
    'Users cannot log in',
    'Customers begin reporting 502s',
    'Nobody can push to the repository',
    'Error rate spikes to 30%',
    'Elevated error rates on the API',
    'Service degraded in one region',
    'Primary database crashed',
    'Workers ran out of memory',
    'All requests time out',
  ])('%s plainly marks a start', (text) => {
    expect(startScore(text)).toBeGreaterThanOrEqual(2)
  })

  it('does not read users being able to do something as a start', () => {
    expect(startScore('Existing users can update the app')).toBeLessThan(2)
  })

  it.each(['Resolution is confirmed complete', 'The fix was confirmed by two customers'])('%s marks an end', (text) => {
    expect(endScore(text)).toBeGreaterThanOrEqual(3)
  })

  it.each(['Launch success drops to zero.', 'Request success rate dropped to 40 %', 'Logins begin to drop'])('%s marks a start', (text) => {
    expect(startScore(text)).toBeGreaterThanOrEqual(2)
  })

  it('reads German unavailability and working-again phrases, and "fehlerfrei" (error-free) as no start', () => {
    expect(startScore('Das Portal ist nicht verfügbar.')).toBeGreaterThanOrEqual(2)
    expect(startScore('Ein Login ist nicht möglich.')).toBeGreaterThanOrEqual(2)
    expect(startScore('Das System funktioniert wieder fehlerfrei.')).toBe(0)
    expect(endScore('Das System funktioniert wieder fehlerfrei.')).toBeGreaterThanOrEqual(3)
    expect(endScore('Seit einigen Minuten ist das Login wieder möglich.')).toBeGreaterThanOrEqual(3)
  })

  it('does not read a negated impact word as a start ("no sign of an outage", "without downtime")', () => {
    expect(startScore('Node stops sending metrics (there is no other evidence of an outage or degradation)')).toBe(0)
    expect(startScore('Upgrade finished without any downtime')).toBe(0)
    expect(startScore('No customer impact so far, but the queue is growing')).toBe(0)
    expect(startScore('No errors for an hour, then the outage began')).toBeGreaterThanOrEqual(3)
  })

  it('does not read "not yet restored" or "monitoring" as an end', () => {
    expect(endScore('Service not yet restored')).toBeLessThan(2)
    expect(endScore('Fix deployed, monitoring')).toBeLessThan(3)
  })

  it('tells lead-up and follow-up from impact', () => {
    expect(isLeadUp('PR #42 merged to main')).toBe(true)
    expect(isLeadUp('Site goes down')).toBe(false)
    expect(isFollowUp('Retrospective meeting held')).toBe(true)
    expect(isFollowUp('Service restored')).toBe(false)
  })

  it('reads a security incident: the malicious release or compromise starts it, a quarantine or revocation ends it', () => {
    const texts = ['pkg 0.1.12 released', 'pkg 0.1.13 released, the first version to include malware', 'Report received', 'Security team quarantines pkg']
    expect(isLeadUp(texts[0]!)).toBe(true)
    expect(isLeadUp(texts[1]!)).toBe(false)
    expect(startScore('Attacker exfiltrated the workflow secrets')).toBeGreaterThanOrEqual(2)
    expect(endScore('The leaked token was revoked')).toBeGreaterThanOrEqual(2)
    expect(endScore('Ops revokes the exposed signing key; pushes fail')).toBeGreaterThanOrEqual(2)
    expect(endScore('Broken release 4.2.1 yanked from the registry')).toBeGreaterThanOrEqual(2)
    // In outage prose a revoked certificate or a system taken down starts the impact; neither is an end.
    expect(endScore('TLS certificate revoked by the issuer, browsers reject the site')).toBe(0)
    expect(endScore('Main cache cluster taken down for urgent repair')).toBe(0)
    expect(findMarkedEvents(texts.map((t) => entry('2024-05-01', '10:00', t)))).toMatchObject({ start: 1, end: 3 })
    expect(isFollowUp('Investigation continues, report drafted')).toBe(true)
    expect(isFollowUp('Public disclosure')).toBe(true)
  })

  it('reads a service that stops accepting work as the start and accepts it again as the end', () => {
    expect(startScore('Primary stops accepting writes')).toBe(3)
    expect(endScore('Writes accepted again after manual promotion')).toBeGreaterThanOrEqual(2)
  })

  it('finds the first start and the last end after it', () => {
    const events = ['Deploy of v2', 'Errors begin', 'Engineers paged', 'Partially restored', 'Fully restored', 'Postmortem published'].map((t) =>
      entry('2024-05-01', '10:00', t),
    )
    expect(findMarkedEvents(events)).toMatchObject({ start: 1, end: 4 })
  })
})

describe('the impact window', () => {
  const timeline = [
    entry('2024-04-30', '16:00', 'PR merged that changes the cache key'),
    entry('2024-05-01', '09:12', 'Errors begin on the login page'),
    entry('2024-05-01', '09:20', 'On-call paged by an alert'),
    entry('2024-05-01', '09:48', 'Service restored after a rollback'),
    entry('2024-05-08', '15:00', 'Retrospective meeting'),
  ]

  it('is stated when prose states a range, whatever the timeline spans', () => {
    const window = findImpactWindow(input({ timeline, passages: [{ text: 'Users could not log in between 09:10 and 09:40 UTC.', weight: 2 }] }))
    expect(window).toMatchObject({ source: 'stated', durationMinutes: 30, start: { time: '09:10' }, end: { time: '09:40' } })
  })

  it('is marked by events without lead-up or follow-up when no prose states it', () => {
    expect(findImpactWindow(input({ timeline }))).toMatchObject({
      source: 'marked',
      durationMinutes: 36,
      start: { date: '2024-05-01', time: '09:12' },
      end: { time: '09:48' },
    })
  })

  it('lets an event that plainly marks the start win over a lone stated moment, and an earlier marked start too', () => {
    const marked = [
      entry('2024-05-01', '10:00', 'Traffic grows'),
      entry('2024-05-01', '10:03', 'OUTAGE BEGINS'),
      entry('2024-05-01', '11:00', 'OUTAGE ENDS'),
      entry('2024-05-01', '11:30', 'INCIDENT ENDS'),
    ]
    const prose = [{ text: 'The event started at 10:00 UTC, and was resolved at 11:30 UTC.', weight: 2 }]
    expect(findImpactWindow(input({ timeline: marked, passages: prose }))).toMatchObject({ source: 'marked', start: { time: '10:03' }, end: { time: '11:00' } })
    const earlier = [entry('2024-04-30', '23:00', 'Builds started failing'), entry('2024-05-01', '02:00', 'Site back online')]
    const site = [{ text: 'At 01:38 UTC the site went down.', weight: 2 }]
    expect(findImpactWindow(input({ timeline: earlier, passages: site })).start).toMatchObject({ date: '2024-04-30', time: '23:00' })
  })

  it('gives a day-only stated end the time of the last timeline event that day', () => {
    const days = [entry('2024-05-01', '15:26', 'Uploads failing'), entry('2024-05-02', '10:08', 'Uploads work again')]
    const window = findImpactWindow(input({ timeline: days, passages: [{ text: '| Resolved | 2024-05-02 |', weight: 2 }] }))
    expect(window.end).toMatchObject({ date: '2024-05-02', time: '10:08' })
  })

  it('takes a stated duration and fills the end a marked start lacks', () => {
    const window = findImpactWindow(
      input({
        timeline: [entry(null, '10:00', 'Site goes down'), entry(null, '10:05', 'Engineers paged')],
        passages: [{ text: 'The outage lasted 45 minutes.', weight: 2 }],
      }),
    )
    expect(window).toMatchObject({ durationMinutes: 45, start: { time: '10:00' }, end: { time: '10:45' } })
  })

  it('keeps both ends the timeline gives when a stated duration disagrees, and the stated duration', () => {
    const both = [entry(null, '12:32', 'Deleted the table by mistake'), entry(null, '13:16', 'Verified that the exceptions stopped')]
    const window = findImpactWindow(input({ timeline: both, passages: [{ text: 'Pages were not accessible for 34 minutes.', weight: 3 }] }))
    expect(window).toMatchObject({ durationMinutes: 34, start: { time: '12:32' }, end: { time: '13:16' } })
  })

  it('takes a stats line when nothing else states the duration', () => {
    const window = findImpactWindow(
      input({ timeline: [entry(null, '10:00', 'Checkout errors begin')], passages: [{ text: 'Time to recovery: 25 minutes', weight: 1 }] }),
    )
    expect(window).toMatchObject({ durationMinutes: 25, end: { time: '10:25' } })
  })

  it('takes the start a stated time to detect gives, back from the first event that notices the problem, onto a close event', () => {
    const events = [
      entry('2024-04-28', '09:00', 'Vendor image v7 released'),
      entry('2024-05-01', '01:00', 'Cache warm-up job ran'),
      entry('2024-05-01', '03:20', 'Nightly rotation replaces the workers with the v7 image'),
      entry('2024-05-01', '10:05', 'Monitoring reports failed jobs on two queues'),
      entry('2024-05-01', '12:00', 'Still no sign of an outage for customers'),
      entry('2024-05-01', '15:00', 'Workers rolled back; the queues are back to normal'),
    ]
    const window = findImpactWindow(input({ timeline: events, passages: [{ text: '- Time to detection: 7 hours', weight: 1 }] }))
    expect(window).toMatchObject({ source: 'marked', start: { date: '2024-05-01', time: '03:20' }, end: { time: '15:00' } })
    expect(startBeforeDetection([], 60, utc)).toBeNull()
  })

  it('reads a stated instant (a status page in UTC) on the clock of the timeline it sits over', () => {
    const denver = parseZone('America/Denver')
    const local = [entry('2024-05-01', '16:30', 'Agents stop being allocated'), entry('2024-05-01', '20:05', 'Agents allocate again, builds back to normal')]
    const window = findImpactWindow(
      input({ timeline: local, statedStart: '2024-05-01T22:41:00Z', statedEnd: '2024-05-02T02:11:00Z', context: { ...context, zone: denver } }),
    )
    expect(window).toMatchObject({ start: { date: '2024-05-01', time: '16:41' }, end: { date: '2024-05-01', time: '20:11' }, durationMinutes: 210 })
  })

  it('lets an event that plainly says the service was down, hours before the stated start, begin the window', () => {
    const updates = [
      entry('2024-05-01', '07:00', 'The portal is not available.'),
      entry('2024-05-01', '11:00', 'Backups are being restored.'),
      entry('2024-05-02', '09:00', 'The portal works again.'),
    ]
    const stated = { statedStart: '2024-05-01T08:00:00+00:00', statedEnd: '2024-05-02T09:00:00+00:00' }
    expect(findImpactWindow(input({ timeline: updates, ...stated })).start).toMatchObject({ time: '07:00' })
    const days = [entry('2024-04-28', '07:00', 'The portal is not available.'), ...updates.slice(1)]
    expect(findImpactWindow(input({ timeline: days, ...stated })).start).toMatchObject({ date: '2024-05-01', time: '08:00' })
  })

  it('lets an event inside a stated range that plainly says the outage began be the start', () => {
    const events = [
      entry('2024-05-01', '22:30', 'Scheduled reboot begins'),
      entry('2024-05-02', '00:26', 'Outage begins'),
      entry('2024-05-02', '08:30', 'All traffic back online'),
    ]
    const prose = [{ text: 'From 10:30 PM to 8:30 AM the site had an outage after a failed reboot.', weight: 2 }]
    const window = findImpactWindow(input({ timeline: events, passages: prose, context: { ...context, date: '2024-05-01' } }))
    expect(window).toMatchObject({ start: { date: '2024-05-02', time: '00:26' }, end: { date: '2024-05-02', time: '08:30' }, durationMinutes: 484 })
  })

  it('reads the paragraphs under a time heading (its detail) for the words that mark the impact', () => {
    const headings = [
      entry('2024-05-01', '09:00', 'Chart upgrade deployed.'),
      entry('2024-05-01', '09:30', 'Launch success drops to zero.'),
      entry('2024-05-01', '11:00', 'Hub restarted.'),
      entry('2024-05-02', '10:00', 'Only the hub image is reverted.'),
      entry('2024-05-02', '10:20', 'Memory graphs checked.'),
    ]
    const details = new Map([[headings[3]!, 'After reverting the image, everything is okay again.']])
    expect(findImpactWindow(input({ timeline: headings })).end).toMatchObject({ date: '2024-05-02', time: '10:20' })
    expect(findImpactWindow(input({ timeline: headings, details }))).toMatchObject({ source: 'marked', end: { date: '2024-05-02', time: '10:00' } })
  })

  it('counts a stated duration back from a marked end onto the event near it when the timeline opens with lead-up', () => {
    const deploy = [
      entry('2024-05-01', '10:00', 'Deployment of v3 started'),
      entry('2024-05-01', '10:01', 'We noticed that the deployment failed'),
      entry('2024-05-01', '10:14', 'Site back online'),
    ]
    const window = findImpactWindow(input({ timeline: deploy, passages: [{ text: 'The site was offline for 13 minutes.', weight: 2 }] }))
    expect(window).toMatchObject({ start: { time: '10:01' }, end: { time: '10:14' }, durationMinutes: 13 })
  })

  it('falls back to the span of the timeline, and is empty without one', () => {
    const plain = [entry(null, '10:00', 'Looked at dashboards'), entry(null, '11:30', 'Wrote a summary')]
    expect(findImpactWindow(input({ timeline: plain }))).toMatchObject({ source: 'timeline', durationMinutes: 90 })
    expect(findImpactWindow(input({}))).toEqual({ start: null, end: null, durationMinutes: null, source: null })
  })

  it('reads a Duration field as stated', () => {
    expect(findImpactWindow(input({ fieldRange: '14:00 - 15:10 UTC' }))).toMatchObject({
      source: 'stated',
      durationMinutes: 70,
      start: { at: '2024-05-01T14:00:00+00:00' },
    })
  })
})

describe('moment arithmetic', () => {
  it('measures by wall clock, and by clock alone over midnight', () => {
    expect(minutesFrom({ at: null, date: '2024-05-01', time: '23:30' }, { at: null, date: '2024-05-02', time: '00:10' })).toBe(40)
    expect(minutesFrom({ at: null, date: null, time: '23:30' }, { at: null, date: null, time: '00:10' })).toBe(40)
    expect(shiftMoment({ at: null, date: '2024-05-01', time: '23:30' }, 45, utc)).toEqual({
      at: '2024-05-02T00:15:00+00:00',
      date: '2024-05-02',
      time: '00:15',
    })
  })
})

describe('normalized records', () => {
  const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }

  it('a stated range beats a timeline spanning two days (28 minutes, not "1 d 18 h")', () => {
    const text = [
      '# Registry outage',
      '',
      'The site was down from 01:38 to 02:06 UTC on 2024-03-05 after a bad release.',
      '',
      '## Timeline',
      '',
      '- 2024-03-04 08:10 UTC: the release is merged',
      '- 2024-03-05 01:38 UTC: the site goes down',
      '- 2024-03-05 02:06 UTC: service restored',
      '- 2024-03-06 02:00 UTC: postmortem published',
    ].join('\n')
    const { record } = normalizeDocument('registry.md', text, options)
    expect(record.impact).toMatchObject({ source: 'stated', durationMinutes: 28, start: { date: '2024-03-05', time: '01:38' }, end: { time: '02:06' } })
    expect(record).toMatchObject({ date: '2024-03-05', start: record.impact.start?.at, end: record.impact.end?.at, durationMinutes: 28 })
  })

  it('a short heading that names the start or end over a one-line value is a stated field; several ends mean the last', () => {
    const text = [
      '# Queue outage',
      '',
      '## Summary',
      '',
      'Jobs stopped.',
      '',
      '### Start time',
      '2023-01-05 10:00 UTC',
      '',
      '### End time',
      '',
      'EU: 2023-01-05 11:10 UTC',
      '',
      'US: 2023-01-05 11:40 UTC',
      '',
      '## Timeline',
      '',
      '- 2023-01-05 09:00 UTC deploy',
      '- 2023-01-05 10:05 UTC alert fires',
      '- 2023-01-05 12:30 UTC retro scheduled',
    ].join('\n')
    const { record } = normalizeDocument('queue.md', text, options)
    expect(record.impact).toMatchObject({ source: 'stated', durationMinutes: 100, start: { time: '10:00' }, end: { time: '11:40' } })
  })

  it('reads Japanese field headings and 午前/午後 times (発生日時, 復旧日時)', () => {
    const text = [
      '# 障害報告',
      '',
      '## 概要',
      '',
      'アプリが起動しない障害が発生しました。',
      '',
      '### 発生日時',
      '2021年11月25日午後3時',
      '',
      '### 復旧日時',
      'iOS: 2021年11月26日午前10時47分',
      '',
      'Android: 2021年11月27日午前11時40分',
      '',
      '## タイムライン',
      '',
      '* 11/25',
      '    * 15:30 - 起動しない報告',
      '* 11/26',
      '    * 09:00 - 修正版を提出',
    ].join('\n')
    const { record } = normalizeDocument('ja.md', text, options)
    expect(record.impact).toMatchObject({ source: 'stated', start: { date: '2021-11-25', time: '15:00' }, end: { date: '2021-11-27', time: '11:40' } })
  })
})
