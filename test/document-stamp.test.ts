import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const record = (text: string): ReturnType<typeof normalizeDocument>['record'] => normalizeDocument('r.md', text, options).record

describe('a line that stamps the report itself', () => {
  it('is no timeline event and no impact start, in the languages read', () => {
    for (const label of ['Last updated:', 'Generated:', 'Report date:', '**Zeitstempel:**', 'タイムスタンプ:', '最后更新：']) {
      const r = record(`${label} 2026-02-10T12:48:45+09:00\n\n# Wrong account merged a PR\n\n## Facts\n\n- A bot account merged the change.\n`)
      expect([label, r.timeline.length, r.impact.start]).toEqual([label, 0, null])
    }
  })

  it('leaves the events the prose tells, and a list of labelled clock times without the stamp', () => {
    const prose = record(
      'Report generated: 2024-05-02 09:00 UTC\n\n# Queue stalled\n\nOn 2024-05-01 at 14:05 UTC the deploy started and at 14:20 UTC the queue stalled.\n',
    )
    expect(prose.timeline.map((e) => e.time)).toEqual(['14:05', '14:20'])
    expect(prose.impact.start?.time).toBe('14:05')
    const fields = record('# Site down\n\nDate: 2024-05-01\n\n- Down: 15:21 UTC\n- Up: 15:38 UTC\n- Last updated: 18:00 UTC\n')
    expect(fields.timeline.map((e) => [e.time, e.text])).toEqual([
      ['15:21', 'Down'],
      ['15:38', 'Up'],
    ])
  })

  it('stays an event when words follow the stamp', () => {
    const r = record('# Backup failed\n\nReport date: 2024-05-02 10:00 UTC, when the nightly backup failed to start.\n')
    expect(r.timeline.map((e) => e.time)).toEqual(['10:00'])
  })
})
