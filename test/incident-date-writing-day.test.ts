import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const dateOf = (text: string) => normalizeDocument('d.md', text, options).record.date
const lines = (...rows: string[]) => rows.join('\n') + '\n'
const timeline = ['## Timeline', '', '- 10:00 Checkout errors start', '- 10:30 Rollback complete, checkout recovered']

describe('the day a report was written', () => {
  it('does not date the incident when the prose names its day without a year', () => {
    expect(
      dateOf(
        lines(
          '# Checkout errors',
          '',
          '*Postmortem published July 22, 2024.*',
          '',
          'Checkout failed for 30 minutes after a bad deploy on July 16.',
          '',
          ...timeline,
        ),
      ),
    ).toBe('2024-07-16')
  })

  it('yields to the impact section’s day ("Date of postmortem:", "Report date:")', () => {
    expect(
      dateOf(
        lines('# Checkout errors', '', 'Date of postmortem: 22/07/2024', '', '## Impact', '', 'On 16 July checkout failed for 30 minutes.', '', ...timeline),
      ),
    ).toBe('2024-07-16')
    expect(
      dateOf(
        lines(
          '# Checkout errors',
          '',
          'Report date: July 22, 2024',
          '',
          '## Timeline',
          '',
          '- July 16, 10:00 Checkout errors start',
          '- July 16, 10:30 Recovered',
        ),
      ),
    ).toBe('2024-07-16')
  })

  it('yields when a Date field says it is the postmortem’s', () => {
    expect(
      dateOf(
        lines(
          '# Checkout errors',
          '',
          'Date: 2024-07-22 (postmortem written)',
          '',
          '## Impact',
          '',
          'On 16 July 2024 checkout failed for 30 minutes.',
          '',
          ...timeline,
        ),
      ),
    ).toBe('2024-07-16')
  })

  it('still dates the incident when nothing else does', () => {
    expect(dateOf(lines('# Checkout errors', '', 'Written on 2024-07-22 by the platform team.', '', ...timeline))).toBe('2024-07-22')
  })
})

describe('a date in the title over a timeline that starts weeks earlier', () => {
  it('stays the incident date when an event on that day says the impact began', () => {
    const doc = lines(
      '# Chain split 2021-08-27 post mortem',
      '',
      '## Timeline',
      '',
      '- 2021-08-10: A researcher submitted a bounty report.',
      '- 2021-08-20: Released a patched version.',
      '- 2021-08-27: At 12:50 UTC, issue exploited.',
    )
    expect(dateOf(doc)).toBe('2021-08-27')
  })
  it('gives way to a start marked days before the title’s day (only the first marked start keeps a title date)', () => {
    const doc = lines(
      '# Build breakage on 2019-03-12',
      '',
      '## Timeline',
      '',
      '### 2019-03-01',
      '',
      'A breaking change is merged upstream.',
      '',
      '### 2019-03-11',
      '',
      '- **16:27** The bad release is published **<START OF OUTAGE>**',
      '- **21:36** CI starts failing on every pull request',
      '',
      '### 2019-03-12',
      '',
      '- **07:52** CI is still failing, builds break',
      '- **14:15** Fix lands. **<END OF OUTAGE>**',
    )
    expect(dateOf(doc)).toBe('2019-03-11')
  })
})
