import { describe, expect, it } from 'vitest'
import type { Html } from 'mdast'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { htmlToNodes } from '../src/normalize/structure/html-blocks.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const recordOf = (text: string) => normalizeDocument('t.md', text, options).record
const html = (value: string): Html => ({
  type: 'html',
  value,
  position: { start: { line: 3, column: 1, offset: 10 }, end: { line: 9, column: 1, offset: 10 + value.length } },
})

describe('raw HTML tables', () => {
  it('read as an mdast table: rows, cells, entities, <br> kept as a break, positions in the file', () => {
    const nodes = htmlToNodes(html('<table>\n<tr><th>Time</th><th>Event</th></tr>\n<tr><td>10:00</td><td>Cache &amp; DB<br>down</td></tr>\n</table>'))
    expect(nodes).toHaveLength(1)
    const table = nodes[0]!
    expect(table.type).toBe('table')
    if (table.type !== 'table') return
    expect(table.children.map((row) => row.children.length)).toEqual([2, 2])
    expect(table.children[1]!.children[1]!.children.map((c) => (c.type === 'text' || c.type === 'html' ? c.value : c.type))).toEqual([
      'Cache & DB',
      '<br>',
      'down',
    ])
    expect(table.children[1]!.position?.start.line).toBe(5)
  })

  it('keeps the paragraph reading for a table without its end tag, and of a layout table only its inner table is one', () => {
    expect(htmlToNodes(html('<table><tr><td>10:00</td><td>down</td></tr>')).some((n) => n.type === 'table')).toBe(false)
    const nested = htmlToNodes(html('<table><tr><td>Layout</td><td><table><tr><td>x</td></tr></table></td></tr></table>'))
    expect(nested.map((n) => n.type)).toEqual(['paragraph', 'table'])
  })

  it('gives a timeline table its Event column and an action table its owner and status, as Markdown tables do', () => {
    const record = recordOf(
      '# Cache stampede\n\nDate: 2024-05-02\n\n## Timeline (UTC)\n\n<table>\n  <tr><th>Time</th><th>Who</th><th>Event</th></tr>\n' +
        '  <tr><td>10:00</td><td>system</td><td>Cache keys expire together</td></tr>\n  <tr><td>10:25</td><td>Ana</td><td>Cache warmed, errors stop</td></tr>\n</table>\n\n' +
        '## Action items\n\n<table>\n  <tr><th>Action</th><th>Owner</th><th>Status</th></tr>\n  <tr><td>Add jitter to cache TTLs</td><td>Ana</td><td>Done</td></tr>\n' +
        '  <tr><td>Coalesce requests</td><td>Li Wei</td><td>Open</td></tr>\n</table>\n',
    )
    expect(record.timeline.map((e) => [e.at, e.text])).toEqual([
      ['2024-05-02T10:00:00+00:00', 'Cache keys expire together — system'],
      ['2024-05-02T10:25:00+00:00', 'Cache warmed, errors stop — Ana'],
    ])
    expect(record.actionItems.map((a) => [a.text, a.owner, a.done])).toEqual([
      ['Add jitter to cache TTLs', 'Ana', true],
      ['Coalesce requests', 'Li Wei', false],
    ])
  })

  it("reads an HTML export's metadata table at the top, so time-only events get its date", () => {
    const record = recordOf(
      '<h1>INC-1: Queue backlog</h1>\n<table>\n<tr><th>Date</th><td>2024-07-18</td></tr>\n<tr><th>Authors</th><td>Ravi</td></tr>\n</table>\n' +
        '<h2>Summary</h2>\n<p>A bad consumer config stopped every consumer.</p>\n<h2>Timeline (UTC)</h2>\n<table>\n<tr><th>Time</th><th>Event</th></tr>\n<tr><td>14:03</td><td>Deploy starts</td></tr>\n<tr><td>14:58</td><td>Queue drained</td></tr>\n</table>\n',
    )
    expect(record.date).toBe('2024-07-18')
    expect(record.timeline.map((e) => e.at)).toEqual(['2024-07-18T14:03:00+00:00', '2024-07-18T14:58:00+00:00'])
  })
})
