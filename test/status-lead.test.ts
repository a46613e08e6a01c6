import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }

function record(markdown: string) {
  return normalizeDocument('x.md', markdown, options).record
}

describe('status updates whose state and stamp open a line, the words below', () => {
  const updates = [
    '# Elevated API latency',
    '',
    '## Updates',
    '',
    '**Resolved - Aug 28, 14:20 UTC**',
    'The fix has been deployed and latency is back to normal.',
    '',
    '**Monitoring - Aug 28, 09:00 UTC**',
    'We are monitoring the fix.',
    '',
    '**Update – 27 Aug 2022 10:00 UTC**',
    'We have identified the cause.',
    '',
    '**Investigating - Aug 27, 08:15 UTC**',
    'We are investigating elevated latency.',
  ].join('\n')

  it('reads every update, newest first, with the state before its words', () => {
    expect(record(updates).timeline.map((e) => `${e.at} ${e.text}`)).toEqual([
      '2022-08-28T14:20:00+00:00 Resolved - The fix has been deployed and latency is back to normal.',
      '2022-08-28T09:00:00+00:00 Monitoring - We are monitoring the fix.',
      '2022-08-27T10:00:00+00:00 We have identified the cause.',
      '2022-08-27T08:15:00+00:00 Investigating - We are investigating elevated latency.',
    ])
  })

  it('dates the incident by its first update, under a Timeline heading too', () => {
    expect(record(updates).date).toBe('2022-08-27')
    expect(record(updates.replace('## Updates', '## Timeline')).date).toBe('2022-08-27')
  })

  it('dates a status page whose updates are the prose by the earliest one', () => {
    const page = [
      '# Elevated API latency',
      '',
      'Resolved - This incident has been resolved.',
      'Aug 28, 2022 - 14:20 UTC',
      '',
      'Monitoring - We are monitoring the fix.',
      'Aug 28, 2022 - 09:00 UTC',
      '',
      'Investigating - We are investigating elevated latency.',
      'Aug 27, 2022 - 08:15 UTC',
    ].join('\n')
    expect(record(page).date).toBe('2022-08-27')
  })

  it('drops an `Update <date> <time>:` lead from a prose update', () => {
    const md =
      '# Latency\n\nSome text.\n\nUpdate 28.08.2022 14:20 UTC: The problem is fixed.\n\nUpdate 27.08.2022 10:00 UTC: Cause found and a fix is underway.\n'
    expect(record(md).timeline.map((e) => e.text)).toEqual(['The problem is fixed.', 'Cause found and a fix is underway.'])
  })
})
