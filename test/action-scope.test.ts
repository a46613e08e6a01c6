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
