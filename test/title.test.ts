import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { metadataHeading } from '../src/normalize/structure/meta-lines.js'
import { cleanTitle, isBareUrl, isGenericTitle, isPlaceholder } from '../src/normalize/summary/title-text.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const titleOf = (text: string): string | null => normalizeDocument('t.md', text, options).record.title

describe('title text', () => {
  it.each([
    ['🍂 Postmortem 🍂', 'Postmortem'],
    ['🚨 Web outage report', 'Web outage report'],
    ['Clients Unable to Load Pages [Postmortem] 👀', 'Clients Unable to Load Pages [Postmortem]'],
    [':fire: Disk full :fire:', 'Disk full'],
    ['<span style="color:red">Outage</span>', 'Outage'],
    ['🔥', '🔥'],
    // A template's "Title:" label and an e-mail's subject line pasted in whole.
    ['Title: Checkout outage', 'Checkout outage'],
    ['**Title:** Checkout outage', 'Checkout outage'],
    ['Subject: Re: Fwd: Incident report - VPN gateway outage', 'Incident report - VPN gateway outage'],
    ['re:Invent keynote stream outage', 're:Invent keynote stream outage'],
    ['Title:', 'Title:'],
    // The template's label with a note of its own.
    ['Title (incident #2): CI runners down', 'CI runners down'],
    ['Title (draft) Checkout outage', 'Title (draft) Checkout outage'],
  ])('%s -> %s', (raw, clean) => {
    expect(cleanTitle(raw)).toBe(clean)
  })

  it("a body H1 that repeats the front matter's title, or holds the whole document, is not a section; an H1 among others stays one", () => {
    const sections = (text: string) => normalizeDocument('t.md', text, options).record.sections.map((s) => s.heading)
    expect(sections('---\ntitle: "Disk full on db"\n---\n\n# Disk Full on DB\n\n## Summary\n\nThe disk filled up.\n')).toEqual(['Summary'])
    expect(sections('---\ntitle: Draft name\n---\n\n# Disk full on db\n\n## Summary\n\nThe disk filled up.\n')).toEqual(['Summary'])
    expect(sections('---\ntitle: Draft name\n---\n\n# Disk full on db\n\n## Summary\n\nFull.\n\n# Notes\n\nMore.\n')).toEqual([
      'Disk full on db',
      'Summary',
      'Notes',
    ])
  })

  it('tells URLs, placeholders and generic titles apart', () => {
    expect(isBareUrl('https://medium.com/@someone/postmortem-1234')).toBe(true)
    expect(isBareUrl('Outage at https://x.y')).toBe(false)
    expect(isPlaceholder('[Title]')).toBe(true)
    expect(isPlaceholder('Incident title')).toBe(true)
    expect(isPlaceholder('Database outage')).toBe(false)
    // A template's own name left as the H1.
    expect(isPlaceholder('Incident Report Template')).toBe(true)
    expect(isPlaceholder('Postmortem template')).toBe(true)
    expect(isPlaceholder('Template engine outage')).toBe(false)
    expect(isGenericTitle('0x19. Postmortem')).toBe(true)
    expect(isGenericTitle('Incident report 2024-03-01')).toBe(true)
    expect(isGenericTitle('Postmortem: database failover')).toBe(false)
  })

  it('reads metadata heading lines, not titles with a colon', () => {
    expect(metadataHeading('Owner: @sam')).toEqual({ label: 'Owner', value: '@sam' })
    expect(metadataHeading('Involved:')).toEqual({ label: 'Involved', value: '' })
    expect(metadataHeading('Date: 2020-05-04')).toEqual({ label: 'Date', value: '2020-05-04' })
    expect(metadataHeading('POSTMORTEM: UNAUTHORIZED ACCESS')).toBeNull()
    // A status post's "ISSUE:" over prose is a section; "Issue: #412" names a tracker entry.
    expect(metadataHeading('ISSUE:')).toBeNull()
    expect(metadataHeading('Issue: #412')).toEqual({ label: 'Issue', value: '#412' })
    expect(metadataHeading('Jira issue: OPS-12')).toEqual({ label: 'Jira issue', value: 'OPS-12' })
  })

  it('keeps an H1 whose first word is a metadata label as the title unless its value is only metadata', () => {
    for (const label of ['Bug', 'Ticket', 'Status', 'Severity', 'Author', 'Date', 'Service', 'Owner', 'Jira'])
      expect(titleOf(`# ${label}: Device assignments empty despite active devices\n\n## Summary\n\nA session lost its data.\n`)).toBe(
        `${label}: Device assignments empty despite active devices`,
      )
    expect(metadataHeading('Bug: Device assignments empty despite active devices', 1)).toBeNull()
    expect(metadataHeading('Date: 2020-05-04', 1)).toEqual({ label: 'Date', value: '2020-05-04' })
    expect(metadataHeading('Ticket: OPS-12', 1)).toEqual({ label: 'Ticket', value: 'OPS-12' })
    expect(metadataHeading('Authors: Jane Doe, Sam Roe', 1)).toEqual({ label: 'Authors', value: 'Jane Doe, Sam Roe' })
    expect(metadataHeading('Bug: Device assignments empty despite active devices')).toEqual({
      label: 'Bug',
      value: 'Device assignments empty despite active devices',
    })
  })

  it("shows the author's title without a sharing tag before it, and keeps the tag in the title", () => {
    const r = normalizeDocument('t.md', '# [Public] 4/26 Payment delays post-mortem\n\nPayments were slow for an hour.\n', options).record
    expect(r.title).toBe('[Public] 4/26 Payment delays post-mortem')
    expect(r.displayTitle).toBe('4/26 Payment delays post-mortem')
    expect(r.titleDerived).toBeUndefined()
    const kind = normalizeDocument('t.md', '# [Postmortem] Mirror down\n\nThe mirror was down for an hour.\n', options).record
    expect(kind.displayTitle).toBeUndefined()
  })
})

describe('title picking', () => {
  it('drops emoji around an H1', () => {
    expect(titleOf('# 🚨 Cache outage report\n\n## Summary\n\nText.\n')).toBe('Cache outage report')
  })

  it('never takes an HTML-styled section label for a title', () => {
    expect(titleOf('<p align="center"><img src="x.png"></p>\n\n## <span style="color:green">Summary:</span>\n\nThe site was down.\n')).toBeNull()
  })

  it('takes the first heading when only images precede it', () => {
    expect(titleOf('![banner]\n![2]\n### POSTMORTEM: DISK FULL ON DB\n### Incident Description:\nThe disk filled.\n')).toBe('POSTMORTEM: DISK FULL ON DB')
  })

  it('does not take an H1 that follows section headings', () => {
    expect(titleOf('# Overview\n\nThe site was down.\n\n# Notes to the owner\n\nCheck it.\n')).toBeNull()
  })

  it('lets a labelled field beat a placeholder H1', () => {
    expect(titleOf('# Incident title\n\n**Title:** Payment queue stalled\n\n## Summary\n\nPayments waited.\n')).toBe('Payment queue stalled')
    expect(titleOf('# Incident Report Template\n\n**Incident name:** Checkout latency spike\n\n## Summary\n\nCheckout was slow.\n')).toBe(
      'Checkout latency spike',
    )
  })

  it("drops an e-mail's Subject: label from a plain-text report's first line", () => {
    const text =
      'Subject: Incident report - VPN gateway outage\n\nStart time: 2024-02-01 13:05 UTC\n\nWhat happened\nThe gateway stopped accepting connections.\n'
    expect(normalizeDocument('t.txt', text, options).record.title).toBe('Incident report - VPN gateway outage')
  })

  it('skips a bare URL line in plain text', () => {
    expect(titleOf('https://example.com/post/abc\n\nDisk Full on the Build Server\n\nThe disk filled up overnight and builds failed.\n')).toBe(
      'Disk Full on the Build Server',
    )
  })
})

describe('titles under other front-matter keys and wrapped first lines', () => {
  it('reads the title a site generator keeps under `heading` or `headline`, with no unknown-key warning', () => {
    const doc = normalizeDocument(
      'p.mdx',
      '---\nheading: "Post-mortem: queue backlog on May 3"\ndate: 2023-05-10\n---\n\nOn May 3 the queue backed up.\n',
      options,
    )
    expect(doc.record.title).toBe('Post-mortem: queue backlog on May 3')
    expect(doc.record.diagnostics.map((d) => d.ruleId)).not.toContain('front-matter-unknown-key')
    expect(titleOf('---\nheadline: Checkout outage\n---\n\nCheckout failed.\n')).toBe('Checkout outage')
  })

  it('a first line that a lower-case line carries on is wrapped prose, not the title of a plain-text notice', () => {
    const r = normalizeDocument(
      'n.md',
      'Last night between 01:00 and 03:00 UTC, a disk failure\ncaused downtime for our database.\n\nNo data was lost.\n',
      options,
    ).record
    expect(r.title).toBeNull()
    expect(r.summary).toBe('Last night between 01:00 and 03:00 UTC, a disk failure caused downtime for our database.')
    expect(titleOf('Database outage\nThe primary failed at 01:00 UTC.\n')).toBe('Database outage')
  })
})
