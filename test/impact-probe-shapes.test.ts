import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { endScore } from '../src/normalize/impact/marked-events.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const at = (m: { date: string | null; time: string | null } | null) => (m ? `${m.date ?? ''} ${m.time ?? ''}`.trim() : null)
const window = (text: string) => {
  const { impact } = normalizeDocument('w.md', text, options).record
  return [at(impact.start), at(impact.end), impact.durationMinutes]
}

describe('labelled lines that say when the issue commenced and closed', () => {
  it('reads "Issue commenced:" and "Issue closed:" as the window', () => {
    const doc =
      '# Service bulletin\n\nIssue status: Closed\nIssue commenced: 2022-02-01 21:10\nIssue closed: 2022-02-02 06:40\n\nAll users could not reach the portal.\n'
    expect(window(doc)).toEqual(['2022-02-01 21:10', '2022-02-02 06:40', 570])
  })
})

describe('a day and a length with no clock time', () => {
  it('dates the start by the day the sentence says the site was down', () => {
    expect(window('# Blog outage\n\nOn March 9, 2024, the blog was down for just under 5 hours.\n')[0]).toBe('2024-03-09')
    expect(window('# Blog outage\n\nOn March 9, 2024, the blog was down for just under 5 hours.\n')[2]).toBe(300)
  })
})

describe('a status post resolved at the moment it was posted', () => {
  it('takes the end from the range its text states', () => {
    const doc = [
      '---',
      'title: Mail bounces',
      'date: 2024-02-10T09:20:00+00:00',
      'resolvedWhen: 2024-02-10T09:20:00+00:00',
      'severity: disrupted',
      'affected:',
      '  - Email',
      '---',
      '',
      'Between 09:20 and 11:05 UTC mail to our old domain may have bounced. This has now been corrected.',
      '',
    ].join('\n')
    expect(window(doc)).toEqual(['2024-02-10 09:20', '2024-02-10 11:05', 105])
  })
})

describe('a restoration still in progress', () => {
  it('is no end ("restored the registration, propagation is in progress")', () => {
    expect(endScore('We restored our domain registration, DNS propagation is in progress.')).toBeLessThan(2)
    expect(endScore('Name servers answer again, the rollout is underway.')).toBeLessThan(2)
  })

  it('leaves the end to the later event that says service is reachable again', () => {
    const doc =
      '# DNS outage\n\n## Timeline (UTC)\n\n- 2024-02-10 08:40 our domain stops resolving, sites are not available\n- 2024-02-10 09:05 We restored our domain registration, DNS propagation is in progress.\n- 2024-02-10 11:30 Monitoring reports all sites are reachable again.\n'
    expect(window(doc)[1]).toBe('2024-02-10 11:30')
  })
})
