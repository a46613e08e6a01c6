/** Full-content Atom feeds (summary and card in `<content>`, escaped, valid XML, no script) and a feed per year. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { build } from '../src/build.js'
import { loadConfig } from '../src/config.js'
import { atomFeed } from '../src/site/feeds.js'
import { feedContent } from '../src/site/feed-content.js'
import { projectsForThisFile } from './build-helpers.js'
import { makeRecord } from './helpers/record.js'

const hostile = makeRecord({
  slug: 'evil',
  title: 'Evil <script>alert(1)</script> ]]> title',
  summary: 'Summary with <img src=x onerror=alert(1)> & "quotes" ]]> end.',
  date: '2024-05-06',
  durationMinutes: 90,
  impact: { start: null, end: null, durationMinutes: 90, source: 'stated' },
  severity: 'SEV1',
  site: ['pay<ments>'],
  tags: ['dns'],
  derivedTags: ['network'],
  derivedCauses: ['dns'],
  authors: ['Ana <ana@x>'],
  metrics: {
    detected: null,
    mitigated: null,
    resolved: null,
    timeToDetectMinutes: 5,
    timeToMitigateMinutes: null,
    timeToResolveMinutes: 90,
    timelineSpanMinutes: null,
  },
})

describe('feedContent', () => {
  it('shows the summary and the card, every value escaped, with a link to the page', () => {
    const html = feedContent(hostile, 'https://x.example/evil/')
    expect(html).toContain('<p>Summary with &lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot; ]]&gt; end.</p>')
    expect(html).toContain('<dt>Impact</dt><dd>1 h 30 min (stated)</dd>')
    expect(html).toContain('<dt>Severity</dt><dd>SEV1</dd>')
    expect(html).toContain('<dt>Site</dt><dd>pay&lt;ments&gt;</dd>')
    expect(html).toContain('<dt>Tags</dt><dd>dns, network (suggested)</dd>')
    expect(html).toContain('<dt>Cause category</dt><dd>DNS (derived)</dd>')
    expect(html).toContain('<dt>Detected after</dt><dd>5 min</dd>')
    expect(html).toContain('<dt>Authors</dt><dd>Ana &lt;ana@x&gt;</dd>')
    expect(html).toContain('<a href="https://x.example/evil/">Read the postmortem</a>')
    expect(html).not.toMatch(/<(script|img)\b/i)
  })
})

describe('atomFeed', () => {
  it('puts the full content in <content type="html">, as well-formed XML a reader decodes back to the escaped card', () => {
    const config = loadConfig('/tmp', { url: 'https://x.example' })
    const xml = atomFeed({ title: 'All', path: 'feed.xml', page: '', records: [hostile], archiveDay: null }, config)
    expect(XMLValidator.validate(xml)).toBe(true)
    const entry = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml).feed.entry
    expect(entry.content['@type']).toBe('html')
    const content = String(entry.content['#text'] ?? entry.content)
    expect(content).toContain('<dt>Cause category</dt><dd>DNS (derived)</dd>')
    expect(content).not.toMatch(/<(script|img)\b/i)
    expect(xml).not.toContain('1970-01-01')
  })
})

const project = projectsForThisFile()

describe('a feed per year', () => {
  it('is written for each year, lists only that year, and the year page links it (and announces it for discovery)', async () => {
    const p = project(0)
    mkdirSync(p.config.contentDir, { recursive: true })
    writeFileSync(path.join(p.config.contentDir, 'a.md'), '# Disk full\n\nDate: 2023-02-03\n\nThe disk filled up.\n')
    writeFileSync(path.join(p.config.contentDir, 'b.md'), '# DNS down\n\nDate: 2024-04-05\n\nNames stopped resolving.\n')
    await build(p.config)
    const read = (rel: string) => readFileSync(path.join(p.config.outDir, rel), 'utf8')
    const feed = read('years/2024/feed.xml')
    expect(XMLValidator.validate(feed)).toBe(true)
    expect(feed).toContain('DNS down')
    expect(feed).not.toContain('Disk full')
    expect(feed).toContain('<content type="html">')
    expect(feed).not.toContain('1970-01-01')
    const page = read('years/2024/index.html')
    expect(page).toContain('<a href="/years/2024/feed.xml">Atom feed</a>')
    expect(page).toContain('<link rel="alternate" type="application/atom+xml" title="Year: 2024" href="/years/2024/feed.xml">')
    expect(read('years/2023/feed.xml')).toContain('Disk full')
    expect(read('years/index.html')).toContain('href="/years/2024/feed.xml"')
  })
})

describe('a feed whose postmortems are all undated', () => {
  it('dates them by the archive, never by the day of the build, so the same archive gives the same feed on any day', async () => {
    const p = project(0)
    mkdirSync(p.config.contentDir, { recursive: true })
    writeFileSync(path.join(p.config.contentDir, 'a.md'), '---\nsite: lab\n---\n# Disk full\n\nThe disk filled up at 10:00 and was cleared at 10:30.\n')
    writeFileSync(path.join(p.config.contentDir, 'b.md'), '---\nsite: lab\n---\n# Cache cold\n\nThe cache emptied at 09:00 and was warm at 09:20.\n')
    writeFileSync(path.join(p.config.contentDir, 'c.md'), '---\nsite: edge\n---\n# DNS down\n\nDate: 2024-04-05\n\nNames stopped resolving.\n')
    await build(p.config)
    const feed = readFileSync(path.join(p.config.outDir, 'sites/lab/feed.xml'), 'utf8')
    expect(feed).toContain('Disk full')
    expect(feed).toContain('<updated>2024-04-05T00:00:00.000Z</updated>')
    expect(feed).not.toContain(new Date().toISOString().slice(0, 10))
  })

  it('takes the build day only when nothing in the archive is dated', () => {
    const config = loadConfig('/tmp', { url: 'https://x.example' })
    const undated = makeRecord({ title: 'Undated', date: null })
    expect(atomFeed({ title: 'All', path: 'feed.xml', page: '', records: [undated], archiveDay: '2023-01-02' }, config)).toContain(
      '<updated>2023-01-02T00:00:00.000Z</updated>',
    )
    const today = new Date().toISOString().slice(0, 10)
    expect(atomFeed({ title: 'All', path: 'feed.xml', page: '', records: [undated], archiveDay: null }, config)).toContain(`<updated>${today}`)
  })
})
