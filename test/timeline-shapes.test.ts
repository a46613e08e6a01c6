import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { parseMarkdown } from '../src/markdown/parse.js'
import { extractTimeline, type TimelineContext } from '../src/normalize/timeline/timeline.js'

const base: TimelineContext = { heading: 'Timeline', date: '2024-05-02', year: null, zone: null, defaultTimezone: null }

/** Runs the extractor on a small Markdown body as the timeline section; returns `time text` per entry. */
function times(markdown: string, ctx: Partial<TimelineContext> = {}): string[] {
  const file = new VFile({ value: markdown })
  return extractTimeline(parseMarkdown(markdown).children, { ...base, ...ctx }, file).entries.map((e) => `${e.time} ${e.text}`)
}

describe('timeline shapes: where the entries sit', () => {
  it('reads plain lines indented into a code block, wrapped lines joined and prompt lines left out', () => {
    const md = '        3:00 pm - First complaint about a slow site\n        3:15 pm - More complaints, the secondary\n        server had crashed\n        What happened next?\n        3:40 pm - Restarted the server.\n'
    expect(times(md)).toEqual(['15:00 First complaint about a slow site', '15:15 More complaints, the secondary server had crashed', '15:40 Restarted the server.'])
  })

  it('keeps a log pasted as an indented block out of the timeline', () => {
    expect(times('    2024-05-02 10:00:01 [error] worker exited\n    2024-05-02 10:00:02 [error] worker exited\n')).toEqual([])
  })

  it('reads a list inside a blockquote', () => {
    expect(times('>\n>>\n>* 10:00 Release\n>* 10:20 Errors rise\n')).toEqual(['10:00 Release', '10:20 Errors rise'])
  })

  it('reads an entry that an unclosed log fence swallowed, but not a fence made only of entries', () => {
    const md = '- 14:00 UTC: Requests fail\n\n```\n2019/03/07 21:07:55 [emerg] too many open files\n\n- 14:25 UTC: Load test run\n```\n'
    expect(times(md)).toEqual(['14:00 Requests fail', '14:25 Load test run'])
    expect(times('```\n- 10:00 ::::: quoted\n- 10:05 ::::: example\n```\n')).toEqual([])
  })
})
