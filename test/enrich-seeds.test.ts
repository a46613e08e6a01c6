import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config.js'
import { loadDocument } from '../src/document.js'
import type { Metrics } from '../src/types.js'
import { ROOT } from './helpers/root.js'

const config = loadConfig(ROOT)

/** Metrics of a bundled seed, normalized and enriched the way the build does it. */
function metricsOf(source: string): Metrics {
  const loaded = loadDocument(source, readFileSync(path.join(ROOT, 'content', source)), config)
  if (!loaded.document) throw new Error(`${source} did not load`)
  return loaded.document.record.metrics
}

const minutes = (m: Metrics) => [m.timeToDetectMinutes, m.timeToMitigateMinutes, m.timeToResolveMinutes, m.timelineSpanMinutes]

describe('metrics of the bundled seeds', () => {
  it('staging workflow (UTC, 12:32 to 13:17): detected 12:43 by wording, resolved at 13:17, 45-minute span', () => {
    const m = metricsOf('open-build-service/2023-06-20-staging-workflow-unavailable.md')
    expect(minutes(m)).toEqual([11, null, 45, 45])
    expect(m.detected).toEqual({ at: '2023-06-20T12:43:00+00:00', inferred: true })
    expect(m.resolved?.inferred).toBe(true)
  })

  it('database outage (12-hour clock, UTC): detected at once, rolled back after 60 minutes, resolved after 150', () => {
    const m = metricsOf('2023-06-10-database-outage-and-recovery.md')
    expect(minutes(m)).toEqual([0, 60, 150, 150])
    expect(m.mitigated).toEqual({ at: '2023-06-10T16:00:00+00:00', inferred: true })
  })

  it('login service (EST): reported at 9:00, reverted and restored at 12:00', () => {
    expect(minutes(metricsOf('2023-03-01-login-service-database-lock.md'))).toEqual([0, 180, 180, 180])
  })

  it('OBS index corruption (CEST): detected when "we learn about" the index (505 min after the first error at 09:31), a 613-minute span (09:03 to 19:16), resolved where the marked window ends (19:16, 585 min)', () => {
    const m = metricsOf('open-build-service/2023-08-03-obs-database-index-corruption.md')
    expect(minutes(m)).toEqual([505, null, 585, 613])
    expect([m.detected?.inferred, m.mitigated, m.resolved]).toEqual([true, null, { at: '2023-08-03T19:16:00+02:00', inferred: true }])
  })

  it('UseGalaxy.eu (no year, two days): back online 19 h 40 min after the start, phase day unknown', () => {
    const m = metricsOf('usegalaxy-eu/downtime-18th-march.md')
    expect(minutes(m)).toEqual([null, null, 1180, 1180])
    expect(m.resolved).toBeNull()
  })
})

describe('front-matter phases through the normalizer', () => {
  it('uses detected/mitigated/resolved from front matter, marked as stated, and keeps author tags apart from suggestions', () => {
    const text = [
      '---',
      'title: Cache stampede',
      'date: 2024-05-02',
      'timezone: UTC',
      'detected: "10:05"',
      'mitigated: 2024-05-02T10:20:00Z',
      'resolved: 2024-05-02T11:00:00Z',
      '---',
      '',
      '# Cache stampede',
      '',
      '## Timeline',
      '',
      '- 10:00 Deploy of the new cache layer',
      '- 10:30 Alerted by monitoring',
      '- 10:50 Restored',
      '',
    ].join('\n')
    const loaded = loadDocument('cache.md', new TextEncoder().encode(text), config)
    const record = loaded.document!.record
    expect(record.metrics.detected).toEqual({ at: '2024-05-02T10:05:00+00:00', inferred: false })
    expect(record.metrics.mitigated?.inferred).toBe(false)
    expect(record.metrics.resolved?.inferred).toBe(false)
    expect(minutes(record.metrics)).toEqual([5, 20, 60, 50])
    expect(record.tags).toEqual([])
    expect(record.derivedTags).toEqual([])
  })
})
