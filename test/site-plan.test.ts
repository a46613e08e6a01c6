import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { enrichRecord } from '../src/enrich/index.js'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { percentile } from '../src/site/stats.js'
import { omitShown, prepareOriginal } from '../src/site/original.js'
import { relatedIncidents } from '../src/site/related.js'
import { sitemapFiles } from '../src/site/sitemap.js'
import type { PostmortemRecord } from '../src/types.js'
import { loadConfig } from '../src/config.js'
import { renderRecords } from './helpers/plan.js'
import { ROOT } from './helpers/root.js'
import { makeRecord, makeTimeline } from './helpers/record.js'
import { listedSlugs } from './helpers/html.js'

const enrich = (r: PostmortemRecord): PostmortemRecord => enrichRecord(r, { tagVocabulary: DEFAULT_TAG_VOCABULARY })

describe('tag, site and year buckets', () => {
  const records = [
    makeRecord({ slug: 'a', title: 'A', date: '2024-02-01', tags: ['foo bar'], site: ['Berlin'] }),
    makeRecord({ slug: 'b', title: 'B', date: '2023-05-01', tags: ['foo-bar'], site: ['berlin'] }),
    makeRecord({ slug: 'c', title: 'C', tags: [], derivedTags: ['dns'] }),
  ]
  const out = renderRecords(records)

  it('merges tags and sites whose slugs collide into one page that lists both spellings', () => {
    expect(listedSlugs(out.get('tags/foo-bar/index.html')!)).toEqual(['a', 'b'])
    expect(out.get('tags/index.html')).toContain('>foo bar / foo-bar</a>')
    expect(listedSlugs(out.get('sites/berlin/index.html')!)).toEqual(['a', 'b'])
    expect([...out.keys()].filter((p) => p.startsWith('tags/') && p.endsWith('index.html'))).toEqual([
      'tags/index.html',
      'tags/dns/index.html',
      'tags/foo-bar/index.html',
    ])
  })

  it('lists a suggested tag on its page, marked as suggested', () => {
    const page = out.get('tags/dns/index.html')!
    expect(listedSlugs(page)).toEqual(['c'])
    // Said once for the page, with a short badge on the entry rather than a sentence on each.
    expect(page.match(/are listed here by such a tag/g)).toHaveLength(1)
    expect(page.match(/<span class="badge-suggested">suggested<\/span>/g)).toHaveLength(2)
    // A tag only suggested says how many, not "0 +1 suggested".
    expect(out.get('tags/index.html')).toMatch(/>dns<\/a> <span class="suggested">1 suggested<\/span>/)
  })

  it('explains dashed (suggested) tags once per list page, and only on pages that show one', () => {
    const legend = /Tags with a dashed outline are suggested/g
    const many = renderRecords([...records, makeRecord({ slug: 'd', title: 'D', derivedTags: ['dns', 'deploy'] })])
    for (const page of ['index.html', 'tags/dns/index.html', 'years/undated/index.html', 'sites/unsorted/index.html'])
      expect(many.get(page)!.match(legend), page).toHaveLength(1)
    expect(many.get('tags/foo-bar/index.html')).not.toMatch(legend)
    expect(many.get('d/index.html')).not.toMatch(legend)
  })

  it('has a page per year, newest first, and an Undated bucket last; records without a site go to Unsorted', () => {
    expect(listedSlugs(out.get('years/2024/index.html')!)).toEqual(['a'])
    expect(listedSlugs(out.get('years/undated/index.html')!)).toEqual(['c'])
    const years = out.get('years/index.html')!
    expect(years.indexOf('/years/2024/')).toBeLessThan(years.indexOf('/years/2023/'))
    expect(years.indexOf('/years/2023/')).toBeLessThan(years.indexOf('/years/undated/'))
    expect(listedSlugs(out.get('sites/unsorted/index.html')!)).toEqual(['c'])
  })
})

describe('the postmortem page', () => {
  const record = enrich(
    makeRecord({
      slug: 'db',
      title: 'Database <b>down</b>',
      summary: 'The primary database ran out of disk.',
      date: '2023-08-03',
      start: '2023-08-03T09:00:00+02:00',
      end: '2023-08-04T01:00:00+02:00',
      durationMinutes: 960,
      timezone: 'CEST',
      utcOffset: '+02:00',
      tags: ['database'],
      site: ['obs'],
      authors: ['Ana'],
      severity: 'SEV1',
      sections: [
        { key: 'impact', id: 'impact', heading: 'Impact', text: 'All writes failed. Reads worked.', html: '', line: 3 },
        { key: 'rootCause', id: 'root-cause', heading: 'Root cause', text: 'The disk filled up. Nobody watched it.', html: '', line: 5 },
      ],
      timeline: [
        ...makeTimeline(
          [
            ['09:00', 'Deploy started'],
            ['09:30', 'Alert fired'],
            ['13:45', 'Rolled back'],
            ['12:00', 'Late note'],
          ],
          '2023-08-03',
          '+02:00',
        ),
        { at: '2023-08-04T01:00:00+02:00', date: '2023-08-04', time: '01:00', text: 'Service restored', line: 9 },
        { at: null, date: null, time: null, text: 'Follow-up meeting', line: 10 },
      ],
      actionItems: [
        { text: 'Alert on disk', kind: 'fix', done: true, owner: 'Ana', priority: null },
        { text: 'Write runbook', kind: null, done: false, owner: null, priority: null },
      ],
      lessons: { wentWell: ['Fast rollback'], wentWrong: ['No disk alert'], gotLucky: ['Quiet night'], learned: [] },
    }),
  )
  const others = Array.from({ length: 7 }, (_, i) =>
    makeRecord({ slug: `o${i}`, title: `Other ${i}`, date: `2022-01-0${i + 1}`, tags: i < 6 ? ['database'] : [], site: ['obs'] }),
  )
  const html = renderRecords([record, ...others], {}, '<h1 id="database-down">Database down</h1><h2 id="impact">Impact</h2><p>x</p>').get('db/index.html')!

  it('shows the summary card with zone-local times, duration, severity, authors, one-line impact and root cause', () => {
    expect(html).toContain('2023-08-03 09:00 – 2023-08-04 01:00 <span class="zone">CEST</span>')
    expect(html).toContain('<dd>16 h</dd>')
    expect(html).toContain('<dd><a class="sev sev-critical" href="/severity/sev1/">SEV1</a></dd>')
    expect(html).toContain('<dd>Ana</dd>')
    expect(html).toContain('<dd>All writes failed.</dd>')
    expect(html).toContain('<dd>The disk filled up.</dd>')
    expect(html).toContain('<a href="#pm-actions">2</a>')
    expect(html).toContain('Database &lt;b&gt;down&lt;/b&gt;')
  })

  it('draws one mark per timed event with its time, UTC in its accessible name, flags out-of-order events and separates days', () => {
    const marks = [...html.matchAll(/<a class="timeline-event[^"]*" href="#(ev-[a-z0-9-]+)" data-at="([^"]+)" aria-label="([^"]+)"/g)]
    expect(marks.map((m) => m[2])).toEqual([
      '2023-08-03T09:00+02:00',
      '2023-08-03T09:30+02:00',
      '2023-08-03T13:45+02:00',
      '2023-08-03T12:00+02:00',
      '2023-08-04T01:00:00+02:00',
    ])
    expect(marks[1]![3]).toBe('09:30 CEST (07:30 UTC): Alert fired')
    expect(marks[3]![3]).toContain('out of order')
    for (const [, id] of marks) expect(html).toContain(`id="${id}"`)
    expect(html).toMatch(/class="timeline-entry gap-\d out-of-order" id="ev-2023-08-03-1200-late-note"/)
    expect(html).toContain('<li class="timeline-day" id="pm-day-start"><time datetime="2023-08-03">2023-08-03</time></li>')
    expect(html).toContain('<time datetime="2023-08-04">2023-08-04</time>')
    expect(html).toMatch(/class="timeline-entry gap-4" id="ev-2023-08-03-1345-rolled-back">\s*<span class="gap-label">4 h 15 min later<\/span>/)
    expect(html).toContain('class="timeline-entry gap-0 untimed" id="ev-untimed-follow-up-meeting"')
    expect(html).not.toMatch(/\sstyle=/)
  })

  it('shows the impact window from its moments and says how it is known', () => {
    const impact = {
      start: { at: null, date: '2023-08-03', time: '09:10' },
      end: { at: null, date: '2023-08-03', time: '09:40' },
      durationMinutes: 30,
      source: 'stated' as const,
    }
    const page = renderRecords([enrich(makeRecord({ slug: 'w', title: 'W', date: '2023-08-03', durationMinutes: 30, impact }))], {}).get('w/index.html')!
    expect(page).toContain('<dt>Impact start – end</dt><dd>2023-08-03 09:10 – 2023-08-03 09:40</dd>')
    expect(page).toContain('<dd>30 min <span class="known">(stated)</span></dd>')
  })

  it('lists phases with inferred labels, the action-item checklist and the three lesson blocks', () => {
    expect(html).toMatch(
      /<th scope="row">Detected<\/th><td>2023-08-03 09:30 <span class="utc">\(2023-08-03 07:30 UTC\)<\/span><\/td><td>30 min<\/td><td><span class="inferred">inferred<\/span>/,
    )
    expect(html).toMatch(/<th scope="row">Resolved<\/th><td>2023-08-04 01:00/)
    expect(html).toMatch(/<li class="done">[\s\S]*?Done: [\s\S]*?<span class="kind">fix<\/span>[\s\S]*?Alert on disk[\s\S]*?Owner: Ana/)
    expect(html).toMatch(/<li class="open">[\s\S]*?Open: [\s\S]*?Write runbook/)
    for (const block of ['Went well', 'Went wrong', 'Where we got lucky']) expect(html).toContain(`<h3>${block}</h3>`)
  })

  it('keeps one h1: the original moves under the page headings without skipping a level, with # permalinks', () => {
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1)
    expect(html).toContain('<h3 id="database-down">Database down <a class="anchor" href="#database-down" aria-label="Permalink to this section">#</a></h3>')
    expect(html).toContain('<h4 id="impact">Impact <a class="anchor" href="#impact"')
  })

  it('links up to five related incidents: shared tag and site first, then newest, in a stable order', () => {
    const related = /<h2 id="pm-related">[\s\S]*?<\/ul>/.exec(html)![0]
    expect([...related.matchAll(/href="\/([^/]+)\/"/g)].map((m) => m[1])).toEqual(['o5', 'o4', 'o3', 'o2', 'o1'])
    expect(relatedIncidents([record, ...others]).bySlug.get('db')).toEqual(relatedIncidents([record, ...others]).bySlug.get('db'))
    expect(related).toContain('· shares tag <span class="shared-term">database</span>, site <span class="shared-term">obs</span></span>')
  })
})

describe('the postmortem page shows each part once', () => {
  it('drops the opening title heading and the sections shown above, up to the next heading of the same level', () => {
    const html =
      '<h1 id="t">Disk full</h1><p>Intro.</p><h2 id="timeline">Timeline</h2><h3 id="day-1">Day 1</h3><p>10:00 alert</p><h2 id="impact">Impact</h2><p>Down.</p><h1 id="disk-full">Disk full</h1>'
    const out = omitShown(html, { title: 'Disk full', sectionIds: ['timeline'] })
    expect(out).toBe('<p>Intro.</p><h2 id="impact">Impact</h2><p>Down.</p><h1 id="disk-full">Disk full</h1>')
    // A first heading that is not the title stays.
    expect(omitShown('<h2 id="s">Summary</h2><p>x</p>', { title: 'Disk full', sectionIds: [] })).toBe('<h2 id="s">Summary</h2><p>x</p>')
  })

  it('shows no empty lesson card, keeps the original one click away, and lists the contents of a long page', () => {
    const sections = ['Summary', 'Impact', 'Root cause', 'Timeline', 'Resolution'].map((heading, i) => ({
      key: heading === 'Timeline' ? ('timeline' as const) : null,
      id: heading.toLowerCase().replace(' ', '-'),
      heading,
      text: 'x',
      html: '<p>x</p>',
      line: i * 3 + 3,
    }))
    const record = makeRecord({
      slug: 'long',
      title: 'Long one',
      sections,
      lessons: { wentWell: ['Alerts fired'], wentWrong: [], gotLucky: [], learned: [] },
      timeline: [
        { at: '2024-01-01T10:00:00+00:00', date: '2024-01-01', time: '10:00', text: 'Alert', line: 12 },
        { at: '2024-01-01T10:30:00+00:00', date: '2024-01-01', time: '10:30', text: 'Fixed', line: 13 },
      ],
    })
    const html = ['<h1 id="long-one">Long one</h1>', ...sections.map((s) => `<h2 id="${s.id}">${s.heading}</h2><p>${s.heading} text</p>`)].join('')
    const page = renderRecords([record], {}, html).get('long/index.html')!
    expect(page).toContain('<h3>Went well</h3>')
    expect(page).not.toContain('Went wrong')
    expect(page).not.toContain('Nothing stated')
    expect(page).toMatch(/<details class="original-text">\s*<summary>Show the original text \(without Timeline, shown above\)<\/summary>/)
    expect(page).not.toContain('Timeline text')
    expect(page.match(/Long one<\/h[1-6]>/g)).toHaveLength(1)
    expect(page).toMatch(/<nav class="pm-contents"[^>]*>[\s\S]*href="#pm-timeline"[\s\S]*href="#root-cause">Root cause<\/a>/)
  })

  it('shows lessons listed under a plain lessons heading: without a sub-heading alone, as "Other lessons" beside the split ones', () => {
    const only = makeRecord({ slug: 'flat', title: 'Flat', lessons: { wentWell: [], wentWrong: [], gotLucky: [], learned: ['Test the restore'] } })
    const flat = renderRecords([only], {}, '<p>x</p>').get('flat/index.html')!
    expect(flat).toMatch(/<h2 id="pm-lessons">Lessons learned<\/h2>[\s\S]*<li>Test the restore<\/li>/)
    expect(flat).not.toContain('<h3>Other lessons</h3>')
    const both = makeRecord({
      slug: 'both',
      title: 'Both',
      lessons: { wentWell: ['Alerts fired'], wentWrong: [], gotLucky: [], learned: ['Test the restore'] },
    })
    expect(renderRecords([both], {}, '<p>x</p>').get('both/index.html')).toContain('<h3>Other lessons</h3>')
  })

  it('lists in the contents no heading of a section the page omitted (a time sub-heading of the timeline)', () => {
    const sections = ['Summary', 'Impact', 'Root cause', 'Timeline', '10:00', 'Resolution'].map((heading, i) => ({
      key: heading === 'Timeline' ? ('timeline' as const) : null,
      id: heading.toLowerCase().replace(/[ :]/g, '-'),
      heading,
      text: 'x',
      html: '<p>x</p>',
      line: i * 3 + 3,
    }))
    const record = makeRecord({
      slug: 'nested',
      title: 'Nested',
      sections,
      timeline: [
        { at: '2024-01-01T10:00:00+00:00', date: '2024-01-01', time: '10:00', text: 'Alert', line: 12 },
        { at: '2024-01-01T10:30:00+00:00', date: '2024-01-01', time: '10:30', text: 'Fixed', line: 13 },
      ],
    })
    const html = sections
      .map((s) => (s.heading === '10:00' ? `<h3 id="${s.id}">10:00</h3><p>Alert</p>` : `<h2 id="${s.id}">${s.heading}</h2><p>${s.heading} text</p>`))
      .join('')
    const page = renderRecords([record], {}, html).get('nested/index.html')!
    expect(page).toMatch(/<nav class="pm-contents"/)
    expect(page).not.toContain('href="#10-00"')
    expect(page).toContain('href="#resolution"')
  })
})

describe('time-heading sections', () => {
  const sections = [
    { key: 'timeline' as const, id: 'update-1000', heading: 'Update 10:00', text: 'Back up.', html: '<p>Back up.</p>', line: 3 },
    { key: 'timeline' as const, id: 'update-0900', heading: 'Update 09:00', text: 'Down. '.repeat(40), html: '<p>Down.</p>', line: 7 },
  ]
  const record = makeRecord({
    slug: 'log',
    title: 'Log',
    sections,
    timeline: [
      { at: null, date: '2024-01-01', time: '10:00', text: 'Back up.', line: 3 },
      { at: null, date: '2024-01-01', time: '09:00', text: 'Down.', line: 7 },
    ],
  })
  const html = '<h2 id="update-1000">Update 10:00</h2><p>Back up.</p><h2 id="update-0900">Update 09:00</h2><p>LONG-UPDATE-TEXT</p>'

  it('leaves out of the original an update the structured timeline shows whole, never one whose events hold only part of it', () => {
    const page = renderRecords([record], {}, html).get('log/index.html')!
    expect(page).not.toContain('id="update-1000"')
    expect(page).toContain('LONG-UPDATE-TEXT')
  })
})

describe('polish', () => {
  it('draws an action item of unknown status without a checkbox, and the search page with one search box', () => {
    const record = makeRecord({
      slug: 'p',
      title: 'P',
      actionItems: [
        { text: 'Unknown', kind: null, done: null, owner: null, priority: null },
        { text: 'Open', kind: null, done: false, owner: null, priority: null },
      ],
    })
    const out = renderRecords([record])
    const page = out.get('p/index.html')!
    expect(page).toMatch(/<span class="check" aria-hidden="true">•<\/span>\s*<span class="visually-hidden">Status not stated: <\/span>/)
    expect(page).toMatch(/<span class="check" aria-hidden="true">☐<\/span>\s*<span class="visually-hidden">Open: <\/span>/)
    expect(page).toContain('placeholder="Search postmortems…"')
    expect(out.get('search/index.html')!.match(/type="search"/g)).toHaveLength(1)
  })
})

describe('a postmortem in another language', () => {
  it("marks its summary and original text with the record's language, and leaves English unmarked", () => {
    const page = renderRecords([makeRecord({ slug: 'de', title: 'Störung', summary: 'Der Dienst war nicht erreichbar.', language: 'de' })]).get(
      'de/index.html',
    )!
    expect(page).toContain('<p class="lede" lang="de">Der Dienst war nicht erreichbar.</p>')
    expect(page).toContain('<div class="original" lang="de">')
    const english = renderRecords([makeRecord({ slug: 'en', title: 'Outage', summary: 'The service was down.' })]).get('en/index.html')!
    expect(english).toContain('<p class="lede">The service was down.</p>')
  })
})

describe('prepareOriginal', () => {
  it('fixes what authors leave inaccessible: skipped heading levels, scrolling code, unnamed checkboxes and images', () => {
    const html = prepareOriginal(
      '<h2 id="a">A</h2><h4 id="b">B</h4><pre><code>x</code></pre><table><tr><td>1</td></tr></table><ul><li><input type="checkbox" disabled> todo</li><li><input type="checkbox" checked disabled> done</li></ul><a href="https://x.test/"><img src="https://x.test/img/graph.png?v=1"></a><img src="a.png" alt="Chart">',
    )
    expect(html).toContain('<h3 id="a">A <a class="anchor" href="#a"')
    expect(html).toContain('<h4 id="b">B <a class="anchor" href="#b"')
    expect(html).toContain('<pre tabindex="0">')
    expect(html).toContain('<table tabindex="0">')
    expect(html).toContain('<input type="checkbox" disabled aria-label="Not done">')
    expect(html).toContain('<input type="checkbox" checked disabled aria-label="Done">')
    expect(html).toContain('<img src="https://x.test/img/graph.png?v=1" alt="Image: graph.png">')
    expect(html).toContain('<img src="a.png" alt="Chart">')
  })
})

describe('stats, feeds, sitemap', () => {
  const records = [
    makeRecord({
      slug: 'x',
      title: 'X & <Y>',
      date: '2023-01-15',
      durationMinutes: 30,
      impact: { start: null, end: null, durationMinutes: 30, source: 'stated' },
      tags: ['dns'],
      site: ['eu'],
      authors: ['Bo'],
      summary: 'Short.',
    }),
    makeRecord({
      slug: 'y',
      title: 'Y',
      date: '2023-03-02',
      published: '2023-03-10',
      durationMinutes: 600,
      impact: { start: null, end: null, durationMinutes: 600, source: 'timeline' },
      tags: ['dns'],
      site: ['us'],
    }),
    makeRecord({ slug: 'z', title: 'Z' }),
  ]
  const out = renderRecords(records, { url: 'https://example.com', base: '/archive/', title: 'Ops' })
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'entry' || name === 'link' })

  it('uses median and p90 (interpolated), not the mean', () => {
    expect(percentile([10, 20, 30, 1000], 0.5)).toBe(25)
    expect(percentile([10, 20, 30, 1000], 0.9)).toBeCloseTo(709)
    expect(percentile([], 0.5)).toBeNull()
  })

  it('draws each chart as an SVG with a text alternative and a data table; bars link to the incidents; no author-facing list', () => {
    const stats = out.get('stats/index.html')!
    const charts = [...stats.matchAll(/<svg class="bar-chart"[^>]*role="(?:img|group)" aria-labelledby="([^ ]+) ([^"]+)"/g)]
    expect(charts.length).toBe(5)
    for (const [, title, desc] of charts) expect(stats).toMatch(new RegExp(`<title id="${title}">[^<]+</title>\\s*<desc id="${desc}">[^<]+</desc>`))
    expect(stats.match(/<table>/g)!.length).toBeGreaterThanOrEqual(5)
    expect(stats).toContain('Incidents per month from 2023-01 to 2023-03')
    expect(stats).toContain('<th scope="row">2023-02</th><td>0</td>')
    expect(stats).toMatch(/Median <strong>5 h 15 min<\/strong>/)
    // Per year shown, per month one click away; bars and table rows link to year and month pages.
    expect(stats).toMatch(/<details class="chart-more" id="st-month">\s*<summary>Incidents per month \(3 months\)<\/summary>/)
    expect(stats).toContain('<a class="bar-link" href="/archive/years/2023/" aria-label="2023: 2 incidents">')
    expect(stats).toContain('<a class="bar-link" href="/archive/years/2023/03/" aria-label="2023-03: 1 incident">')
    expect(stats).toContain('<th scope="row"><a href="/archive/years/2023/01/">2023-01</a></th><td>1</td>')
    expect(listedSlugs(out.get('years/2023/03/index.html')!)).toEqual(['archive/y'])
    expect(stats).not.toMatch(/no date and no duration|Missing a date/)
    // Text in the charts keeps its size: no viewBox scaling it down on a phone.
    expect(stats).not.toMatch(/class="bar-chart" viewBox/)
    expect(stats).toContain("How they are known: 1 stated, 0 marked by timeline events, 1 from the timeline's span.")
  })

  it('says in each feed entry how long users were affected and how that is known', () => {
    const archive = parser.parse(out.get('feed.xml')!).feed
    const summaries = archive.entry.map((e: Record<string, { '#text': string }>) => e.summary?.['#text'] ?? null)
    expect(summaries).toEqual(['Impact: 10 h (from the timeline).', 'Short. Impact: 30 min (stated).', null])
  })

  it('writes valid Atom feeds (archive, tag, site) with absolute links and dates taken from the records', () => {
    for (const path of ['feed.xml', 'tags/dns/feed.xml', 'sites/eu/feed.xml']) {
      const { feed } = parser.parse(out.get(path)!)
      expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom')
      for (const key of ['id', 'title', 'updated', 'author']) expect(feed[key], `${path} ${key}`).toBeTruthy()
      expect(feed.link.find((l: Record<string, string>) => l['@rel'] === 'self')['@href']).toBe(`https://example.com/archive/${path}`)
      for (const entry of feed.entry) {
        for (const key of ['id', 'title', 'updated']) expect(entry[key], `${path} entry ${key}`).toBeTruthy()
        expect(entry.link[0]['@href']).toMatch(/^https:\/\/example\.com\/archive\/[xyz]\/$/)
      }
    }
    const archive = parser.parse(out.get('feed.xml')!).feed
    expect(archive.updated).toBe('2023-03-10T00:00:00.000Z')
    // The undated postmortem takes the feed's newest day, never 1970-01-01.
    expect(archive.entry[2].updated).toBe('2023-03-10T00:00:00.000Z')
    for (const path of [...out.keys()].filter((p) => p.endsWith('.xml'))) expect(out.get(path), path).not.toContain('1970-01-01')
    expect(archive.entry.map((e: Record<string, string>) => e.id)).toEqual([
      'https://example.com/archive/y/',
      'https://example.com/archive/x/',
      'https://example.com/archive/z/',
    ])
    expect(out.get('feed.xml')).not.toContain('<Y>')
    expect(archive.entry[1].title['#text']).toBe('X &amp; &lt;Y&gt;')
  })

  it('writes a sitemap of every page, robots.txt naming it, and absolute canonical and Open Graph URLs', () => {
    const locs = [...out.get('sitemap.xml')!.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])
    const pages = [...out.keys()].filter((p) => p.endsWith('index.html')).map((p) => `https://example.com/archive/${p.replace(/index\.html$/, '')}`)
    expect([...locs].sort()).toEqual([...pages].sort())
    expect(out.get('sitemap.xml')).toContain('<loc>https://example.com/archive/y/</loc><lastmod>2023-03-10</lastmod>')
    expect(out.get('robots.txt')).toContain('Sitemap: https://example.com/archive/sitemap.xml')
    expect(out.get('x/index.html')).toContain('<link rel="canonical" href="https://example.com/archive/x/">')
    expect(out.get('x/index.html')).toContain('<meta property="og:url" content="https://example.com/archive/x/">')
    expect(out.get('x/index.html')).toContain('<meta property="og:type" content="article">')
    expect(out.get('x/index.html')).toContain('<title>X &amp; &lt;Y&gt; · Ops</title>')
  })
})

describe('untrusted text', () => {
  const evil = '<script>alert(1)</script>'
  const record = makeRecord({
    slug: 'evil',
    title: `Title ${evil}`,
    summary: `Summary ${evil}`,
    date: '2023-01-01',
    tags: [`tag ${evil}`],
    site: [`site ${evil}`],
    authors: [evil],
    severity: evil,
    timeline: makeTimeline(
      [
        ['09:00', `Event ${evil}`],
        ['10:00', 'Resolved'],
      ],
      '2023-01-01',
      '+00:00',
    ),
    actionItems: [{ text: evil, kind: evil, done: null, owner: evil, priority: evil }],
    lessons: { wentWell: [evil], wentWrong: [], gotLucky: [], learned: [] },
  })
  const out = renderRecords([record])

  it('is escaped in every page, feed and sitemap, and never becomes a path', () => {
    for (const [path, text] of out) {
      if (path.endsWith('.json')) continue
      expect(text, path).not.toContain('<script>alert')
      expect(path, path).not.toMatch(/[<>"]|\.\./)
    }
    expect(out.has('tags/tag-script-alert-1-script/index.html')).toBe(true)
    const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(out.get('feed.xml')!).feed
    expect(feed.entry.category[0]['@term']).toBe('tag-script-alert-1-script')
  })

  it('plans a sitemap only with config.url, every <loc> absolute; without it none, and robots.txt names none', () => {
    const pages = [
      { path: 'index.html', lastmod: null },
      { path: 'x/index.html', lastmod: '2023-01-15' },
    ]
    const withUrl = sitemapFiles(pages, loadConfig(ROOT, { url: 'https://example.com', base: '/archive/' }))
    expect(withUrl.map((f) => f.path)).toEqual(['sitemap.xml', 'robots.txt'])
    const xml = String((withUrl[0] as { content: () => string }).content())
    expect([...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual(['https://example.com/archive/', 'https://example.com/archive/x/'])
    const without = sitemapFiles(pages, loadConfig(ROOT, {}))
    expect(without.map((f) => f.path)).toEqual(['robots.txt'])
    expect((without[0] as { content: string }).content).toBe('User-agent: *\nAllow: /\n')
  })

  it('without config.url, links stay root-relative and robots.txt names no relative sitemap', () => {
    expect(out.has('sitemap.xml')).toBe(false)
    expect(out.get('robots.txt')).toBe('User-agent: *\nAllow: /\n')
    expect(out.get('feed.xml')).toContain('<link href="/evil/"/>')
    expect(out.get('evil/index.html')).toContain('<link rel="canonical" href="/evil/">')
  })
})

describe('timeline without dates', () => {
  const record = makeRecord({
    slug: 'night',
    title: 'Night',
    timeline: makeTimeline([
      ['22:00', 'Upgrade began'],
      ['23:30', 'Migration failed'],
      ['08:00', 'Back online'],
    ]),
  })
  const html = renderRecords([record]).get('night/index.html')!

  it('reads a time earlier than the one before as the next day, with a day separator and a long gap', () => {
    expect(html).toMatch(/<li class="timeline-day" id="pm-day-start">Day 1<\/li>[\s\S]*<li class="timeline-day" id="pm-day-3">Day 2<\/li>/)
    expect(html).toMatch(/class="timeline-entry gap-5" id="ev-0800-back-online">\s*<span class="gap-label">8 h 30 min later<\/span>/)
    expect([...html.matchAll(/class="timeline-event[^"]*" href="#ev-\d{4}-[a-z-]+" data-at="(\d\d:\d\d)"/g)].map((m) => m[1])).toEqual([
      '22:00',
      '23:30',
      '08:00',
    ])
    expect(html).toContain('3 timed events over 10 h')
  })
})

describe('bucket indexes', () => {
  it('paginate too, at four times the page size, so 10,000 tags still make small pages', () => {
    const records = Array.from({ length: 250 }, (_, i) => makeRecord({ slug: `r${i}`, date: '2024-01-01', tags: [`tag-${String(i).padStart(3, '0')}`] }))
    const out = renderRecords(records, { pageSize: 50 })
    expect(out.has('tags/page/2/index.html')).toBe(true)
    expect(out.has('tags/page/3/index.html')).toBe(false)
    expect(out.get('tags/index.html')!.match(/<span class="count">/g)).toHaveLength(200)
    expect(out.get('tags/page/2/index.html')).toContain('href="/tags/" rel="prev"')
  })
})

describe('an empty archive', () => {
  it('still has a home page, empty indexes, stats without data and a valid feed', () => {
    const out = renderRecords([])
    expect(out.get('index.html')).toContain('0 postmortems')
    expect(out.get('tags/index.html')).toContain('No tags yet.')
    expect(out.get('stats/index.html')).toContain('No incident has a date yet.')
    const { feed } = new XMLParser().parse(out.get('feed.xml')!)
    // Nothing is dated: the feed says the build's day rather than the epoch.
    expect(feed.updated).toBe(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`)
  })
})

describe('list entries', () => {
  it('show the summary up to its first sentence end, never cut at an ordinal or an abbreviation ("On 3. August", "e.g.")', () => {
    const summary = 'On 3. August, a few hours after a migration, e.g. of the user tables, we got notified about errors. The rest followed.'
    const out = renderRecords([makeRecord({ slug: 'db', title: 'Database errors', date: '2023-08-03', summary })])
    expect(out.get('index.html')).toContain(
      '<p class="summary">On 3. August, a few hours after a migration, e.g. of the user tables, we got notified about errors.</p>',
    )
  })
})

describe('the title readers see', () => {
  it('is the derived display title where the author wrote only "Postmortem", on the page, in lists and feeds, with the filed title kept', () => {
    const record = makeRecord({ slug: 'login', title: 'Postmortem', displayTitle: 'The login service was down', titleDerived: true, date: '2023-03-01' })
    const out = renderRecords([record])
    const page = out.get('login/index.html')!
    expect(page).toMatch(/<h1>The login service was down<\/h1>/)
    expect(page).toContain('filed as “Postmortem”')
    expect(out.get('index.html')).toContain('The login service was down')
    expect(String(out.get('feed.xml'))).toContain('<title type="html"><![CDATA[The login service was down]]></title>')
  })
})

describe('year pages', () => {
  it('link the months of that year to their month pages, in calendar order with counts', () => {
    const out = renderRecords([
      makeRecord({ slug: 'a', title: 'A', date: '2024-03-02' }),
      makeRecord({ slug: 'b', title: 'B', date: '2024-01-20' }),
      makeRecord({ slug: 'c', title: 'C', date: '2024-03-09' }),
    ])
    const year = out.get('years/2024/index.html')!
    expect(year).toMatch(/By month: <a href="[^"]*years\/2024\/01\/">2024-01<\/a> \(1\) · <a href="[^"]*years\/2024\/03\/">2024-03<\/a> \(2\)/)
    expect(out.has('years/2024/03/index.html')).toBe(true)
  })
})
