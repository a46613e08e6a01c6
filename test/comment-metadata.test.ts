import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { normalizeDocument } from '../src/normalize/index.js'
import { readUnfencedMatter } from '../src/normalize/front-matter/unfenced.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const recordOf = (text: string) => normalizeDocument('m.md', text, options).record

describe('metadata in a Nikola comment block or a Pelican header', () => {
  it('reads a Nikola `<!-- .. title: … .. date: … -->` block as metadata, not as a comment to skip', () => {
    const record = recordOf(
      '<!--\n.. title: Cache outage on March 4\n.. slug: cache-outage\n.. date: 2024-03-04 10:00:00 UTC\n.. tags: outage, cache\n-->\n\nThe cache cluster failed at 10:00 UTC.\n\n## Timeline\n\n- 10:00 alerts fired\n- 10:20 cache restarted\n',
    )
    expect(record.title).toBe('Cache outage on March 4')
    expect(record.date).toBe('2024-03-04')
    expect(record.summary).toBe('The cache cluster failed at 10:00 UTC.')
  })

  it('leaves an ordinary leading comment alone', () => {
    const record = recordOf('<!-- draft, do not publish -->\n\n# Cache outage\n\nThe cache failed on 2024-03-04.\n')
    expect(record.title).toBe('Cache outage')
  })

  it('reads a Pelican `Title: …` header block as metadata, its tags too', () => {
    const record = recordOf(
      'Title: Cache outage on March 4\nDate: 2024-03-04 10:00\nCategory: incidents\nTags: outage, cache\n\nThe cache cluster failed at 10:00 UTC.\n',
    )
    expect(record.title).toBe('Cache outage on March 4')
    expect(record.date).toBe('2024-03-04')
    expect(record.tags).toEqual(expect.arrayContaining(['outage', 'cache']))
  })

  it('keeps a front-matter title over a bold first body line', () => {
    const record = recordOf(
      '---\ntitle: Cache outage on March 4\ndate: 2024-03-04\n---\n\n**Cache cluster post-incident review**\n\nThe cache cluster failed.\n',
    )
    expect(record.title).toBe('Cache outage on March 4')
  })
})

describe('unfenced metadata lines cost', () => {
  it('reads a key line with a long run of spaces inside its value in linear time (a lazy value before trailing spaces was quadratic: 1.2 s at 20,000)', () => {
    const known = new Set(['title', 'date', 'slug'])
    const spaces = ' '.repeat(20_000)
    const started = performance.now()
    readUnfencedMatter([`Title: a${spaces}b`], known)
    readUnfencedMatter(['<!--', `.. title: a${spaces}b`], known)
    expect(performance.now() - started).toBeLessThan(300)
    expect(readUnfencedMatter(['title: Cache outage   ', 'slug: cache', 'date: 2024-03-04', ''], known)?.data).toEqual({
      title: 'Cache outage',
      slug: 'cache',
      date: '2024-03-04',
    })
    expect(readUnfencedMatter(['<!--', '.. title: Cache outage \t', '.. date: 2024-03-04', '-->'], known)?.data).toEqual({
      title: 'Cache outage',
      date: '2024-03-04',
    })
  })
})
