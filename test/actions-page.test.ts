import { describe, expect, it } from 'vitest'
import { archiveActions } from '../src/site/actions.js'
import type { ActionItem } from '../src/types.js'
import { renderRecords } from './helpers/plan.js'
import { makeRecord } from './helpers/record.js'

const item = (text: string, over: Partial<ActionItem> = {}): ActionItem => ({ text, kind: null, done: null, owner: null, priority: null, ...over })

const records = [
  makeRecord({
    slug: 'newer',
    title: 'Newer',
    date: '2024-05-01',
    actionItems: [item('Add a disk alert', { done: false, kind: 'fix', owner: '@ana' }), item('Write a runbook', { done: true, kind: 'process' })],
  }),
  makeRecord({
    slug: 'older',
    title: 'Older <b>',
    date: '2023-01-01',
    actionItems: [
      item('Rotate keys', { done: false, kind: 'fix', owner: '@bo', priority: 'P1' }),
      item('Review alerts'),
      item('Audit logs', { done: false, owner: '@ana' }),
    ],
  }),
  makeRecord({ slug: 'none', title: 'None' }),
]

describe('/actions/: every action item of the archive', () => {
  it('groups items by status (open, unknown, done), ordered by kind then owner, and counts owners of open items', () => {
    const actions = archiveActions(records)
    expect(actions.total).toBe(5)
    expect(actions.groups.map((g) => [g.status, g.items.map((i) => i.text)])).toEqual([
      ['open', ['Add a disk alert', 'Rotate keys', 'Audit logs']],
      ['unknown', ['Review alerts']],
      ['done', ['Write a runbook']],
    ])
    expect(actions.openByOwner).toEqual([
      { owner: '@ana', count: 2 },
      { owner: '@bo', count: 1 },
    ])
    expect(actions.byKind).toEqual([
      { kind: 'fix', count: 2 },
      { kind: 'unspecified', count: 2 },
      { kind: 'process', count: 1 },
    ])
  })

  it('renders each item once, linked to its postmortem, escaped, and the stats page counts them', () => {
    const out = renderRecords(records)
    const page = out.get('actions/index.html')!
    for (const text of ['Add a disk alert', 'Write a runbook', 'Rotate keys', 'Review alerts', 'Audit logs'])
      expect(page.split(`<td>${text}</td>`)).toHaveLength(2)
    expect(page).toContain('<a href="/older/#pm-actions">Older &lt;b&gt;</a>')
    expect(page).toContain('<td>P1</td>')
    expect(page).toMatch(/<h2 id="actions-open">Open <span class="count">\(3\)<\/span><\/h2>/)
    expect(out.get('stats/index.html')).toMatch(
      /5 action items<\/a> across the archive: <strong>3<\/strong> open, <strong>1<\/strong> done, 1 with no status stated/,
    )
    expect(out.get('index.html')).toContain('href="/actions/">Actions</a>')
  })

  it('says so when no postmortem lists action items', () => {
    expect(renderRecords([makeRecord({ slug: 'x', title: 'X' })]).get('actions/index.html')).toContain('No postmortem lists action items yet.')
  })
})
