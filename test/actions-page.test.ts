import { describe, expect, it } from 'vitest'
import { archiveActions } from '../src/site/actions.js'
import type { ActionItem } from '../src/types.js'
import path from 'node:path'
import { actionPages } from '../src/site/action-pages.js'
import { loadConfig } from '../src/config.js'
import { renderRecords } from './helpers/plan.js'
import { ROOT } from './helpers/root.js'
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

  it('shows a due date on the archive table and on the postmortem page, a full date as <time>', () => {
    const due = [
      makeRecord({ slug: 'due', title: 'Due', actionItems: [item('Add a lag alert', { due: '2024-06-30' }), item('Write a runbook', { due: 'Q3' })] }),
    ]
    const out = renderRecords(due)
    expect(out.get('actions/index.html')).toContain('<td><time datetime="2024-06-30">2024-06-30</time></td>')
    expect(out.get('actions/index.html')).toContain('<td>Q3</td>')
    expect(out.get('due/index.html')).toContain('<span class="due">Due <time datetime="2024-06-30">2024-06-30</time></span>')
    expect(out.get('due/index.html')).toContain('<span class="due">Due Q3</span>')
  })

  it("groups by the stated status (in progress, blocked, won't do), shows the author's word, and counts them on the stats page", () => {
    const stated = [
      makeRecord({
        slug: 'st',
        title: 'St',
        actionItems: [
          item('Add a lag alert', { done: false, status: 'in-progress', statusText: 'In Review', owner: 'Tom' }),
          item('Move the queue', { done: false, status: 'blocked', statusText: 'Blocked', priority: 'P2' }),
          item('Rewrite cron', { done: false, status: 'wont-do', statusText: "Won't fix" }),
          item('Add a canary', { done: true, status: 'done' }),
        ],
      }),
    ]
    const actions = archiveActions(stated)
    expect(actions.groups.map((g) => [g.status, g.label])).toEqual([
      ['in-progress', 'In progress'],
      ['blocked', 'Blocked'],
      ['done', 'Done'],
      ['wont-do', "Won't do"],
    ])
    expect(actions.openByOwner).toEqual([{ owner: 'Tom', count: 1 }])
    const out = renderRecords(stated)
    expect(out.get('actions/index.html')).toContain('<td>In Review</td>')
    expect(out.get('actions/index.html')).toMatch(/<h2 id="actions-wont-do">Won&#39;t do|<h2 id="actions-wont-do">Won't do/)
    const page = out.get('st/index.html')!
    expect(page).toMatch(/<li class="in-progress">[\s\S]*?In progress: [\s\S]*?Add a lag alert[\s\S]*?<span class="status">\(In Review\)<\/span>/)
    expect(page).toMatch(/<li class="blocked">[\s\S]*?Move the queue[\s\S]*?<span class="priority">Priority P2<\/span>/)
    expect(out.get('stats/index.html')).toMatch(
      /4 action items<\/a> across the archive: <strong>2<\/strong> open \(1 in progress, 1 blocked\), <strong>1<\/strong> done, 1 won/,
    )
  })

  it('says so when no postmortem lists action items', () => {
    expect(renderRecords([makeRecord({ slug: 'x', title: 'X' })]).get('actions/index.html')).toContain('No postmortem lists action items yet.')
  })

  it('pages the items (four list pages of them a page, the first at actions/index.html), linked both ways, each item once', () => {
    // pageSize 1: four items a page, so the five items are two pages; the status links name the page a status starts on.
    const out = renderRecords(records, { pageSize: 1 })
    const first = out.get('actions/index.html')!
    const second = out.get('actions/page/2/index.html')!
    expect(out.has('actions/page/3/index.html')).toBe(false)
    const rows = (page: string): string[] => [...page.matchAll(/<tr><td>([^<]*)<\/td>/g)].map((m) => m[1]!)
    expect(rows(first)).toEqual(['Add a disk alert', 'Rotate keys', 'Audit logs', 'Review alerts'])
    expect(rows(second)).toEqual(['Write a runbook'])
    for (const page of [first, second]) {
      expect(page).toContain('5 action items from the archive')
      expect(page).toContain('<a href="/actions/#actions-open">Open (3)</a>')
      expect(page).toContain('<a href="/actions/page/2/#actions-done">Done (1)</a>')
    }
    expect(first).toContain('href="/actions/page/2/" rel="next"')
    expect(second).toContain('href="/actions/" rel="prev"')
    expect(second).toMatch(/<title>Action items \(page 2\)/)
    expect(second).toMatch(/<h2 id="actions-done">Done <span class="count">\(1\)<\/span><\/h2>/)
    const sitemap = renderRecords(records, { pageSize: 1, url: 'https://example.com' }).get('sitemap.xml')
    expect(sitemap).toContain('<loc>https://example.com/actions/page/2/</loc>')
  })

  it('marks a status that began on an earlier page as continued', () => {
    const open = Array.from({ length: 6 }, (_, i) => item(`Open ${i}`, { done: false }))
    const out = renderRecords([makeRecord({ slug: 'many', title: 'Many', actionItems: open })], { pageSize: 1 })
    expect(out.get('actions/index.html')).not.toContain('(continued)')
    expect(out.get('actions/page/2/index.html')).toMatch(/Open <span class="count">\(6\)<\/span> <span class="page-note">\(continued\)<\/span>/)
  })

  it('keys each page by what it shows: reworded item text re-renders its own page only', () => {
    const config = loadConfig(ROOT, { search: false, pageSize: 1, outDir: path.join(ROOT, 'test-output/unused') })
    const keys = (list: typeof records): Array<string | undefined> => actionPages(list, config).map((f) => f.key)
    const before = keys(records)
    const reworded = records.map((r) =>
      r.slug === 'newer' ? { ...r, actionItems: [r.actionItems[0]!, item('Write two runbooks', { done: true, kind: 'process' })] } : r,
    )
    const after = keys(reworded)
    expect(before).toHaveLength(2)
    expect(after[0]).toBe(before[0])
    expect(after[1]).not.toBe(before[1])
    for (const key of before) expect(key!.length).toBeLessThanOrEqual(80)
  })
})
