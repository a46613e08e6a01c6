import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { codeItems, lineItems } from '../src/normalize/actions/action-lines.js'
import { kindOf, labelKind, makeItem, priorityOf } from '../src/normalize/actions/action-markers.js'
import { normalizeDocument } from '../src/normalize/index.js'
import type { ActionItem } from '../src/types.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const items = (body: string): ActionItem[] => normalizeDocument('a.md', `# Disk full on 2024-05-01\n\n${body}`, options).record.actionItems
const texts = (body: string): string[] => items(body).map((i) => i.text)

describe('action items: layouts', () => {
  it('reads one-sentence paragraphs under the heading as items, but not a lone prose sentence', () => {
    expect(texts('## Action items\n\nAdd an alert on disk usage.\n\nRotate the archive nightly.\n')).toEqual([
      'Add an alert on disk usage.',
      'Rotate the archive nightly.',
    ])
    expect(texts('## Action items\n\nTo prevent this we have to check the server every now and then.\n')).toEqual([])
  })

  it('reads "we will" / "we are going to" sentences under the heading as items, one per sentence, but not one alone (prose, not a list)', () => {
    expect(texts('## Action items\n\nWe will add a canary stage to the deploy pipeline.\n')).toEqual([])
    expect(
      texts('## What we will do\n\nWe will add a canary stage to the deploy pipeline. We are also going to alert on checkout errors above one percent.\n'),
    ).toEqual(['We will add a canary stage to the deploy pipeline.', 'We are also going to alert on checkout errors above one percent.'])
    expect(texts("## Next steps\n\nGoing forward, we'll page the on-call for disk alerts. The storage team will rotate the archive nightly.\n")).toEqual([
      "Going forward, we'll page the on-call for disk alerts.",
      'The storage team will rotate the archive nightly.',
    ])
    // Not every sentence a promise, an introduction ending in a colon, or prose elsewhere: no items.
    expect(texts('## Action items\n\nWe are sorry for the trouble. We will publish more soon.\n')).toEqual([])
    expect(texts('## Action items\n\nWe will take the following steps:\n')).toEqual([])
    expect(texts('## Root cause\n\nWe will add a canary stage to the deploy pipeline.\n')).toEqual([])
  })

  it('reads bare one-per-line items and `Label: text` lines of plain text', () => {
    const labelled = 'Corrective measures:\nEnhance monitoring: Add memory alerts. Page the on-call.\nLoad testing: Run load tests before each release.\n'
    expect(texts(`## Corrective measures\n\n${labelled.split('\n').slice(1).join('\n')}`)).toEqual([
      'Enhance monitoring: Add memory alerts. Page the on-call.',
      'Load testing: Run load tests before each release.',
    ])
  })

  it('reads the lines after an introducing line, with "(1)" and "1," numbers, and skips statements of fact', () => {
    const body =
      '## Preventive measures\n\nThe following will be done:\n(1)\tPatch the web server.\n\tAdd a memory alert.\n(2)\tReview the database settings.\n'
    expect(texts(body)).toEqual(['Patch the web server.', 'Add a memory alert.', 'Review the database settings.'])
  })

  it('reads an indented block under a plain-text label, joining wrapped lines', () => {
    const body =
      '**Corrective measures:**\n\n        Have the team report absences and state how long they\n        will be gone\n        TODO: add a backup on-call\n'
    const found = items(body)
    expect(found.map((i) => i.text)).toEqual(['Have the team report absences and state how long they will be gone', 'add a backup on-call'])
    expect(found[1]).toMatchObject({ kind: 'todo', done: false })
  })

  it('counts the items a reader counts in inconsistently nested bullets (details are not items)', () => {
    const body = '## Follow-up\n\n- Add alerts\n  - on disk\n  - on inodes\n - Rotate logs\n- Document the runbook\n'
    expect(texts(body)).toEqual(['Add alerts', 'Rotate logs', 'Document the runbook'])
  })

  it('reads kind sub-headings of one paragraph each (Prevention, Detection, Process) as items, never "No fixes were necessary."', () => {
    const body = [
      '## Action items',
      '### Prevention',
      'It is unclear what we could change to avoid this.',
      '### Detection',
      'Alert when the queue grows for ten minutes.',
      '### Process',
      'During the incident we opened a new chat channel. We should document it.',
      '### Fixes',
      'No fixes were necessary.',
    ].join('\n\n')
    expect(items(body).map((i) => [i.text, i.kind])).toEqual([
      ['Alert when the queue grows for ten minutes.', 'detection'],
      ['During the incident we opened a new chat channel. We should document it.', 'process'],
    ])
    const sections = normalizeDocument('a.md', `# Disk full on 2024-05-01\n\n${body}`, options).record.sections
    expect(sections.find((s) => s.heading === 'Detection')?.key).toBe('actionItems')
    expect(texts('## Action items\n\n- None.\n- N/A\n- Nothing planned at this time\n- Add an alert\n')).toEqual(['Add an alert'])
  })

  it('keeps an item whose sentence runs on into a lower-case sub-list as one item with its sub-points', () => {
    const body =
      '## Action items\n\n- Add an alert.\n- We are changing reviews to introduce rules which will:\n  1. ask authors to\n     1. state the risk\n     2. name a reviewer\n  2. require a rollout plan\n- Document it.\n'
    expect(texts(body)).toEqual([
      'Add an alert.',
      'We are changing reviews to introduce rules which will: ask authors to (state the risk; name a reviewer); require a rollout plan',
      'Document it.',
    ])
    // A short label over capitalised items is still a group.
    expect(texts('## Action items\n\n- Monitoring:\n  - Add an alert\n  - Add a dashboard\n')).toEqual(['Add an alert', 'Add a dashboard'])
  })

  it('reads a numbered bold pseudo-heading over a bullet of details as the item', () => {
    const body =
      '## Preventative measures\n\n**1. Review the proxy configuration files:**\n- Engineers read every line twice.\n\n**2. Add monitoring:**\n- An alert on the start-up.\n'
    expect(texts(body)).toEqual(['Review the proxy configuration files', 'Add monitoring'])
  })

  it('reads a bold task over its sub-bullets as one item with its details; a bold group name still groups', () => {
    const tasks = items(
      '## Preventive measures\n\n1. **Add monitoring for repository tracking**\n   - Success/failure metrics\n   - Error rate alerting\n\n2. **Implement integration tests**\n   - Test workspace addition\n',
    )
    expect(tasks.map((i) => i.text)).toEqual([
      'Add monitoring for repository tracking (Success/failure metrics; Error rate alerting)',
      'Implement integration tests (Test workspace addition)',
    ])
    const groups = items('## Follow-ups\n\n- **Monitoring**\n  - Add a disk alert\n  - Page on replica lag\n- **Completed items**\n  - Rotated the keys\n')
    expect(groups.map((i) => [i.text, i.done])).toEqual([
      ['Add a disk alert', null],
      ['Page on replica lag', null],
      ['Rotated the keys', true],
    ])
  })

  it('takes the kind from bold-labelled sub-lists and from sub-headings', () => {
    const lists = items('## Next steps\n\n- **Short-term:**\n  - Add an alert\n- **Long term:**\n  - Move to managed storage\n')
    expect(lists.map((i) => [i.text, i.kind])).toEqual([
      ['Add an alert', 'short-term'],
      ['Move to managed storage', 'long-term'],
    ])
    const subs = items('## Follow-ups\n\n### Process\n\n- Review changes in pairs\n\n### Technical\n\nAdd a disk alert.\n')
    expect(subs.map((i) => [i.text, i.kind])).toEqual([
      ['Review changes in pairs', 'process'],
      ['Add a disk alert.', 'technical'],
    ])
  })

  it('reads numbered sub-headings as the items, their bodies as details, and skips a lessons sub-section', () => {
    const body = '## Action items\n\n### 1) Schedule the cleanup `@kim`\n\nA cron job removes old files.\n\n### 2) Configure alerts\n\nAlerts at 90 %.\n'
    expect(items(body).map((i) => [i.text, i.owner])).toEqual([
      ['Schedule the cleanup', 'kim'],
      ['Configure alerts', null],
    ])
    const mixed = '## Corrective measures\n\n### Lessons learned\n\n- Monitoring worked\n\n### Action items\n\n- Add a standby\n'
    expect(texts(mixed)).toEqual(['Add a standby'])
  })

  it('reads a table with Owner/Status/Priority columns anywhere, and then skips definition lists beside it', () => {
    const table =
      '| Action item | Type | Priority | Status |\n|---|---|---|---|\n| Add a checker | Prevent | P0 | DONE |\n| Document recovery | Mitigate | P2 | |\n'
    const found = items(`## Action items\n\nPriorities:\n\n* P0 - critical\n* P1 - important\n\n${table}`)
    expect(found).toEqual([
      { text: 'Add a checker', kind: 'prevention', done: true, owner: null, priority: 'P0', status: 'done', statusText: 'DONE' },
      { text: 'Document recovery', kind: 'mitigation', done: null, owner: null, priority: 'P2' },
    ])
    const anywhere = items('## Wrap-up\n\n| Task | Owner |\n|---|---|\n| Add a standby | @ana |\n')
    expect(anywhere).toEqual([{ text: 'Add a standby', kind: null, done: null, owner: 'ana', priority: null }])
    expect(items('## Timeline\n\n| Time | Status | Owner |\n|---|---|---|\n| 10:00 | Down | ops |\n')).toEqual([])
  })

  it('reads the list under the heading, not a table of something else beside it (metrics), a lone table still, and an action table over a list beside it', () => {
    const metrics = '| Metric | Before | After |\n|---|---|---|\n| p99 latency | 900 ms | 120 ms |\n| Error rate | 4 % | 0.1 % |\n'
    expect(texts(`## Action items\n\n- Add a lag alert\n- Roll back faster\n\n${metrics}`)).toEqual(['Add a lag alert', 'Roll back faster'])
    expect(texts(`## Action items\n\n- Add a lag alert\n\n| Change | Owner |\n|---|---|\n| Pin the base image | Ana |\n`)).toEqual([
      'Add a lag alert',
      'Pin the base image',
    ])
    expect(texts(`## Action items\n\n- Pin the base image.\n\n| Change | Owner |\n|---|---|\n| Pin the base image | Ana |\n`)).toEqual(['Pin the base image'])
    expect(texts('## Action items\n\n| Change | Ticket |\n|---|---|\n| Pin the base image | OPS-1 |\n')).toEqual(['Pin the base image'])
  })

  it('reads the status words of trackers and incident tools (Outstanding, Backlog, In review, Verified)', () => {
    const table = (status: string) => `## Follow-ups\n\n| Follow-up | Owner | Status |\n|---|---|---|\n| Add a lag alert | Tom | ${status} |\n`
    for (const open of ['Outstanding', 'Backlog', 'In review', 'In-progress', 'To-do', 'Not yet started', 'Scheduled', 'Unresolved'])
      expect(items(table(open))[0]?.done, open).toBe(false)
    for (const done of ['Verified', 'Completed', 'Released']) expect(items(table(done))[0]?.done, done).toBe(true)
    expect(items(table('Not doing'))[0]).toMatchObject({ done: false, status: 'wont-do', statusText: 'Not doing' })
  })

  it('reads a status cell whose word follows an emoji or a symbol (status-page and tracker exports)', () => {
    const table = (status: string) => `## Follow-ups\n\n| Follow-up | Owner | Status |\n|---|---|---|\n| Add a lag alert | Tom | ${status} |\n`
    const cases: Array<[string, boolean, string, string]> = [
      ['🔄 Planned', false, 'open', 'Planned'],
      ['⏳ In progress', false, 'in-progress', 'In progress'],
      ['✔️ Done', true, 'done', 'Done'],
      ['**🔴 Open**', false, 'open', 'Open'],
      ['✅ Complete (this report)', true, 'done', 'Complete'],
    ]
    for (const [cell, done, status, word] of cases) expect(items(table(cell))[0], cell).toMatchObject({ done, status, statusText: word })
    // The emoji names a state and the word another: the author's mark wins.
    expect(items(table('✅ Ongoing practice'))[0]).toMatchObject({ done: true, status: 'done' })
  })

  it("keeps a status beyond done/open: in progress, blocked, won't do, failed, each with the word the author wrote", () => {
    const table = (status: string) => `## Follow-ups\n\n| Follow-up | Owner | Status |\n|---|---|---|\n| Add a lag alert | Tom | ${status} |\n`
    const cases: Array<[string, string, boolean]> = [
      ['In progress', 'in-progress', false],
      ['In Review', 'in-progress', false],
      ['Blocked', 'blocked', false],
      ['On hold', 'blocked', false],
      ["Won't fix", 'wont-do', false],
      ['Cancelled', 'wont-do', false],
      ['FAILED', 'open', false],
      ['To Do', 'open', false],
      ['Closed', 'done', true],
    ]
    for (const [word, status, done] of cases) expect(items(table(word))[0], word).toMatchObject({ done, status, statusText: word })
    expect(items(table(''))[0]).not.toHaveProperty('status')
    const list = items(
      "## Action items\n\n- [x] Add a canary\n- [ ] Add a lag alert\n- Add a disk alert — Status: blocked\n- Rewrite the cron job [WON'T FIX]\n- Fix the retry loop (in progress)\n",
    )
    expect(list.map((i) => [i.text, i.done, i.status, i.statusText])).toEqual([
      ['Add a canary', true, 'done', undefined],
      ['Add a lag alert', false, 'open', undefined],
      ['Add a disk alert', false, 'blocked', 'blocked'],
      ['Rewrite the cron job', false, 'wont-do', "WON'T FIX"],
      ['Fix the retry loop', false, 'in-progress', 'in progress'],
    ])
    const grouped = items('## Action items\n\n### In progress\n\n- Add a lag alert\n\n### Blocked\n\n- Move the queue\n')
    expect(grouped.map((i) => [i.status, i.statusText])).toEqual([
      ['in-progress', 'In progress'],
      ['blocked', 'Blocked'],
    ])
  })

  it('takes a Kind/Type cell as the kind, known words mapped and other short labels as written, never a status', () => {
    const table = (kind: string) => `## Action items\n\n| Action | Type | Owner |\n|---|---|---|\n| Add a lag alert | ${kind} | Tom |\n`
    const cases: Array<[string, string | null]> = [
      ['Corrective', 'corrective'],
      ['Preventive', 'prevention'],
      ['Detection', 'detection'],
      ['Type-Action', 'action'],
      ['Security', 'security'],
      ['TODO', null],
      ['Done', null],
    ]
    for (const [cell, kind] of cases) expect(items(table(cell))[0]?.kind, cell).toBe(kind)
  })

  it('reads a done marker anywhere in a table row', () => {
    const found = items(
      '## Action Items\n\n| Action Item | Owner | Bug |\n|---|---|---|\n| Update playbook | Abdel | n/a **DONE** |\n| Add a backup | Jo | 123 **TODO** |\n',
    )
    expect(found.map((i) => i.done)).toEqual([true, false])
  })

  it('reads runs of status-prefixed paragraphs in other sections, but not prose', () => {
    const body = '## Lessons learned\n\nDisk graphs are easier to read.\n\n**DONE**: added the wiki to monitoring.\n\n**TODO** monitor systemd units.\n'
    expect(items(body).map((i) => [i.text, i.done])).toEqual([
      ['added the wiki to monitoring.', true],
      ['monitor systemd units.', false],
    ])
  })

  it('never takes prose sentences of other sections as items', () => {
    expect(texts('## Summary\n\nWe will add alerts.\n\nWe will rotate logs.\n')).toEqual([])
  })
})

describe('action items: done, priority, owner', () => {
  it.each([
    ['Add an alert (done)', true],
    ['[DONE] Add an alert', true],
    ['**DONE** Add an alert', true],
    ['Add an alert - completed', true],
    ['✅ Add an alert', true],
    ['TODO: add an alert', false],
    ['[ ] Add an alert', false],
    ['Open a ticket with the vendor', null],
  ])('%s -> done %s', (line, done) => {
    expect(makeItem(line, { kind: null, done: null })?.done).toBe(done)
  })

  it('reads checked boxes, struck-through items and a list introduced as already done', () => {
    expect(items('## Action items\n\n- [x] Add an alert\n- [ ] Rotate logs\n- ~~Drop the cache~~\n').map((i) => i.done)).toEqual([true, false, true])
    expect(items('## Follow-ups\n\nWe have already done the following:\n\n- Added an alert\n- Rotated logs\n').map((i) => i.done)).toEqual([true, true])
    expect(items('## Follow-ups\n\n### Completed\n\n- Added an alert\n\n### Planned\n\n- Rotate logs\n').map((i) => i.done)).toEqual([true, false])
  })

  it.each([
    ['Add an alert (P1)', 'Add an alert', 'P1'],
    ['HIGH: Add an alert', 'Add an alert', 'high'],
    ['[low] Add an alert', 'Add an alert', 'low'],
    ['Add an alert, priority: medium', 'Add an alert', 'medium'],
    ['Add a high priority alert', 'Add a high priority alert', 'high'],
    ['Add an alert on high load', 'Add an alert on high load', null],
  ])('%s -> text %s, priority %s', (line, text, priority) => {
    expect(makeItem(line, { kind: null, done: null })).toMatchObject({ text, priority })
  })

  it.each([
    ['Add an alert @kim', 'Add an alert', 'kim'],
    ['Add an alert (owner: Kim Lee)', 'Add an alert', 'Kim Lee'],
    ['Ask @jo to review the alert', 'Ask @jo to review the alert', 'jo'],
    ['Mail ops@example.com about it', 'Mail ops@example.com about it', null],
    ['Added an @emergency role on the chat server', 'Added an @emergency role on the chat server', null],
  ])('%s -> text %s, owner %s', (line, text, owner) => {
    expect(makeItem(line, { kind: null, done: null })).toMatchObject({ text, owner })
  })

  it('normalizes priorities and kinds', () => {
    expect([priorityOf('p2'), priorityOf('HIGH'), priorityOf('Med'), priorityOf('soon')]).toEqual(['P2', 'high', 'medium', null])
    expect([labelKind('Improvements/Fixes'), labelKind('Short-term'), labelKind('Fix Nginx configuration'), kindOf('Long term')]).toEqual([
      'improvement',
      'short-term',
      null,
      'long-term',
    ])
  })

  it('reads a bracketed term or kind in front of an item ("(Longer-term) Mirror …", "[Short term] Pin …") as its kind', () => {
    const d = { kind: null, done: null }
    expect(makeItem('(Longer-term) Mirror the kernel archives', d)).toMatchObject({ text: 'Mirror the kernel archives', kind: 'long-term' })
    expect(makeItem('[Short term] Pin the library version', d)).toMatchObject({ text: 'Pin the library version', kind: 'short-term' })
    expect(makeItem('(Near-term): Add a lag alert', d)).toMatchObject({ text: 'Add a lag alert', kind: 'short-term' })
    // A parenthesis that names no kind stays text.
    expect(makeItem('(optional) Add a lag alert', d)).toMatchObject({ text: '(optional) Add a lag alert', kind: null })
  })

  it('takes an owner written between dashes before a priority ("Add an alert — Dana — P2")', () => {
    expect(makeItem('Add a checkout error-rate alert — Dana — P2', { kind: null, done: null })).toMatchObject({
      text: 'Add a checkout error-rate alert',
      owner: 'Dana',
      priority: 'P2',
    })
  })

  it('splits lines: markers start items, lower-case lines continue them, code is not items', () => {
    expect(lineItems('Intro:\n- one\n- two\n  continued')).toEqual({ items: ['one', 'two continued'], sure: true })
    expect(codeItems('const x = 1;\nrun()', null).items).toEqual([])
    expect(codeItems('Add an alert', 'bash').items).toEqual([])
  })
})

describe('action items: tracker labels, leading owners, finished notes', () => {
  it.each([
    ['Add alarms for high memory use (Issue)', 'Add alarms for high memory use'],
    ['Fix the cookie length bug (PR)', 'Fix the cookie length bug'],
    ['Add alerts. We have put this off too long (issue).', 'Add alerts. We have put this off too long.'],
    ['Fix the version check while the cluster is full (pull request)', 'Fix the version check while the cluster is full'],
    ['The id column should be unique. Issue', 'The id column should be unique.'],
    ['Create alerts when database backups fail - jira link', 'Create alerts when database backups fail'],
    ['Take nightly logical backups - jira', 'Take nightly logical backups'],
    ['Read the issue list (weekly)', 'Read the issue list (weekly)'],
    ['Triage every new issue', 'Triage every new issue'],
  ])('%s -> %s', (line, text) => {
    expect(makeItem(line, { kind: null, done: null })?.text).toBe(text)
  })

  it('reads a short leading parenthesis as the owner', () => {
    expect(makeItem('(ops team) add heartbeat monitoring', { kind: null, done: null })).toMatchObject({ text: 'add heartbeat monitoring', owner: 'ops team' })
    expect(makeItem('(kim) write the runbook', { kind: null, done: null })).toMatchObject({ text: 'write the runbook', owner: 'kim' })
    expect(makeItem('(optional) add a cache', { kind: null, done: null })).toMatchObject({ text: '(optional) add a cache', owner: null })
    expect(makeItem('(2 servers) need a reboot', { kind: null, done: null })).toMatchObject({ owner: null })
  })

  it('reads a trailing "(Finished.)" as done', () => {
    expect(makeItem('Turn off the release switch until it is safe. (Finished.)', { kind: null, done: null })).toMatchObject({
      text: 'Turn off the release switch until it is safe.',
      done: true,
    })
  })
})

describe('action items: owners are named, not guessed', () => {
  it('takes no owner from the word "Owners" in running text', () => {
    expect(makeItem('Teach the Product Owners about how to look up the CVEs', { kind: null, done: null })).toMatchObject({
      text: 'Teach the Product Owners about how to look up the CVEs',
      owner: null,
    })
    expect(makeItem('Rotate keys, owned by Ana', { kind: null, done: null })).toMatchObject({ text: 'Rotate keys', owner: 'Ana' })
  })

  it('reads a placeholder in an owner column ("???", "TBD", "-") as no owner', () => {
    const table = '## Action items\n\n| Action | Owner |\n|---|---|\n| Add an alert | ??? |\n| Rotate logs | TBD |\n| Fix backups | @ana |\n'
    expect(items(table).map((i) => i.owner)).toEqual([null, null, 'ana'])
  })

  it('reads a due-date column: a full date as YYYY-MM-DD, a quarter as written, a placeholder as none', () => {
    const table =
      '## Action items\n\n| Action | Owner | Due date |\n|---|---|---|\n| Add an alert | ana | 2024-05-03 |\n| Rotate logs | bo | Q3 |\n| Fix backups | cy | TBD |\n| Move DNS | di | 12 June 2024 |\n'
    expect(items(table).map((i) => [i.text, i.due ?? null])).toEqual([
      ['Add an alert', '2024-05-03'],
      ['Rotate logs', 'Q3'],
      ['Fix backups', null],
      ['Move DNS', '2024-06-12'],
    ])
  })
})

describe('action items: prose and notes are not items', () => {
  it('skips a paragraph of running prose broken into lines, and question-and-answer lines', () => {
    expect(
      texts(
        '## Corrective\n\nThe first thing was to clean up.\nSecondly, we note to test more before a push.\nFor now, we just redeploy.\nHope the team is back soon.\n',
      ),
    ).toEqual([])
    expect(texts('## Action items\n\nWhat can be improved?Code review\nWhat tasks remain?See above\n')).toEqual([])
    expect(texts('## Action items\n\nDeploy a standby database.\nEnhance replication checks.\n')).toEqual([
      'Deploy a standby database.',
      'Enhance replication checks.',
    ])
  })

  it('reads a lone unnumbered sub-heading as a note, several in a row as the items', () => {
    const note = '## Next steps\n\n- Add an alert\n- Rotate logs\n\n### Measures we decided against\n\nMore manual review; humans err.\n'
    expect(texts(note)).toEqual(['Add an alert', 'Rotate logs'])
    const several = '## Next steps\n\n### Fix the configuration\n\nReview the settings.\n\n### Improve monitoring\n\nAlert on error logs.\n'
    expect(texts(several)).toEqual(['Fix the configuration', 'Improve monitoring'])
  })
})

describe('action items: details around the item', () => {
  it('reads owner, status and priority from the body of an item sub-heading', () => {
    const body = '## Action items\n\n### 1) Add a disk alert\n\nOwner: Ana\nStatus: done\nPriority: P1\n\n### 2) Rotate logs\n\nStatus: open\n'
    expect(items(body)).toEqual([
      { text: 'Add a disk alert', kind: null, done: true, owner: 'Ana', priority: 'P1', status: 'done', statusText: 'done' },
      { text: 'Rotate logs', kind: null, done: false, owner: null, priority: null, status: 'open', statusText: 'open' },
    ])
  })

  it('reads a leading priority level and groups named as still open', () => {
    expect(makeItem('P1 Add a disk alert', { kind: null, done: null })).toMatchObject({ text: 'Add a disk alert', priority: 'P1' })
    expect(items('## Follow-ups\n\n### Open\n\n- Rotate logs\n\n### Done\n\n- Add an alert\n').map((i) => i.done)).toEqual([false, true])
  })
})

describe('action items: inline HTML', () => {
  it('keeps the words of an item written with inline HTML, not the tags', () => {
    expect(texts('## Action items\n\n- [ ] <span style="color: gray;">Review the firmware.</span>\n')).toEqual(['Review the firmware.'])
  })
})

describe('action items: a section that is both resolution and follow-up', () => {
  it('counts the follow-ups, not the steps already taken or general statements', () => {
    const body =
      '## Resolution and follow-up\n\n- Patched vulnerability: The team patched the injection flaw.\n- Customers were informed by email.\n- Security audits: Implement regular audits.\n- Consider encrypting stored data.\n- Secure coding practices are essential.\n'
    expect(texts(body)).toEqual(['Security audits: Implement regular audits.', 'Consider encrypting stored data.'])
  })
})

describe('a list announced as changes to come', () => {
  it('holds action items even under a heading that is not called action items', async () => {
    const { announcesFollowUps } = await import('../src/normalize/actions/announced-list.js')
    expect(announcesFollowUps('It took too long. Here are the two things we will change to prevent this in the future:')).toBe(true)
    expect(announcesFollowUps('To prevent further damage, we did the following:')).toBe(false)
    expect(announcesFollowUps('These were the causes:')).toBe(false)
    expect(announcesFollowUps('Going forward we plan to do this.')).toBe(false)
  })

  it('counts the announced list and not a list of causes in a resolution section', () => {
    const r = normalizeDocument(
      's.md',
      "# Disk full\n\n## The causes\n\n1. Vacuum was off\n2. Feeds grew\n\n## The fix\n\nWe resized the disk.\n\nThat said, here are the changes I'll be making to prevent this in the future:\n\n1. Turn the nightly vacuum back on\n2. Keep only recent feed posts\n",
      options,
    ).record
    expect(r.actionItems.map((a) => a.text)).toEqual(['Turn the nightly vacuum back on', 'Keep only recent feed posts'])
  })
})

describe('action items: labelled lead-ins in prose', () => {
  it('reads an "Action point:" paragraph under any section as one item, marked done by a note below it', () => {
    const body =
      '## Lessons learned\n\n### Alert routing\n\nThe pager rotation was out of date.\n\nAction point: sync the rotation from the HR system every week.\n- This has been done.\n\n### Capacity\n\nWe ran out of memory on two nodes.\n\nAction item: add memory alerts on the cache nodes.\n'
    const found = items(body)
    expect(found.map((i) => i.text)).toEqual(['sync the rotation from the HR system every week.', 'add memory alerts on the cache nodes.'])
    expect(found.map((i) => i.done)).toEqual([true, null])
    // Not a label of a follow-up: no item.
    expect(texts('## Impact\n\nAction required: none from customers.\n\nPoint of contact: the storage team.\n')).toEqual([])
  })

  it('reads a bold "Action planned:" lead-in with its wrapped sentence', () => {
    const body =
      '## Detection\n\nWe would not have noticed a second failure.\n\n**Action planned:** We will expand the monitoring checks we run,\nso that we get alerted to events such as this.\n'
    expect(texts(body)).toEqual(['We will expand the monitoring checks we run, so that we get alerted to events such as this.'])
  })

  it('reads the list under "Actions taken:" beside an "Actions planned:" list as done items', () => {
    const body =
      '## Detection\n\nNobody watched the inbox.\n\n**Actions taken:**\n\n1. We have added a second person to the inbox rotation.\n\n**Actions planned:**\n\n1. Ensure the inbox forwards to the pager.\n1. We will set up alerts for critical reports.\n'
    const found = items(body)
    expect(found.map((i) => [i.text, i.done])).toEqual([
      ['We have added a second person to the inbox rotation.', true],
      ['Ensure the inbox forwards to the pager.', null],
      ['We will set up alerts for critical reports.', null],
    ])
    // "Actions taken" alone are the responders' steps, not follow-ups.
    expect(texts('## Response\n\n**Actions taken:**\n\n1. Restarted the cache.\n2. Drained the queue.\n')).toEqual([])
  })

  it('reads every paragraph of a follow-up section that proposes a change, not only the one-sentence ones', () => {
    const body =
      '## Follow-up\n\nThe monitoring system should notify more people. Ideally, it would page the chat\ndirectly. (filed as ticket 12)\n\nThe monitor for the cache checks the old host name. (fixed by adding a\nseparate check)\n\nThe current setup requires one team to approve changes. We should expand this to\nthe storage team as well.\n\nWe could have a policy of not deploying on a Friday. On the other hand, the weekend\nlowered the impact.\n'
    const found = items(body)
    expect(found.map((i) => i.text.slice(0, 40))).toEqual([
      'The monitoring system should notify more',
      'The monitor for the cache checks the old',
      'The current setup requires one team to a',
      'We could have a policy of not deploying ',
    ])
    // Running prose under the heading (no paragraph proposes anything) stays prose.
    expect(texts('## Follow-up\n\nThe team met on Monday. It was a long meeting.\n\nThe notes are in the wiki. Everyone attended.\n')).toEqual([])
  })
})

describe('a list beside an action table', () => {
  it('keeps the list items as items (they were dropped whenever the section also held a table)', () => {
    const body =
      '## Action items\n\n- Add a memory alert (owner: @jdoe)\n- Rotate logs daily\n\n| Task | Owner |\n|---|---|\n| Add disk alerts | Ana |\n| Resize volume | Bo |\n'
    expect(items(body).map((i) => [i.text, i.owner])).toEqual([
      ['Add a memory alert', 'jdoe'],
      ['Rotate logs daily', null],
      ['Add disk alerts', 'Ana'],
      ['Resize volume', 'Bo'],
    ])
  })

  it('reads a list of terms and their meanings (the priorities the table uses) as no items', () => {
    const body =
      '## Action items\n\nItems have a priority:\n\n* P0 - Critical, blocks the release.\n* P1 - Important for the next release.\n\n| Action | Priority |\n|---|---|\n| Add disk alerts | P0 |\n| Resize volume | P1 |\n'
    expect(texts(body)).toEqual(['Add disk alerts', 'Resize volume'])
  })
})

describe('action items: what to improve, as a group under the corrective section', () => {
  it('counts an "Areas for Improvement" list beside a "Tasks" list under the corrective heading', () => {
    const body =
      '## Corrective and Preventative Measures\n\n**Areas for Improvement:**\n1. Review deploys more carefully.\n2. Alert on slow queries.\n\n**Tasks to Address the Issue:**\n1. Add a connection-leak test.\n2. Cap the pool size.\n'
    const record = normalizeDocument('a.md', `# Pool exhausted\n\n${body}`, options).record
    expect(record.actionItems.map((i) => i.text)).toEqual([
      'Review deploys more carefully.',
      'Alert on slow queries.',
      'Add a connection-leak test.',
      'Cap the pool size.',
    ])
    expect(record.lessons.wentWrong).toEqual([])
  })

  it('keeps a top-level "Areas for improvement" a lesson, not follow-ups', () => {
    const record = normalizeDocument(
      'a.md',
      '# Disk full\n\n## Areas for improvement\n\n- Alerts came late.\n\n## Action items\n\n- Add a disk alert.\n',
      options,
    ).record
    expect(record.actionItems.map((i) => i.text)).toEqual(['Add a disk alert.'])
    expect(record.sections.map((s) => s.key)).toEqual(['lessonsLearned', 'actionItems'])
  })
})

describe('action items: a table whose header names no action column', () => {
  it('takes the task from the priority column when every cell there is a sentence of work ("# | Owner | Priority | Due")', () => {
    const body =
      '## Action items\n\n| # | Owner | Priority | Due |\n|---|---|---|---|\n| 1 | SRE | Add a dependency check to flag pushes | 2025-06-05 |\n| 2 | Comms | Automate the status page update | 2025-06-01 |\n'
    const got = items(body)
    expect(got.map((i) => i.text)).toEqual(['Add a dependency check to flag pushes', 'Automate the status page update'])
    expect(got.map((i) => i.owner)).toEqual(['SRE', 'Comms'])
  })

  it('keeps a priority column of priorities a priority column (no item text, no items)', () => {
    expect(texts('## Action items\n\n| # | Owner | Priority |\n|---|---|---|\n| 1 | SRE | P1 |\n')).toEqual([])
  })
})
