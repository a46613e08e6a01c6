import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const record = (front: string): ReturnType<typeof normalizeDocument>['record'] =>
  normalizeDocument('post.md', `---\ntitle: Cache outage\n${front}\n---\n\nThe cache failed at 10:00 UTC and recovered at 10:30 UTC.\n`, options).record

describe('publication dates under the names other site generators give them', () => {
  it.each([
    ['pubDate: 2024-03-09', '2024-03-09'],
    ['publishDate: "2024-03-09T08:00:00Z"', '2024-03-09'],
    ['publishedAt: March 9, 2024', '2024-03-09'],
    ['timestamp: 2024-03-09 01:30:00 -0500', '2024-03-09'],
    ['published: 2024-03-09', '2024-03-09'],
  ])('%s dates the postmortem and its incident, with no unknown-key warning', (front, day) => {
    const { date, published, diagnostics } = record(front)
    expect([date, published]).toEqual([day, day])
    expect(diagnostics.map((d) => d.ruleId)).not.toContain('front-matter-unknown-key')
  })

  it('prefers date over the other names, and a draft flag is no date', () => {
    expect(record('date: 2024-03-10\npubDate: 2024-03-09').published).toBe('2024-03-10')
    expect(record('published: false').published).toBeNull()
  })
})
