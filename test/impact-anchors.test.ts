import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { startScore } from '../src/normalize/impact/marked-events.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const record = (markdown: string) => normalizeDocument('content/x.md', markdown, options).record

describe('the impact window anchored on the incident, not the timeline’s ends', () => {
  it('never lets an event whose typo’d day breaks the order stretch the window', () => {
    const md = [
      '# Queue stalled',
      '',
      '## Timeline (UTC)',
      '',
      '- 2022-02-02 16:25: Jobs stop being processed.',
      '- 2022-02-02 17:10: We restart the workers.',
      '- 2022-02-20 18:30: We deploy a patched worker.',
      '- 2022-02-02 19:05: Partners upgrade their nodes.',
      '- 2022-02-02 21:40: Partners confirm their nodes are upgraded.',
      '',
    ].join('\n')
    const r = record(md)
    expect([r.impact.end?.date, r.impact.end?.time]).toEqual(['2022-02-02', '21:40'])
  })

  it('leaves out days before the stated incident date (a report and a release days earlier) unless they say users were hit', () => {
    const md = [
      '# Chain split',
      '',
      '**Date:** 2021-08-27',
      '',
      '## Timeline',
      '',
      '- 2021-08-17: A researcher sends a bounty report.',
      '- 2021-08-24: We publish a release with the fix.',
      '- 2021-08-27 12:50 UTC: Nodes on the old release split from the network.',
      '- 2021-08-27 15:30 UTC: Most operators have upgraded.',
      '',
    ].join('\n')
    const r = record(md)
    expect([r.impact.start?.date, r.impact.start?.time]).toEqual(['2021-08-27', '12:50'])
  })

  it('reads "Error rates begin to increase" as plainly marking the start', () => {
    expect(startScore('Error rates begin to increase on the checkout API.')).toBe(3)
  })
})
