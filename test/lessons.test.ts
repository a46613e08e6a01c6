import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'
import type { Lessons } from '../src/types.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const lessons = (body: string): Lessons => normalizeDocument('a.md', `# Disk full on 2024-05-01\n\n${body}`, options).record.lessons

describe('lessons', () => {
  it('keeps a flat "Lessons learned" list as learned lessons, without the line that introduces it', () => {
    const body = '## Lessons learned\n\nWe took away three things:\n\n- Alert on disk usage, not on errors.\n- Rehearse the restore.\n'
    expect(lessons(body)).toEqual({ wentWell: [], wentWrong: [], gotLucky: [], learned: ['Alert on disk usage, not on errors.', 'Rehearse the restore.'] })
  })

  it('sorts lessons under went-well / went-wrong / lucky sub-headings into their lists, and the intro list into learned', () => {
    const body = [
      '## Lessons learned',
      '- Small deploys are easier to undo.',
      '### What went well',
      '- The alert fired in a minute.',
      '### What went wrong',
      '- The runbook was out of date.',
      '### Where we got lucky',
      '- It happened on a quiet night.',
    ].join('\n\n')
    expect(lessons(body)).toEqual({
      wentWell: ['The alert fired in a minute.'],
      wentWrong: ['The runbook was out of date.'],
      gotLucky: ['It happened on a quiet night.'],
      learned: ['Small deploys are easier to undo.'],
    })
  })

  it('takes prose paragraphs under a known lessons heading, but only list items under a heading read from its words', () => {
    expect(lessons('## Lessons\n\nBackups need a tested restore.\n').learned).toEqual(['Backups need a tested restore.'])
    expect(lessons('## Our reflection\n\nThe night was calm and the team was small.\n').learned).toEqual([])
    expect(lessons('## Our reflection\n\n- Restores were never tested.\n').learned).toEqual(['Restores were never tested.'])
  })

  it('reads each topic sub-section of a lessons section as one lesson (heading and first sentence; a listed topic gives its items), never the intro about the section', () => {
    const body = [
      '## Lessons learned',
      'In this section we outline the lessons learned from the outage.',
      '### Disclosure decision',
      'We announced the fix before it shipped. That gave attackers a head start.',
      '#### A detail of it',
      'Not a lesson of its own.',
      '### On optimistic reviews',
      '- Small changes were waved through.',
      '### Action items',
      '- Add an alert.',
    ].join('\n\n')
    expect(lessons(body).learned).toEqual(['Disclosure decision: We announced the fix before it shipped.', 'Small changes were waved through.'])
  })

  it('reads a lessons table row by row (its first filled cell), skipping placeholder rows, and a "Potential learnings" list', () => {
    const table = '## Learnings and Risks\n\n| Summary | Details |\n| --- | --- |\n| Alerts were noisy | A real alert was lost among false ones. |\n| … | … |\n'
    expect(lessons(table).learned).toEqual(['Alerts were noisy'])
    expect(lessons('## Potential learnings\n\n- Warm spares shorten recovery.\n').learned).toEqual(['Warm spares shorten recovery.'])
  })

  it('leaves out a sentence that counts the lessons instead of stating one, keeps one stated after a colon', () => {
    const body =
      '## What did we learn?\n\nWe learned a few things about our token system.\n\nThere were three takeaways.\n\nWe learned two things: tokens must be per service.\n\n- We used the same token across CI services.\n'
    expect(lessons(body).learned).toEqual(['We learned two things: tokens must be per service.', 'We used the same token across CI services.'])
  })

  it('gives four empty lists when nothing is about lessons', () => {
    expect(lessons('## Summary\n\nThe disk filled up.\n')).toEqual({ wentWell: [], wentWrong: [], gotLucky: [], learned: [] })
  })
})
