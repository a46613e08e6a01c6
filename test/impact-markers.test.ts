import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const record = (markdown: string) => normalizeDocument('content/x.md', markdown, options).record

describe('the author’s own outage markers', () => {
  it('reads an escaped `**\\<START OF\\nOUTAGE>**` split over a soft line break as the start, past an earlier event naming an error', () => {
    const md = [
      '# Site offline',
      '',
      '## Timeline (all times UTC)',
      '',
      '### 2023-08-25',
      '',
      '15:27 - We submit a change to the DNS configuration, unaware of an error in it.<br> 21:14 - The change takes effect. Most requests fail. **\\<START OF',
      'OUTAGE>**<br> 21:20 - Monitoring sends a first e-mail, reporting the site is',
      'down.<br> 22:40 - We deploy a fix.<br> 23:55 - The fix takes effect. **\\<END OF OUTAGE>**<br> 23:58 - We write the postmortem draft.',
      '',
    ].join('\n')
    const r = record(md)
    expect(r.timeline[1]?.text).toBe('The change takes effect. Most requests fail. <START OF OUTAGE>')
    expect([r.impact.start?.time, r.impact.end?.time, r.impact.source]).toEqual(['21:14', '23:55', 'marked'])
  })

  it('keeps a marked event whose time is `??:??` as a day, never moving the mark to a timed neighbour', () => {
    const md = [
      '# Installer flagged',
      '',
      '## Timeline (all times UTC)',
      '',
      '### 2023-03-26',
      '',
      '??:?? - A vendor ships a scanner update **\\<START OF',
      'OUTAGE>**<br> 13:02 - A user reports the installer is flagged.<br>',
      '',
      '### 2023-03-27',
      '',
      '08:05 - We begin investigating.<br> ??:?? - The vendor ships another update',
      '**\\<END OF OUTAGE>**<br> 14:59 - We cannot reproduce the problem any more.<br>',
      '',
    ].join('\n')
    const r = record(md)
    expect(r.timeline.map((e) => e.text)).toContain('The vendor ships another update <END OF OUTAGE>')
    expect([r.impact.start?.date, r.impact.start?.time, r.impact.end?.date, r.impact.end?.time]).toEqual(['2023-03-26', null, '2023-03-27', null])
  })
})
