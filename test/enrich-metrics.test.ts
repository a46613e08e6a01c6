import { Settings } from 'luxon'
import { describe, expect, it } from 'vitest'
import { computeMetrics } from '../src/enrich/metrics.js'
import { namesPhase } from '../src/enrich/phase-wording.js'
import { timedEntries } from '../src/enrich/moments.js'
import { deriveTags } from '../src/enrich/derive-tags.js'
import { enrichRecord } from '../src/enrich/index.js'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { makeRecord, makeTimeline } from './helpers/record.js'
import { normalizeDocument } from '../src/normalize/index.js'

describe('phase wording', () => {
  it.each([
    ['detected', 'Database outage detected by automated monitoring alerts.'],
    ['detected', 'The monitoring system alerted the on-call engineer'],
    ['detected', 'We got notified by BuildOPS'],
    ['detected', 'Users started reporting login errors'],
    ['mitigated', 'Immediate fix deployed: Rolled back to previous database version.'],
    ['mitigated', 'The team reverted the migration'],
    ['mitigated', 'Applied a workaround to route traffic elsewhere'],
    ['mitigated', 'Impact mitigated by draining the region'],
    ['resolved', 'Our on call people declared the incident resolved'],
    ['resolved', 'UseGalaxy.eu is back online'],
    ['resolved', 'Service restored for all users'],
    ['resolved', 'All replicas recovered'],
    ['detected', 'ユーザーからの通報で発覚'],
    // Japanese has no word edges: its words are found inside a sentence.
    ['detected', 'アラートが発報、調査開始'],
    ['detected', '監視で障害を検知'],
    ['mitigated', '設定を元に戻す'],
    ['resolved', '復旧を確認'],
    ['mitigated', 'Änderung zurückgerollt'],
    ['resolved', 'Der Fehler ist behoben'],
    ['resolved', 'Le service est rétabli'],
    ['mitigated', 'Déploiement annulé à 10h'],
    ['detected', 'Erste Meldungen im Support'],
    ['detected', 'Error detectado por el monitoreo'],
    ['detected', 'Problema reportado por clientes'],
    ['mitigated', 'Cambio revertido en producción'],
    ['resolved', 'Incidente resuelto'],
    ['resolved', 'Serviço restaurado para todos'],
    // Incident-tool exports and support channels: a declared incident, a customer ticket or complaint is detection.
    ['detected', 'Incident declared by Alice'],
    ['detected', 'Alice declared an incident in #ops'],
    ['detected', 'Incident opened'],
    ['detected', 'Incident created by PagerDuty'],
    ['detected', 'Customer ticket about failed logins arrives'],
    ['detected', 'First support tickets come in'],
    ['detected', 'Customers complained on social media'],
    ['resolved', 'Logins work again'],
    ['resolved', 'Error rates back to normal'],
    ['resolved', 'Checkout working again for all users'],
    // Someone becoming aware, in other tenses and words.
    ['detected', 'Security team becomes aware of the leaked token'],
    ['detected', 'Federation members notice a drop in traffic'],
    ['detected', 'Irregularities in claimed amounts discovered'],
    ['detected', 'On-call realized the queue was not draining'],
    ['resolved', 'All clear given'],
    // A message that arrives is how many incidents are first known.
    ['detected', 'security@ receives an e-mail about a critical issue'],
    ['detected', 'On-call got a call from the NOC'],
    ['detected', 'We received several emails from users'],
    ['resolved', 'The issue is closed and everything seems fine'],
    // A hedged mention does not hide a plain one in the same text.
    ['mitigated', 'Decided to roll back; rolled back at 10:05'],
    ['detected', 'No alert fired, but a customer reported the errors'],
  ] as const)('%s: %s', (phase, text) => {
    expect(namesPhase(phase, text)).toBe(true)
  })

  it.each([
    ['detected', 'Started the deployment with the migration'],
    ['mitigated', 'Decided to look into rollbacks later'],
    ['resolved', 'Attempted database restart failed to restore service.'],
    ['resolved', 'Services gradually started recovering'],
    ['detected', 'Public disclosure through this report.'],
    ['detected', 'The incident report was published on the blog'],
    // A report of the recovery is no detection.
    ['detected', 'iOS版の復旧報告'],
    ['detected', 'Incident resolved and closed'],
    ['detected', 'Incident review created in Confluence'],
    ['resolved', 'Tried a restart, but it never came back to normal'],
    ['detected', 'Posted a maintenance notice on the status page'],
    ['resolved', 'Doing final tests to make sure everything is good'],
    // A plan, a doubt or a denial is not the phase.
    ['mitigated', 'Record plugin file system times in case rollback needed'],
    ['mitigated', 'Prepared a rollback of the release'],
    ['mitigated', 'Identify candidate plugins for rollback'],
    ['mitigated', 'Discussed whether a rollback was safe'],
    ['mitigated', 'No rollback was possible: the migration had run'],
    ['detected', 'No alerts fired for the queue'],
    ['detected', 'Sent an e-mail to affected customers'],
    ['resolved', 'The restart did not help; service not restored'],
    ['resolved', 'The replica could not be restored from the snapshot'],
  ] as const)('not %s: %s', (phase, text) => {
    expect(namesPhase(phase, text)).toBe(false)
  })
})

describe('computeMetrics', () => {
  const timeline = makeTimeline(
    [
      ['12:32', 'We accidentally deleted the architecture'],
      ['12:43', 'Our on call people detected exceptions piling up'],
      ['12:52', 'Our on call people started to alert the team'],
      ['13:10', 'Rolled back the change'],
      ['13:16', 'Service restored'],
      ['13:17', 'Our on call people declared the incident resolved'],
    ],
    '2023-06-20',
    '+00:00',
  )

  it('infers phases from wording, first detection and last resolution, all marked inferred', () => {
    const m = computeMetrics(makeRecord({ date: '2023-06-20', utcOffset: '+00:00', timeline }))
    expect(m.detected).toEqual({ at: '2023-06-20T12:43+00:00', inferred: true })
    expect(m.mitigated).toEqual({ at: '2023-06-20T13:10+00:00', inferred: true })
    expect(m.resolved).toEqual({ at: '2023-06-20T13:17+00:00', inferred: true })
    expect([m.timeToDetectMinutes, m.timeToMitigateMinutes, m.timeToResolveMinutes, m.timelineSpanMinutes]).toEqual([11, 38, 45, 45])
  })

  it('measures from the stated start rather than the first event', () => {
    const m = computeMetrics(makeRecord({ date: '2023-06-20', utcOffset: '+00:00', start: '2023-06-20T12:30+00:00', timeline }))
    expect(m.timeToDetectMinutes).toBe(13)
    expect(m.timeToResolveMinutes).toBe(47)
    expect(m.timelineSpanMinutes).toBe(45)
  })

  it('prefers front-matter phases (HH:MM on the incident day, ISO, or YAML dates) and marks them stated', () => {
    const record = makeRecord({
      date: '2023-06-20',
      utcOffset: '+02:00',
      timeline: makeTimeline(
        [
          ['10:00', 'Deploy'],
          ['10:30', 'Alert fired'],
          ['12:00', 'Restored'],
        ],
        '2023-06-20',
        '+02:00',
      ),
    })
    const m = computeMetrics(record, { detected: '10:05', mitigated: '2023-06-20T09:00:00Z', resolvedWhen: new Date('2023-06-20T09:30:00Z') })
    expect(m.detected).toEqual({ at: '2023-06-20T10:05:00+02:00', inferred: false })
    expect(m.mitigated).toEqual({ at: '2023-06-20T11:00:00+02:00', inferred: false })
    expect(m.resolved).toEqual({ at: '2023-06-20T11:30:00+02:00', inferred: false })
    expect([m.timeToDetectMinutes, m.timeToMitigateMinutes, m.timeToResolveMinutes]).toEqual([5, 60, 90])
    // A status page's `resolved: true` says only that it is over; `resolvedWhen` beside it says when.
    const flagged = computeMetrics(record, { resolved: true, resolvedWhen: '2023-06-20T09:30:00Z' })
    expect(flagged.resolved).toEqual({ at: '2023-06-20T11:30:00+02:00', inferred: false })
  })

  it('leaves phases null when nothing says so, and the span null without two timed events', () => {
    const m = computeMetrics(makeRecord({ timeline: makeTimeline([['09:00', 'Started the deployment']]) }))
    expect(m).toEqual({
      detected: null,
      mitigated: null,
      resolved: null,
      timeToDetectMinutes: null,
      timeToMitigateMinutes: null,
      timeToResolveMinutes: null,
      timelineSpanMinutes: null,
    })
  })

  it('reads an undated timeline that passes midnight as running into the next day', () => {
    const record = makeRecord({
      timeline: makeTimeline([
        ['16:00', 'Began the upgrade'],
        ['22:00', 'Stopped for the evening'],
        ['08:00', 'Recovered the table'],
        ['11:40', 'Back online'],
      ]),
    })
    const m = computeMetrics(record)
    expect(m.timelineSpanMinutes).toBe(19 * 60 + 40)
    expect(m.timeToResolveMinutes).toBe(19 * 60 + 40)
    expect(m.resolved).toBeNull()
  })

  it('does not roll dated entries over: an earlier time on a stated day stays on that day', () => {
    const entries = makeTimeline([
      ['10:00', 'a'],
      ['09:00', 'b'],
    ]).map((e) => ({ ...e, date: '2023-01-02' }))
    const timed = timedEntries(makeRecord({ timeline: entries }))
    expect(timed[1]!.ms).toBeLessThan(timed[0]!.ms)
  })
})

describe('deriveTags', () => {
  it('suggests tags from title, summary and root cause by word prefix, sorted', () => {
    const record = makeRecord({
      title: 'Login outage',
      summary: 'A deployment locked a table.',
      sections: [{ key: 'rootCause', id: 'root-cause', heading: 'Root cause', text: 'An expired certificate on the load balancer.', html: '', line: 3 }],
    })
    expect(deriveTags(record, DEFAULT_TAG_VOCABULARY)).toEqual(['authentication', 'certificate', 'database', 'deploy', 'network'])
  })

  it('never derives when the author gave tags, and does not match inside words', () => {
    expect(deriveTags(makeRecord({ title: 'Database down', tags: ['db'] }), DEFAULT_TAG_VOCABULARY)).toEqual([])
    expect(deriveTags(makeRecord({ title: 'We redeployed' }), { deploy: ['deploy'] })).toEqual([])
  })

  it('uses the configured vocabulary', () => {
    expect(deriveTags(makeRecord({ title: 'Kafka lag' }), { queue: ['kafka'] })).toEqual(['queue'])
  })
})

describe('enrichRecord', () => {
  it('fills derivedTags and metrics without touching tags', () => {
    const record = makeRecord({
      title: 'DNS resolver failure',
      timeline: makeTimeline([
        ['09:00', 'Alert fired'],
        ['09:30', 'Resolved'],
      ]),
    })
    const enriched = enrichRecord(record, { tagVocabulary: DEFAULT_TAG_VOCABULARY })
    expect(enriched.tags).toEqual([])
    expect(enriched.derivedTags).toEqual(['dns'])
    expect(enriched.metrics.timeToResolveMinutes).toBe(30)
  })
})

describe('metrics measured from the impact window', () => {
  const timeline = makeTimeline(
    [
      ['09:00', 'Deploy of the new cache layer'],
      ['09:10', 'Errors begin on checkout'],
      ['09:25', 'We learned about it from a customer report'],
      ['09:50', 'Service restored'],
    ],
    '2024-05-01',
    '+00:00',
  )
  const impact = { start: { at: '2024-05-01T09:10:00+00:00', date: '2024-05-01', time: '09:10' }, end: null, durationMinutes: null, source: 'marked' as const }

  it('measures from the impact start and detects at the event that says someone noticed, not the first event', () => {
    const m = computeMetrics(makeRecord({ date: '2024-05-01', utcOffset: '+00:00', timeline, impact }))
    expect(m.detected).toEqual({ at: '2024-05-01T09:25+00:00', inferred: true })
    expect([m.timeToDetectMinutes, m.timeToResolveMinutes]).toEqual([15, 40])
  })

  it('drops an inferred detection or mitigation that comes after the resolution (a follow-up in the same words)', () => {
    const late = makeTimeline(
      [
        ['09:10', 'Checkout requests start failing'],
        ['09:40', 'Service restored'],
        ['11:00', 'Customers notified by e-mail'],
        ['11:30', 'Rolled back the unrelated config change as well'],
      ],
      '2024-05-01',
      '+00:00',
    )
    const m = computeMetrics(makeRecord({ date: '2024-05-01', utcOffset: '+00:00', timeline: late, impact }))
    expect([m.detected, m.mitigated, m.timeToDetectMinutes, m.timeToMitigateMinutes]).toEqual([null, null, null, null])
    expect([m.resolved, m.timeToResolveMinutes]).toEqual([{ at: '2024-05-01T09:40+00:00', inferred: true }, 30])
  })

  it('a stats section states times to detect and resolve, which win over the wording and are not inferred', () => {
    const sections = [{ key: null, id: 'stats', heading: 'Stats', text: 'Time to detect: 5 minutes\nTime to recovery: 30 minutes', html: '', line: 1 }]
    const m = computeMetrics(makeRecord({ date: '2024-05-01', utcOffset: '+00:00', timeline, impact, sections }))
    expect(m.detected).toEqual({ at: '2024-05-01T09:15:00+00:00', inferred: false })
    expect(m.resolved).toEqual({ at: '2024-05-01T09:40:00+00:00', inferred: false })
    expect([m.timeToDetectMinutes, m.timeToResolveMinutes]).toEqual([5, 30])
  })

  it('resolves where a stated or marked window ends when no event says "resolved"', () => {
    const quiet = makeTimeline(
      [
        ['09:10', 'Writes start failing'],
        ['09:38', 'Writes succeed again after manual promotion'],
        ['10:05', 'Incident closed'],
      ],
      '2024-05-01',
      '+00:00',
    )
    const window = {
      start: { at: '2024-05-01T09:10:00+00:00', date: '2024-05-01', time: '09:10' },
      end: { at: '2024-05-01T09:38:00+00:00', date: '2024-05-01', time: '09:38' },
      durationMinutes: 28,
    }
    const marked = computeMetrics(makeRecord({ date: '2024-05-01', utcOffset: '+00:00', timeline: quiet, impact: { ...window, source: 'marked' } }))
    expect([marked.resolved, marked.timeToResolveMinutes]).toEqual([{ at: '2024-05-01T09:38:00+00:00', inferred: true }, 28])
    // A window known only from the timeline's span says nothing of when the service recovered.
    const span = computeMetrics(makeRecord({ date: '2024-05-01', utcOffset: '+00:00', timeline: quiet, impact: { ...window, source: 'timeline' } }))
    expect([span.resolved, span.timeToResolveMinutes]).toEqual([null, null])
  })

  it("writes phases of a timeline without a zone as local times, seconds included, whatever the machine's zone", () => {
    const local = makeTimeline(
      [
        ['13:10', 'Runner image rolled out'],
        ['13:25', 'First report that jobs are queued'],
        ['16:05', 'Runners pick up jobs again'],
      ],
      '2024-01-09',
    )
    const stated = {
      start: { at: null, date: '2024-01-09', time: '13:10' },
      end: { at: null, date: '2024-01-09', time: '16:05' },
      durationMinutes: 175,
      source: 'stated' as const,
    }
    const zone = Settings.defaultZone
    Settings.defaultZone = 'Europe/Berlin'
    try {
      const m = computeMetrics(makeRecord({ date: '2024-01-09', utcOffset: null, timeline: local, impact: stated }))
      expect([m.detected?.at, m.resolved?.at, m.timeToResolveMinutes]).toEqual(['2024-01-09T13:25:00', '2024-01-09T16:05:00', 175])
    } finally {
      Settings.defaultZone = zone
    }
  })
})

describe('phases stated as labelled bullets', () => {
  it('reads "Detection Time: January 25, 2024 - 10:30 AM UTC" as the stated detection, whatever way the moment is written', () => {
    const text =
      '# Web tier outage\n\n**Duration:**\nStart Time: January 25, 2024 - 10:00 AM UTC\nEnd Time: January 25, 2024 - 12:45 PM UTC\n\n## Timeline\n\n- **Detection Time:** January 25, 2024 - 10:30 AM UTC\n- **Detection Method:** Monitoring alerts fired on response times.\n- **Resolution Time:** 25 Jan 2024, 12:40 UTC\n'
    const m = normalizeDocument('a.md', text, { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }).record.metrics
    expect(m.detected).toEqual({ at: '2024-01-25T10:30:00+00:00', inferred: false })
    expect(m.resolved).toEqual({ at: '2024-01-25T12:40:00+00:00', inferred: false })
    expect([m.timeToDetectMinutes, m.timeToResolveMinutes]).toEqual([30, 160])
  })
})
