import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { isSiteKey } from '../src/normalize/front-matter/site-keys.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { deliberatelyUntimed, statesDate, statesTitle, statesZone } from '../src/normalize/stated.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const rules = (text: string): string[] => normalizeDocument('d.md', text, options).record.diagnostics.map((d) => d.ruleId)

describe('diagnostics say only what is true', () => {
  it('no unknown-key warning for blog and site-generator keys, still one for a typo', () => {
    const keys = [
      'layout',
      'permalink',
      'comments',
      'disqus_identifier',
      'disqusShortname',
      'project',
      'categories',
      'excerpt',
      'image',
      'linkTitle',
      'description',
      'weight',
      'toc',
      'draft',
      'aliases',
      'redirect_from',
      'slug',
      'summary',
      'resources',
      'author',
      'authors',
      'enableComments',
      'twitterFeed',
      'max_severity',
      'resolved_on',
      'pinned',
      // Status-page themes: where the incident struck (clusters, regions) and its list of updates.
      'clusters',
      'regions',
      'incident_states',
      'resolvedDate',
    ]
    const front = `---\ntitle: T\ndate: 2021-01-02\n${keys.map((k) => `${k}: x`).join('\n')}\ntitel: oops\n---\nBody.\n`
    const found = normalizeDocument('d.md', front, options).record.diagnostics.filter((d) => d.ruleId === 'front-matter-unknown-key')
    expect(found.map((d) => d.message)).toEqual(['Unknown front-matter key `titel`'])
    expect(isSiteKey('zzqqxx')).toBe(false)
  })

  it('no "no date" when the text states the day in a notation the date reader missed', () => {
    expect(rules('# Outage\n\nOn 13/10/2023 the site was down.\n')).not.toContain('no-date')
    expect(rules('# Outage\n\nThe site went down, 01–11–2021, and came back.\n')).not.toContain('no-date')
    expect(rules('# Outage\n\nThe site was down for a while and now it is back.\n')).toContain('no-date')
    expect([
      statesDate('Start Time: 03, 14, 2024, 10:00 AM'),
      statesDate('障害は2021年11月25日に発生'),
      statesDate('now, after a few minutes, for 40 minutes'),
      statesDate('On October 2 we saw errors'),
    ]).toEqual([true, true, false, false])
  })

  it('no "no title" when the text labels one', () => {
    expect(statesTitle('**Title:** Disk full\n')).toBe(true)
    expect(statesTitle('export const meta = { title: "Disk full" }')).toBe(true)
    expect(statesTitle('The title of the page was wrong.')).toBe(false)
    expect(rules('Just prose about an outage on 2021-01-02 without a heading. It was bad.\n\nMore prose.\n')).toContain('no-title')
  })

  it('no "zone missing" when the text names the zone outside the timeline', () => {
    const timeline = '## Timeline\n\n- 10:00 Alert fired\n- 10:30 Fixed\n'
    expect(rules(`# Outage on 2021-01-02\n\n${timeline}`)).toContain('zone-missing')
    expect(rules(`# Outage on 2021-01-02\n\nAll times below are Pacific Time.\n\n${timeline}`)).not.toContain('zone-missing')
    expect([statesZone('at 10:00 PDT'), statesZone('ran at 09:12:00+02:00'), statesZone('Improvements/Fixes'), statesZone('Das ist gut')]).toEqual([
      true,
      true,
      false,
      false,
    ])
  })

  it('"zone missing" still when the only zone is in a pasted log line or HTTP header (the machine\'s, not the author\'s)', () => {
    const timeline = '## Timeline\n\n- 10:00 Alert fired\n- 10:30 Fixed\n'
    expect(rules(`# Outage on 2021-01-02\n\n    Jan  2 09:59:01 web1 app[7]: retry at 10:00 PST\n\n${timeline}`)).toContain('zone-missing')
    expect(statesZone('Last-Modified: Sat, 02 Jan 2021 10:00:00 GMT\n')).toBe(false)
    expect(statesZone('2021-01-02 10:00:00.120 ERROR db timeout (UTC)\n')).toBe(false)
  })

  it('no "entry has no time" info for bullets left untimed on purpose, still one for a forgotten time', () => {
    const doc = (extra: string): string[] => rules(`# Outage on 2021-01-02\n\n## Timeline (UTC)\n\n- 10:00 Alert fired\n${extra}- 10:30 Fixed\n`)
    for (const bullet of ['Actions taken:', 'Post-incident – credentials rotated', 'Later that week we reviewed it', '7-13th Nov - we forward fixed it', ''])
      expect(doc(`- ${bullet}\n`)).not.toContain('timeline-no-time')
    expect(doc('- Rolled back the deploy\n')).toContain('timeline-no-time')
    expect(deliberatelyUntimed('Rolled back the deploy')).toBe(false)
  })

  it('no "entry has no time" info for a stamp the author marks as unknown', () => {
    const doc = (extra: string): string[] => rules(`# Outage on 2021-01-02\n\n## Timeline (UTC)\n\n${extra}- 10:00 Alert fired\n- 10:30 Fixed\n`)
    for (const bullet of [
      '**Unknown Date**: tracking began failing silently',
      'Time unknown – the cron stopped',
      'TBD: first bad write',
      'Unknown: a job stopped',
    ])
      expect(doc(`- ${bullet}\n`)).not.toContain('timeline-no-time')
    expect(doc('- Unknowingly we broke the cron\n')).toContain('timeline-no-time')
  })

  it('no "no date" or "zone missing" when front matter states the incident moments under keys no reader takes', () => {
    const timeline = '## Timeline\n\n- 18:40 Alert fired\n- 18:54 Fixed\n'
    const front = '---\ntitle: Deploy failed\ndetected_at: 2026-09-09T18:40:00-03:00\nresolved_at: 2026-09-09T18:54:00-03:00\n---\n\n# Deploy failed\n\n'
    const found = rules(`${front}${timeline}`)
    expect(found).not.toContain('no-date')
    expect(found).not.toContain('zone-missing')
    // A day under a key that is no incident moment (an edit day) states nothing about the incident.
    expect(rules(`---\ntitle: Deploy failed\nlastmod: 2026-09-09T18:40:00-03:00\n---\n\n# Deploy failed\n\n${timeline}`)).toContain('no-date')
  })

  it("no unknown-key warning for blog-theme keys (highlight, css, license, output) or an incident template's (impact, priority, components, responders)", () => {
    const keys = [
      'highlight',
      'css',
      'scripts',
      'notes',
      'source',
      'unlisted',
      'license',
      'output',
      'citation',
      'impact',
      'priority',
      'sev',
      'components',
      'environment',
      'responders',
      'ticket',
    ]
    const front = `---\ntitle: T\ndate: 2021-01-02\n${keys.map((k) => `${k}: x`).join('\n')}\ntitel: oops\n---\nBody.\n`
    const found = normalizeDocument('d.md', front, options).record.diagnostics.filter((d) => d.ruleId === 'front-matter-unknown-key')
    expect(found.map((d) => d.message)).toEqual(['Unknown front-matter key `titel`'])
  })

  it("no unknown-key warning for a generator's internal key or the author's own compound keys, still one for a typo of a known key", () => {
    const front = '---\ntitle: T\ndate: 2021-01-02\n__hash__: abc\nsuspected_change: "y"\nincidentPr: 12\nart_33_triggered: false\ntitel: x\n---\nBody.\n'
    const found = normalizeDocument('d.md', front, options).record.diagnostics.filter((d) => d.ruleId === 'front-matter-unknown-key')
    expect(found.map((d) => d.message)).toEqual(['Unknown front-matter key `titel`'])
  })
})
