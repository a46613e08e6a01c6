/** The Atom writer (`site/atom-xml.ts`) gives the bytes the `feed` package gave for every field Hindsight sets. */
import { Feed } from 'feed'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config.js'
import { atomEntry, atomXml, type AtomEntry, type AtomHead } from '../src/site/atom-xml.js'
import { atomFeed } from '../src/site/feeds.js'
import { makeRecord } from './helpers/record.js'

/** The same feed through the `feed` package, as Hindsight called it before. */
function byPackage(head: AtomHead, entries: AtomEntry[]): string {
  const feed = new Feed({
    title: head.title,
    description: head.subtitle,
    id: head.id,
    link: head.link,
    updated: head.updated,
    feedLinks: { atom: head.self },
    generator: head.generator,
    author: { name: head.author },
    copyright: '',
  })
  for (const e of entries) {
    feed.addItem({
      title: e.title,
      id: e.id,
      link: e.link,
      date: e.updated,
      ...(e.published ? { published: e.published } : {}),
      description: e.summary,
      content: e.content,
      author: e.authors.map((name) => ({ name })),
      category: e.categories.map((term) => ({ term })),
    })
  }
  return feed.atom1()
}

const head: AtomHead = {
  id: 'urn:hindsight:home',
  title: 'Outages & <friends> &amp; co',
  updated: new Date('2024-05-06T00:00:00Z'),
  generator: 'Hindsight & co',
  author: 'Ops "team" <ops>',
  link: 'https://x.example/a b/?q=1&r=<2>',
  self: 'https://x.example/feed.xml?x="y"',
}

const entry: AtomEntry = {
  title: 'Two ]]> in ]]> one title &amp; <b>',
  id: 'urn:hindsight:evil/',
  link: 'https://x.example/évil/?a=1&b=2',
  updated: new Date('2024-05-06T00:00:00Z'),
  published: new Date('2024-05-05T00:00:00Z'),
  summary: 'A summary ]]> with <p> & more',
  content: '<p>Card &amp; ]]></p>',
  authors: ['Ana <ana@x>', 'Bo & "Cy"', ''],
  categories: ['dns', 'a&b', 'q"t'],
}

describe('atomXml', () => {
  it('writes the bytes the feed package wrote, escapes, CDATA splits, URL normalization and empty values included', () => {
    const bare: AtomEntry = { title: '', id: 'https://x.example/b/', link: 'https://x.example/b/', updated: new Date(0), authors: [], categories: [] }
    for (const [h, es] of [
      [head, [entry, bare]],
      [{ ...head, subtitle: 'What broke & why' }, [bare]],
      [{ ...head, title: '', author: '' }, []],
    ] as Array<[AtomHead, AtomEntry[]]>) {
      expect(atomXml(h, es.map(atomEntry))).toBe(byPackage(h, es))
    }
  })

  it('gives the same feed when a record is an entry of several feeds (its entry text is reused) and when it is undated', () => {
    const config = loadConfig('/tmp', { url: 'https://x.example' })
    const dated = makeRecord({ slug: 'a', date: '2024-01-02', summary: 'First.', tags: ['dns'], authors: ['Ana'] })
    const undated = makeRecord({ slug: 'b', date: null, summary: 'Second.' })
    const newer = makeRecord({ slug: 'c', date: '2024-03-04' })
    const first = atomFeed({ title: 'All', path: 'feed.xml', page: '', records: [dated, undated] }, config)
    const again = atomFeed({ title: 'DNS', path: 'tags/dns/feed.xml', page: 'tags/dns/', records: [newer, dated, undated] }, config)
    expect(first).toContain('<updated>2024-01-02T00:00:00.000Z</updated>\n        <summary type="html"><![CDATA[First.]]>')
    // The undated entry takes each feed's newest day, not the first feed's.
    expect(again.match(/<updated>2024-03-04T00:00:00.000Z<\/updated>/g)).toHaveLength(3)
    expect(again).toContain(first.slice(first.indexOf('<entry>'), first.indexOf('</entry>')))
  })
})
