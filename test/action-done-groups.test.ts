import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { doneGroup, groupStatus } from '../src/normalize/actions/action-groups.js'
import { normalizeDocument } from '../src/normalize/index.js'
import type { ActionItem } from '../src/types.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const items = (body: string): ActionItem[] => normalizeDocument('a.md', `# Queue stall on 2024-05-01\n\n${body}`, options).record.actionItems
const states = (body: string): [string, boolean | null, string | undefined][] => items(body).map((i) => [i.text, i.done, i.status])

describe('action items: a label that says its items are done', () => {
  it('marks the items under "Immediate Actions (Completed)" done, and those under "(In Progress - issue 12)" in progress', () => {
    const body =
      '## Follow-up\n\n### Immediate Actions (Completed)\n\n- Move timeouts to runtime configuration\n- Raise the timeout values\n\n### Short-term Improvements (In Progress - issue 12)\n\n- Add a pool alert\n\n### Long-term\n\n- Rewrite the queue\n'
    expect(states(body)).toEqual([
      ['Move timeouts to runtime configuration', true, 'done'],
      ['Raise the timeout values', true, 'done'],
      ['Add a pool alert', false, 'in-progress'],
      ['Rewrite the queue', null, undefined],
    ])
  })

  it('marks the items under "Completed actions", "Already done" and "Actions [DONE]" done', () => {
    for (const label of ['Completed actions', 'Already done', 'Actions [DONE]', 'Cleanup — done'])
      expect(items(`## Action items\n\n### ${label}\n\n- Raise the timeout values\n- Add a pool alert\n`).map((i) => i.done)).toEqual([true, true])
  })

  it('marks the items of a section headed "Action items (Completed)" done', () => {
    expect(items('## Action items (Completed)\n\n- Raise the timeout values\n- Add a pool alert\n').map((i) => i.done)).toEqual([true, true])
  })

  it('reads a status only from a trailing bracket or dash, never from words inside the label', () => {
    expect(doneGroup('Immediate Actions (Completed)')).toBe(true)
    expect(doneGroup('Work (planned)')).toBe(false)
    expect(doneGroup('Fix the done flag (see issue 4)')).toBe(null)
    expect(doneGroup('Things we fixed')).toBe(null)
    expect(groupStatus('Short-term (In Progress - issue 12)', { kind: null, done: null })).toEqual({ done: false, word: 'In Progress' })
  })
})
