import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const recordOf = (text: string) => normalizeDocument('s.md', text, options).record
const headings = (text: string) => recordOf(text).sections.map((s) => s.heading)

describe('metadata headings with the value on the next lines', () => {
  it('are not sections: Date, Authors, Status, Severity and a yes/no property', () => {
    const text =
      '# Disk full\n\n## Date\n2024-03-02\n\n## Authors\n\n* Ana Ruiz\n* Bo Chen\n\n## Status\nDraft\n\n## Severity\n\n**High** - writes failed.\n\n' +
      '## Security Related\n\n**No**\n\n## Summary\n\nThe disk filled up.\n\n## Root cause\n\nLogs were never rotated.\n'
    const r = recordOf(text)
    expect(r.sections.map((s) => s.heading)).toEqual(['Summary', 'Root cause'])
    expect(r.authors).toEqual(['Ana Ruiz', 'Bo Chen'])
    expect(r.severity).toBe('High')
    expect(r.date).toBe('2024-03-02')
  })

  it('stay sections when they hold prose or sub-headings', () => {
    expect(headings('# Disk full\n\n## Date\n\nWe could not tell when it began.\n\n## Summary\n\nThe disk filled up.\n')).toEqual(['Date', 'Summary'])
    expect(headings('# Disk full\n\n## Summary\n\nFull.\n\n## Status\n\n### Open questions\n\nWho owns the disk?\n')).toEqual([
      'Summary',
      'Status',
      'Open questions',
    ])
  })

  it("are not sections for the incident's own values (duration, level, role, a response moment); a stated duration feeds the window", () => {
    const text =
      '# Database failover\n\n# Status\n\nResolved\n\n## Duration\n\n45 minutes\n\n## Impact level\n\nHigh\n\n## Incident commander\n\nJane Doe\n\n' +
      '## Time to resolve\n\n50 min\n\n## Summary\n\nWrites to the primary database failed.\n\n## Timeline\n\n- 2024-03-02 14:00 UTC writes began failing\n- 2024-03-02 14:20 UTC alert fired\n'
    const r = recordOf(text)
    expect(r.sections.map((s) => s.heading)).toEqual(['Summary', 'Timeline'])
    expect(r.severity).toBe('High')
    expect(r.impact.durationMinutes).toBe(45)
    expect(r.impact.end?.time).toBe('14:45')
  })

  it('keep a value heading over a sentence, or a status update under its label, as a section', () => {
    expect(headings('# Outage\n\n## Time to detect\n\nWe noticed after 5 minutes because the alert was late.\n')).toEqual(['Time to detect'])
    expect(headings('# Outage\n\n## Duration\n\nMost of the afternoon.\n')).toEqual(['Duration'])
    expect(headings('# Outage\n\n**Resolved**\nThis incident has been resolved.\nPosted Mar 03, 2024 - 18:03 UTC\n')).toEqual(['Resolved'])
  })

  it('reads a tracker reference heading (`#### Bugzilla Bug: bug 123`) as metadata', () => {
    expect(headings('# Credentials in logs\n#### Bugzilla Bug: bug 123\n\n## Background\n\nTokens were logged.\n')).toEqual(['Background'])
  })

  it('treats an empty heading that is only a date as a date line', () => {
    const r = recordOf('# Phishing\n\n## 3.4.2020\n\n## Summary\n\nA phishing mail reached staff.\n')
    expect(r.sections.map((s) => s.heading)).toEqual(['Summary'])
    expect(r.date).toBe('2020-04-03')
  })
})

describe('wrapper headings', () => {
  it('a second title over the whole document is not a section; the sections under it are', () => {
    const text =
      '---\ntitle: Cache outage\n---\n\n# Cache outage report, draft\n\nChain: main\n\n## Summary\n\nThe cache fell over.\n\n## Root cause\n\nA bad key.\n'
    expect(headings(text)).toEqual(['Summary', 'Root cause'])
  })

  it('a heading with no text of its own over named sections is not a section', () => {
    const text =
      '# Course notes\n\n## Reading\n\nRead the book.\n\n## Post-Mortem: web outage\n\n### Issue Summary\n\nThe site was down.\n\n### Root Cause\n\nA firewall rule.\n'
    expect(headings(text)).toEqual(['Reading', 'Issue Summary', 'Root Cause'])
  })

  it('an unnamed heading with text of its own stays, even over named sections', () => {
    const text = '# Outage\n\n## Summary\n\nDown.\n\n## Appendix\n\nRaw notes follow.\n\n### Timeline\n\n- 10:00 down\n\n### Impact\n\nAll users.\n'
    expect(headings(text)).toEqual(['Summary', 'Appendix', 'Timeline', 'Impact'])
  })
})

describe('plain-text and student shapes', () => {
  it('reads `#Timeline:` and `##Issue Summary:` (no space after the hashes) as headings, never a hashtag', () => {
    const text =
      '#Postmortem: search outage\n##Issue Summary:\nSearch was down for 45 minutes.\n#Timeline:\n10:15: Reports arrive.\n11:00: Hotfix deployed.\n' +
      '#Root Cause and Resolution:\nA memory leak; a hotfix.\n\n#incident #search\n'
    const r = recordOf(text)
    expect(r.sections.map((s) => [s.key, s.heading])).toEqual([
      ['summary', 'Issue Summary'],
      ['timeline', 'Timeline'],
      ['rootCause', 'Root Cause and Resolution'],
    ])
    expect(r.timeline.map((e) => e.time)).toEqual(['10:15', '11:00'])
  })

  it('keeps field lines and bold labels inside a summary as the summary’s text, not sections of their own', () => {
    const fields = recordOf(
      '# Pages fail to load\n\n## Issue Summary\n**Duration**: 10:20 - 15:00 PST\n\n**Impact**: Pages failed for most clients.\n\n**Root Cause**: Low open-file limits.\n\n' +
        '## Root Cause and Resolution\n\nThe open-file limit was too low; we raised it.\n',
    )
    expect(fields.sections.map((s) => s.heading)).toEqual(['Issue Summary', 'Root Cause and Resolution'])
    expect(fields.sections[0]!.text).toContain('Pages failed for most clients.')
    const labels = recordOf(
      '# Outage\n\n## Issue Summary\n\n**Impact:**\n\nMost users.\n\n**Root Cause:**\n\nA failover bug.\n\n## Timeline\n\n- 08:00 Alerts\n',
    )
    expect(labels.sections.map((s) => s.heading)).toEqual(['Issue Summary', 'Timeline'])
  })

  it('keeps labelled parts of other sections as their own sections', () => {
    const r = recordOf('# Outage\n\n## Root Cause and Resolution\n\n**Root Cause:** A failover bug.\n\n**Resolution:** Load moved by hand.\n')
    expect(r.sections.map((s) => s.key)).toEqual(['rootCause', 'rootCause', 'resolution'])
  })

  it('reads a `TODO:` line as a note, not an action-items section', () => {
    expect(headings('# Outage\n\n## Appendix\n\n[Discussion]\nTODO: send the email\n')).toEqual(['Appendix'])
  })
})

describe('sub-headings read with their parent', () => {
  it('a "Summary" under "Lessons Learned" belongs to the lessons; the document keeps one summary', () => {
    const r = recordOf(
      '# CI outage\n\n## Incident Summary\n\nCI jobs failed for a day.\n\n## Lessons Learned\n\n### Summary\n\nDepend on fewer outside hosts.\n\n### What went well\n\n- We mirrored the files fast.\n',
    )
    expect(r.sections.map((s) => [s.key, s.heading])).toEqual([
      ['summary', 'Incident Summary'],
      ['lessonsLearned', 'Lessons Learned'],
      ['lessonsLearned', 'Summary'],
      ['lessonsLearned', 'What went well'],
    ])
    expect(r.summary).toBe('CI jobs failed for a day.')
  })
})

describe('time headings', () => {
  it('a run of time headings outside a timeline section is keyed timeline, each update its own section', () => {
    const r = recordOf(
      '# Login outage\n\n## Update 14.04.2024 10:00 Uhr\n\nEverything works again.\n\n## Update 13.04.2024 18:00 Uhr\n\nThe restore is running.\n\n## Lessons\n\nTest restores.\n',
    )
    expect(r.sections.map((s) => [s.key, s.heading])).toEqual([
      ['timeline', 'Update 14.04.2024 10:00 Uhr'],
      ['timeline', 'Update 13.04.2024 18:00 Uhr'],
      ['lessonsLearned', 'Lessons'],
    ])
  })

  it('one lone time heading stays as written', () => {
    expect(recordOf('# Outage\n\n## Summary\n\nDown.\n\n## 13:20\n\nBack.\n').sections.map((s) => s.key)).toEqual(['summary', null])
  })
})

describe('background beside a summary', () => {
  it('a "Background" or "Context" section keeps its heading unmapped when the document has a summary of the incident', () => {
    const r = recordOf(
      '# Failover stalled\n\n## Background\n\nOur database runs on three nodes and every request reads from it.\n\n## Summary\n\nCheckout failed for 42 minutes because a failover stalled.\n\n## Context\n\nThe cluster was upgraded last month.\n',
    )
    expect(r.sections.map((s) => [s.key, s.heading])).toEqual([
      [null, 'Background'],
      ['summary', 'Summary'],
      [null, 'Context'],
    ])
    expect(r.summary).toBe('Checkout failed for 42 minutes because a failover stalled.')
  })

  it('a narrative ("What happened") is the summary over an earlier background', () => {
    const r = recordOf(
      '# Failover stalled\n\n## Background\n\nOur database runs on three nodes and every request reads from it.\n\n## What happened\n\nCheckout failed for 42 minutes because a failover stalled.\n',
    )
    expect(r.sections.map((s) => s.key)).toEqual([null, 'summary'])
    expect(r.summary).toBe('Checkout failed for 42 minutes because a failover stalled.')
  })

  it('stays the summary when it is the only one, and a bold label inside it is a section of its own', () => {
    expect(
      recordOf('# Failover stalled\n\n## Background\n\nCheckout failed for 42 minutes.\n\n## Root cause\n\nA stale slot.\n').sections.map((s) => s.key),
    ).toEqual(['summary', 'rootCause'])
    const r = recordOf(
      '# Failover stalled\n\n## Introduction\n\nWe run a small shop.\n\n**Issue Description**\n\nCheckout failed for 42 minutes after a failover stalled.\n',
    )
    expect(r.sections.map((s) => [s.key, s.heading])).toEqual([
      [null, 'Introduction'],
      ['summary', 'Issue Description'],
    ])
  })
})

describe('background in plain text', () => {
  it('a bare "Issue Description" line after a bare "Introduction" is a sibling section, not part of the introduction', () => {
    const r = recordOf(
      'Checkout outage\n\nIntroduction\n\nWe run a small shop with one database.\n\nIssue Description\n\nCheckout failed for 42 minutes after a failover stalled.\n\nRoot Cause\n\nA stale replication slot.\n',
    )
    expect(r.sections.map((s) => [s.key, s.heading, s.text])).toEqual([
      [null, 'Introduction', 'We run a small shop with one database.'],
      ['summary', 'Issue Description', 'Checkout failed for 42 minutes after a failover stalled.'],
      ['rootCause', 'Root Cause', 'A stale replication slot.'],
    ])
  })
})

describe('sub-headings of another meaning inside lessons', () => {
  it('a narrative sub-heading ("What happened") under "Lessons learned" is the narrative, not a lesson', () => {
    const r = recordOf(
      '# Cache flush\n\n## Summary\n\nErrors for 25 minutes.\n\n## Lessons learned\n\n### What went well\n\n- Alerts fired fast.\n\n### What happened\n\nAt 10:02 an operator ran the flush against production.\n',
    )
    expect(r.sections.map((s) => [s.key, s.heading])).toEqual([
      ['summary', 'Summary'],
      ['lessonsLearned', 'Lessons learned'],
      ['lessonsLearned', 'What went well'],
      ['summary', 'What happened'],
    ])
    expect(r.lessons.learned).toEqual([])
    expect(r.summary).toBe('Errors for 25 minutes.')
  })
})

describe('the heading that opens the document', () => {
  it('is the title, not a section, when only some of its words name one ("# Queue backlog" over a metadata table)', () => {
    const r = recordOf(
      '# Queue backlog\n\n| Date | 2024-07-18 |\n|---|---|\n| Authors | Ravi |\n\n## Summary\n\nA bad consumer config stopped every consumer.\n\n' +
        '## Timeline (UTC)\n\n| Time | Event |\n|---|---|\n| 14:03 | Deploy starts |\n| 14:58 | Queue drained |\n',
    )
    expect(r.title).toBe('Queue backlog')
    expect(r.sections.map((s) => s.key)).toEqual(['summary', 'timeline'])
    expect(r.timeline.map((e) => e.at)).toEqual(['2024-07-18T14:03:00+00:00', '2024-07-18T14:58:00+00:00'])
  })

  it('is a section when all its words name one, and a later H1 may be read by its main word', () => {
    const r = recordOf('# Summary\n\nThe queue stalled.\n\n# Queue backlog\n\n- Add a consumer health check\n')
    expect(r.sections.map((s) => [s.key, s.heading])).toEqual([
      ['summary', 'Summary'],
      ['actionItems', 'Queue backlog'],
    ])
  })
})
