import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const texts = (body: string): string[] =>
  normalizeDocument('a.md', `# Disk full\n\n## Summary\n\nThe disk filled up on 2024-05-01.\n\n${body}`, options).record.actionItems.map((i) => i.text)

describe('action items: the scope of the list', () => {
  it('leaves out a list of problems that a label introduces under the action heading, and keeps the fixes', () => {
    for (const [issues, fixes] of [
      ['Issues found:', 'Fixes:'],
      ['**Problems identified:**', '**Fixes:**'],
      ['**What went wrong**', '**What we will do**'],
    ])
      expect(
        texts(
          `## Action items\n\n${issues}\n\n- The failover script was untested\n- Alerts went to an unused channel\n\n${fixes}\n\n- Test the failover script monthly\n  - add a CI job\n  - document the steps\n- Route alerts to the on-call channel\n`,
        ),
        issues,
      ).toEqual(['Test the failover script monthly', 'Route alerts to the on-call channel'])
  })

  it('counts a short bold numbered item once, its sub-bullets as its details', () => {
    expect(texts('## Follow-ups\n\n1. **Rotate keys**\n   - staging\n   - production\n2. **Add disk alerts**\n   - on each host\n')).toEqual([
      'Rotate keys (staging; production)',
      'Add disk alerts (on each host)',
    ])
    // A bold group label keeps naming its group.
    expect(texts('## Follow-ups\n\n- **Short term**\n  - Rotate keys\n  - Add disk alerts\n- **Process**\n  - Review quotas monthly\n')).toEqual([
      'Rotate keys',
      'Add disk alerts',
      'Review quotas monthly',
    ])
  })

  it('reads a lone sentence under an action heading as prose, not a list (corpus-2: items are list entries, table rows or sub-sections)', () => {
    expect(texts('## Next steps\n\nWe will review the disk quotas next week.\n')).toEqual([])
    expect(texts('## Corrective and preventative measures\n\nReplace the old disk with a larger one.\n')).toEqual([])
    expect(
      texts(
        '## Corrective and preventative measures\n\nWe looked at the logs and decided to replace the old disk with a larger one as soon as the budget allows, since it keeps filling up.\n\nBased on a true story.\n',
      ),
    ).toEqual([])
    // Several one-sentence paragraphs are a list written without markers.
    expect(texts('## Next steps\n\nAdd an alert on disk usage.\n\nRotate the archive nightly.\n')).toEqual([
      'Add an alert on disk usage.',
      'Rotate the archive nightly.',
    ])
  })

  it('leaves out the done work of a resolution section, even under action-like labels, and keeps its prevention', () => {
    expect(
      texts(
        '## Resolution\n\n**Immediate Actions**:\n- Restarted the DHCP servers\n- Cleared the lease table\n\n**Permanent Fixes**:\n- Upgraded the DHCP firmware\n- Raised the lease pool size\n\n## Prevention Measures\n\n- Add an alert on lease exhaustion\n- Review the firmware monthly\n',
      ),
    ).toEqual(['Add an alert on lease exhaustion', 'Review the firmware monthly'])
  })
})

describe('action items: a labelled follow-up inside a list of another section', () => {
  it('reads a bullet that opens with a follow-up label as one item', () => {
    expect(
      texts(
        '## Updates\n\n- The DHCP servers stopped answering.\n- **Remedial Actions**: I am going to limit the lease time to one hour.\n- **Follow-up:** Add an alert on lease exhaustion.\n',
      ),
    ).toEqual(['I am going to limit the lease time to one hour.', 'Add an alert on lease exhaustion.'])
    // A label with nothing after it names no follow-up.
    expect(texts('## Updates\n\n- The DHCP servers stopped answering.\n- **Next steps**:\n')).toEqual([])
  })
})

describe('action items: a bold-labelled bullet of follow-ups among other labelled bullets', () => {
  it('reads the text after "**Remedial actions**:" before a rule as one item', () => {
    expect(
      texts('### Outage on May 1\n\n- **Actions taken**: I rebooted the server.\n- **Remedial actions**: I am going to limit the threads.\n\n---\n'),
    ).toEqual(['I am going to limit the threads.'])
    const bare =
      '# Disk full\n\n- **Affected services**: blog.\n- **Actions taken**: I rebooted it.\n- **Remedial actions**: I am going to limit the threads.\n\n---\n'
    expect(normalizeDocument('b.md', bare, options).record.actionItems.map((i) => i.text)).toEqual(['I am going to limit the threads.'])
  })

  it('reads the text after "**Remedial actions**:" as one item, and the steps taken beside it as none', () => {
    expect(
      texts(
        '### Outage on May 1\n\n- **Affected services**: blog.\n- **Actions taken**: I rebooted the server.\n- **Remedial actions**: I am going to limit the threads. If it happens again I will move it.\n',
      ),
    ).toEqual(['I am going to limit the threads. If it happens again I will move it.'])
  })
})
