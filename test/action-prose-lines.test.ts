import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { narrates } from '../src/normalize/actions/narrative-lines.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const texts = (body: string): string[] => normalizeDocument('a.md', `# Deploy outage on 2024-05-01\n\n${body}`, options).record.actionItems.map((i) => i.text)

describe('action items: a paragraph of narrative lines is prose', () => {
  it('reads no items from one sentence per line of narrative under a measures heading', () => {
    const body =
      '## Corrective and Preventative Measures\n\nGoing forward the team will rebuild the deploy pipeline.\nThe ideal pattern would be one with quick failover.\nMost importantly we aim at five nines for the site.\nOur engineers are working on these patterns now.\n'
    expect(texts(body)).toEqual([])
  })

  it('reads no items from a hard-wrapped paragraph whose lines break mid-sentence', () => {
    const body =
      '## How will we do better?\n\nWe want a release process that is safer for the\nSite and gives quick failover, and the\nTeam is looking at options for this.\n'
    expect(texts(body)).toEqual([])
  })

  it('still reads one imperative or commitment per line, and a wrapped paragraph of commitments per sentence', () => {
    expect(texts('## Action items\n\nDeploy a standby database.\nEnhance replication checks.\nWe will page the on-call for disk alerts.\n')).toEqual([
      'Deploy a standby database.',
      'Enhance replication checks.',
      'We will page the on-call for disk alerts.',
    ])
    expect(texts('## Next steps\n\nWe will add a canary stage to the\nDeploy pipeline. We will also alert on checkout errors above one\npercent.\n')).toEqual([
      'We will add a canary stage to the Deploy pipeline.',
      'We will also alert on checkout errors above one percent.',
    ])
  })

  it('does not take a regret about the past ("we should have …") as a proposal', () => {
    const body =
      '## How will we do better in the future?\n\nIt was a bad idea to ship so many changes at once. The refactor held many changes, which we should have deployed alone.\n\nIt would have been a good idea to test every class. That means we need to improve our test suite.\n'
    expect(texts(body)).toEqual([])
  })
})

describe('narrates', () => {
  it('tells a clause with its own subject from an imperative or a noun phrase', () => {
    expect(narrates('The ideal pattern would be one with quick failover.')).toBe(true)
    expect(narrates('Most importantly we aim at five nines for the site.')).toBe(true)
    expect(narrates('Our engineers are working on these patterns now.')).toBe(true)
    expect(narrates('Deploy a standby database.')).toBe(false)
    expect(narrates('Ensure alerting is routed to the on-call.')).toBe(false)
    expect(narrates('Add an alert when the queue is full.')).toBe(false)
    expect(narrates('Better monitoring of the disks')).toBe(false)
    expect(narrates('We will page the on-call for disk alerts.')).toBe(false)
    expect(narrates('Enhance monitoring: Add memory alerts.')).toBe(false)
  })
})
