import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { parseMarkdown } from '../src/markdown/parse.js'
import { extractTimeline, type TimelineContext } from '../src/normalize/timeline/timeline.js'

const base: TimelineContext = { heading: 'Timeline (UTC)', date: null, year: null, zone: null, defaultTimezone: null }

function entries(markdown: string): string[] {
  const result = extractTimeline(parseMarkdown(markdown).children, base, new VFile({ value: markdown }))
  return result.entries.map((e) => `${e.date} ${e.time ?? '-'} ${e.text}`)
}

describe('untimed bullets under a day line are events of that day', () => {
  it('keeps them, in document order, beside the timed ones', () => {
    expect(entries('2020-03-02:\n\n* Vendor notified.\n* 09:10 Patch released.\n* Customers informed.\n\n2020-03-03:\n\n* 10:00 Rollout done.\n')).toEqual([
      '2020-03-02 - Vendor notified.',
      '2020-03-02 09:10 Patch released.',
      '2020-03-02 - Customers informed.',
      '2020-03-03 10:00 Rollout done.',
    ])
  })

  it('reads a list with no times at all straight under a day line', () => {
    expect(entries('2019-02-18:\n* Issue reported.\n\n2019-02-19:\n* Fix opened.\n* Fix reviewed.\n\n2019-03-22:\n* 11:20 Release out.\n')).toEqual([
      '2019-02-18 - Issue reported.',
      '2019-02-19 - Fix opened.',
      '2019-02-19 - Fix reviewed.',
      '2019-03-22 11:20 Release out.',
    ])
  })

  it('leaves them out where no day line of the section dates them', () => {
    expect(entries('* Vendor notified.\n* 09:10 Patch released.\n')).toEqual(['null 09:10 Patch released.'])
  })
})
