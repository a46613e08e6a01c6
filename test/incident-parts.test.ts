import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const recordOf = (text: string) => normalizeDocument('s.md', text, options).record
const warningOf = (text: string) => recordOf(text).diagnostics.find((d) => d.ruleId === 'multiple-incidents')
const events = (text: string) => recordOf(text).timeline.map((e) => `${e.date ?? ''} ${e.time ?? ''} ${e.text}`)

const NUMBERED =
  '# Monthly incident report\n\n## Incident 1: Login failures\n\n**Date:** 2023-03-03\n\n### Timeline\n\n- 10:05 UTC errors begin\n- 10:45 UTC fixed\n\n## Incident 2: DNS failure\n\n**Date:** 2023-03-09\n\n### Timeline\n\n- 14:00 UTC resolution fails\n- 14:20 UTC provider recovers\n'
const DATED =
  '# Incidents in March 2023\n\n## March 3 — API outage\n\nThe API returned errors.\n\n- 10:05 UTC errors begin\n- 10:45 UTC fixed\n\n## March 9 — DNS failure\n\nOur DNS provider failed.\n\n- 14:00 UTC resolution fails\n- 14:20 UTC provider recovers\n'

describe('a file of several incidents', () => {
  it('warns once, naming the second incident and its line, for numbered incident headings', () => {
    const warning = warningOf(NUMBERED)
    expect(warning).toMatchObject({ severity: 'warning', line: 12 })
    expect(warning?.message).toContain('2 incidents')
    expect(warning?.message).toContain('Incident 2: DNS failure')
  })

  it('takes the first incident’s timeline, date and window, whether its entries sit under a Timeline heading or run on as one log', () => {
    for (const doc of [NUMBERED, DATED]) {
      const r = recordOf(doc)
      expect(events(doc)).toEqual(['2023-03-03 10:05 errors begin', '2023-03-03 10:45 fixed'])
      expect(r.date).toBe('2023-03-03')
      expect(r.impact.end).toMatchObject({ date: '2023-03-03', time: '10:45' })
    }
    expect(warningOf(DATED)?.line).toBe(10)
  })

  it('keeps every incident on the page: the later ones stay sections', () => {
    const headings = recordOf(NUMBERED).sections.map((s) => s.heading)
    expect(headings).toContain('Incident 2: DNS failure')
    expect(recordOf(NUMBERED).sections.filter((s) => s.heading === 'Timeline')).toHaveLength(2)
  })

  it('reads a monthly availability report whose headings give each incident’s start and length', () => {
    const doc =
      '# Availability report: March 2023\n\nIn March we had two incidents.\n\n### March 2 12:32 UTC (lasting 1 hour and 5 minutes)\n\nOur API returned errors from 12:32 UTC until 13:37 UTC.\n\n### March 27 18:10 UTC (lasting 40 minutes)\n\nGit operations were degraded from 18:10 UTC to 18:50 UTC.\n'
    const r = recordOf(doc)
    expect(warningOf(doc)?.line).toBe(9)
    expect(r.date).toBe('2023-03-02')
    expect(r.timeline.every((e) => e.date === '2023-03-02')).toBe(true)
  })

  it('is no finding for one incident: day headings of its story, dated steps that name no failure, a single numbered heading', () => {
    const days = '# API outage\n\n## Timeline\n\n### March 3 — deploy goes out\n\n- 10:05 UTC errors begin\n\n### March 4 — outage ends\n\n- 09:00 UTC fixed\n'
    const steps = '# Disclosure\n\n## 2022-10-27: Report received\n\nA researcher wrote to us.\n\n## 2022-11-01: Fix released\n\nVersion 2.1 shipped.\n'
    const single = '# Report\n\n## Incident 1: Login failures\n\n- 10:05 UTC errors begin\n- 10:45 UTC fixed\n\n## Action items\n\n- Add an alert\n'
    const sameDay = '# API outage\n\n## March 3 — errors begin\n\n- 10:05 UTC errors\n\n## March 3 — outage ends\n\n- 10:45 UTC fixed\n'
    for (const doc of [days, steps, single, sameDay]) expect(warningOf(doc)).toBeUndefined()
    expect(events(days)).toHaveLength(2)
  })
})
