import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'
import type { ActionItem } from '../src/types.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const items = (text: string): ActionItem[] => normalizeDocument('a.md', text, options).record.actionItems
const md = (body: string): ActionItem[] => items(`# Cache stampede on 2023-11-08\n\n${body}`)
const plain = (body: string): ActionItem[] => items(`Cache stampede\n\nDate: 2023-11-08\n\nSummary\nThe cache emptied and the database fell over.\n\n${body}`)
const texts = (found: ActionItem[]): string[] => found.map((i) => i.text)

describe('action items: a closing remark is not an item', () => {
  it('drops a trailing promise to keep watching, after one-sentence paragraphs or lines', () => {
    expect(texts(md('## Action items\n\nWarm the cache before a deploy.\n\nCap the reload rate per key.\n\nWe will keep monitoring this.\n'))).toEqual([
      'Warm the cache before a deploy.',
      'Cap the reload rate per key.',
    ])
    expect(
      texts(plain('Action items\n\nWarm the cache before a deploy.\n\nCap the reload rate per key.\n\nWe will continue to monitor the cluster.\n')),
    ).toEqual(['Warm the cache before a deploy.', 'Cap the reload rate per key.'])
    expect(texts(md('## Action items\n\nWarm the cache before a deploy.\nCap the reload rate per key.\nWe will keep an eye on the hit ratio.\n'))).toEqual([
      'Warm the cache before a deploy.',
      'Cap the reload rate per key.',
    ])
  })

  it('drops thanks that Markdown ran into the last list item', () => {
    expect(texts(md('## Next steps\n\n- Warm the cache before a deploy\n- Cap the reload rate per key\nThanks to everyone who jumped in.\n'))).toEqual([
      'Warm the cache before a deploy',
      'Cap the reload rate per key',
    ])
  })

  it('keeps a promise that names a change', () => {
    expect(texts(md('## Action items\n\nWe will add a reload limiter.\n\nWe will page the on-call for cache misses.\n'))).toEqual([
      'We will add a reload limiter.',
      'We will page the on-call for cache misses.',
    ])
  })
})

describe('action items: lines of one paragraph', () => {
  it('reads pseudo-bullets on hard-broken lines of one paragraph as one item each', () => {
    expect(texts(md('## Action items\n\nWe will do the following:  \n•  Warm the cache before a deploy  \n•  Cap the reload rate per key\n'))).toEqual([
      'Warm the cache before a deploy',
      'Cap the reload rate per key',
    ])
  })

  it('reads Japanese "・" bullets without a space and caseless lines as items', () => {
    expect(texts(md('## 今後の対応\n\n・キャッシュを事前に温める\n・再読み込みの速度を制限する\n'))).toEqual([
      'キャッシュを事前に温める',
      '再読み込みの速度を制限する',
    ])
    expect(texts(md('## 対策\n\nキャッシュを事前に温めます。\n再読み込みの速度を制限します。\n'))).toEqual([
      'キャッシュを事前に温めます。',
      '再読み込みの速度を制限します。',
    ])
  })

  it('reads German, French and Spanish promises as items, two or more (a lone sentence is prose)', () => {
    expect(texts(md('## Maßnahmen\n\nWir werden den Cache vor jedem Deployment vorwärmen. Wir werden Fehler melden.\n'))).toEqual([
      'Wir werden den Cache vor jedem Deployment vorwärmen.',
      'Wir werden Fehler melden.',
    ])
    expect(texts(md('## Actions correctives\n\nNous allons limiter le rechargement par clé. Nous allons alerter sur les échecs.\n'))).toHaveLength(2)
    expect(texts(md('## Acciones\n\nVamos a limitar la recarga por clave.\n'))).toEqual([])
  })
})

describe('action items: group labels in plain text', () => {
  it('gives a list the kind its paragraph label names ("Short term:")', () => {
    const found = md('## Action items\n\nShort term:\n\n- Warm the cache\n\nLong term:\n\n- Replace the reload path\n')
    expect(found.map((i) => [i.text, i.kind])).toEqual([
      ['Warm the cache', 'short-term'],
      ['Replace the reload path', 'long-term'],
    ])
  })

  it('reads a label Markdown ran into the item above as the kind of the items after it', () => {
    const found = plain('Action items\nShort term:\n- Warm the cache\n- Cap the reload rate\nLong term:\n- Replace the reload path\n')
    expect(found.map((i) => [i.text, i.kind])).toEqual([
      ['Warm the cache', 'short-term'],
      ['Cap the reload rate', 'short-term'],
      ['Replace the reload path', 'long-term'],
    ])
  })
})

describe('action items: lead-ins, labels and sections that name follow-ups', () => {
  it('reads lines of a short label and its description as items even when the descriptions narrate', () => {
    const body =
      'Corrective and preventative measures\nReload limiter: We added a limiter so one key reloads at a time.\nWarm-up job: We now warm the cache before each deploy.\nPaging revamp! We are paging the on-call for cache misses.\n'
    expect(texts(plain(body))).toHaveLength(3)
    // Narration without labels stays prose.
    expect(
      texts(plain('Corrective and preventative measures\nWe added a limiter so one key reloads at a time.\nThe cache is warmed before each deploy.\n')),
    ).toEqual([])
  })

  it('reads the list after a lead-in that names changes made or planned to prevent a recurrence', () => {
    const body =
      'The cache emptied and the database fell over.\n\nTo keep this from happening again, we have made some changes:\n\n1. A reload limiter has been added.\n2. The cache is now warmed before each deploy.\n'
    expect(texts(md(body))).toEqual(['A reload limiter has been added.', 'The cache is now warmed before each deploy.'])
    // A list after a lead-in that names no follow-ups is no action list.
    expect(texts(md('The cache emptied.\n\nEarlier that week we had made some changes:\n\n1. Reloads spiked.\n2. Misses doubled.\n'))).toEqual([])
  })

  it('reads the one sentence under "Actions already taken" before the planned ones as a done item', () => {
    const found = md('## Actions already taken\nWe have added a reload limiter to the cache client.\n\n## Plan\n1) Warm the cache before each deploy.\n')
    expect(found.map((i) => [i.text, i.done])).toEqual([
      ['We have added a reload limiter to the cache client.', true],
      ['Warm the cache before each deploy.', null],
    ])
  })

  it('reads "Future mitigations" and "What is being done about this?" as action-item sections', () => {
    expect(texts(md('## Future mitigations and product improvements\n\n- Improved load tests with cache faults\n- A reload limiter\n'))).toEqual([
      'Improved load tests with cache faults',
      'A reload limiter',
    ])
    expect(
      texts(
        md(
          '## What is being done about this?\n\nWe will add a reload limiter to the cache client. It will cap reloads per key.\n\nWe will also page the on-call for cache misses.\n',
        ),
      ),
    ).toHaveLength(2)
  })
})

describe('action items: sections named for improvement or remediation', () => {
  it('reads the changes under "Areas for improvement", in Markdown or plain text, but not its findings', () => {
    expect(texts(md('## Areas for improvement\n\n- Warm the cache before a deploy.\n- Cap the reload rate per key.\n'))).toHaveLength(2)
    expect(texts(plain('Areas for improvement\n1) Warm the cache before a deploy.\n2) Cap the reload rate per key.\n'))).toHaveLength(2)
    expect(
      texts(md('## Areas for improvement\n\n- Escalation took too long.\n- Our alerting did not catch the spike.\n- The runbook was out of date.\n')),
    ).toEqual([])
  })

  it('reads the changes under a bare "Remediation" heading, but not the steps taken', () => {
    expect(texts(plain('Remediation\n1. Warm the cache before a deploy.\n2. Cap the reload rate per key.\n'))).toHaveLength(2)
    expect(texts(md('## Remediation\n\n- Rolled back the deploy.\n- We restarted the cache nodes.\n- The backlog was drained by 10:40.\n'))).toEqual([])
    expect(texts(md('## Remediation\n\nWe restarted the cache nodes and the site recovered at 10:40.\n'))).toEqual([])
  })
})

describe('action items: more layouts', () => {
  it('reads indented lines after a lead-in that announces steps to prevent a recurrence', () => {
    const body =
      'We are taking the following steps to prevent similar outages in the future:\n\n    Adding a reload limiter\n    Warming the cache before each deploy\n'
    expect(texts(plain(body))).toEqual(['Adding a reload limiter', 'Warming the cache before each deploy'])
  })

  it('reads sibling sections named only by a status after the action items, in that status', () => {
    const found = md('## To do\n\n- [ ] Warm the cache\n\n## In progress\n\n- Cap the reload rate\n\n## Done\n\n- [x] Restart the cache nodes\n')
    expect(found.map((i) => [i.text, i.status])).toEqual([
      ['Warm the cache', 'open'],
      ['Cap the reload rate', 'in-progress'],
      ['Restart the cache nodes', 'done'],
    ])
    // Alone, a "Done" section is not an action list.
    expect(texts(md('## Summary\n\nThe cache emptied.\n\n## Done\n\n- Restarted the cache nodes\n'))).toEqual([])
  })
})

describe('action items: checklists under numbered sub-headings', () => {
  it('reads the checkboxes as the items, the sub-heading as their kind and, when it says so, their status', () => {
    const found = md(
      '## Follow-ups\n\n### 1. Near-Term (Done)\n\n* [x] Pin the cache client version\n* [x] Page on eviction spikes\n\n### 2. Long-Term\n\n* [ ] Shard the cache by tenant\n* [x] Document the warm-up\n\n#### 3.1 Immediate\n\n* [ ] Lower the key TTL\n',
    )
    expect(found.map((i) => [i.text, i.kind, i.done])).toEqual([
      ['Pin the cache client version', 'short-term', true],
      ['Page on eviction spikes', 'short-term', true],
      ['Shard the cache by tenant', 'long-term', false],
      ['Document the warm-up', 'long-term', true],
      ['Lower the key TTL', 'immediate', false],
    ])
  })

  it('strips a dotted number from a sub-heading that is an item', () => {
    expect(texts(md('## Action items\n\n### 4.1 Rotate the cache keys\n\nOwner: Ana\n\n### 4.2 Add a reload limiter\n\nOwner: Bo\n'))).toEqual([
      'Rotate the cache keys',
      'Add a reload limiter',
    ])
  })
})

describe('action items: a later section of enhancements', () => {
  it('reads a separate "Preventive Enhancements" section as more items', () => {
    expect(
      texts(
        md(
          '## Action items\n\n- Warm the cache before a deploy\n\n## Lessons learned\n\nCaches need owners.\n\n## Preventive Enhancements\n\n- Cap the reload rate per key\n',
        ),
      ),
    ).toEqual(['Warm the cache before a deploy', 'Cap the reload rate per key'])
  })
})
