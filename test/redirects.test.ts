import { readFileSync, mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { VFile } from 'vfile'
import { afterAll, describe, expect, test } from 'vitest'
import { build } from '../src/build.js'
import { loadConfig } from '../src/config.js'
import { aliasPath, isDraft, readAliases } from '../src/normalize/front-matter/publishing.js'
import { redirectHtml, resolveRedirects } from '../src/site/redirects.js'
import type { PostmortemRecord } from '../src/types.js'

const REPO = path.resolve(import.meta.dirname, '..')
const roots: string[] = []
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })))

const rec = (slug: string, source: string, aliases: string[]): PostmortemRecord =>
  ({ slug, source, title: `Title of ${slug}`, aliases }) as unknown as PostmortemRecord

describe('front matter: draft and aliases', () => {
  test('draft: true, draft: "yes" and published: false are drafts; a published date is not', () => {
    expect([{ draft: true }, { draft: 'yes' }, { published: false }, { published: 'no' }].map(isDraft)).toEqual([true, true, true, true])
    expect([{ draft: false }, { published: '2024-01-02' }, { published: true }, {}].map(isDraft)).toEqual([false, false, false, false])
  })

  test('an alias is a path inside the site: folders get index.html, .html files stay files, URLs and .. are refused', () => {
    expect(aliasPath('/posts/old-name/')).toEqual({ path: 'posts/old-name/' })
    expect(aliasPath('old-name')).toEqual({ path: 'old-name/' })
    expect(aliasPath('/2019/05/outage.html')).toEqual({ path: '2019/05/outage.html' })
    for (const bad of ['', '/', '../etc/passwd', '/a/../../b/', 'https://example.com/x/', '//evil.example/', '/a?b', '/.git/', '/a b/', 'C:\\x'])
      expect(aliasPath(bad), bad).toHaveProperty('reason')
  })

  test('aliases and redirect_from (string or list) are read together, deduplicated; bad ones are warnings', () => {
    const file = new VFile()
    expect(readAliases({ aliases: ['/a/', '/b/'], redirect_from: '/a/' }, file)).toEqual(['a/', 'b/'])
    expect(readAliases({ redirect_from: ['/../x/', 3] }, file)).toEqual([])
    expect(file.messages.map((m) => m.ruleId)).toEqual(['front-matter-type', 'alias-invalid'])
  })
})

describe('redirect pages', () => {
  test('an alias that would overwrite an archive page, another postmortem, or an earlier alias is refused with a diagnostic', () => {
    const { redirects, problems } = resolveRedirects([
      rec('new-name', 'b.md', ['old-name/', 'tags/', 'other/', 'index.html', '404.html', 'shared/', 'old-name/deeper/']),
      rec('other', 'a.md', ['shared/', 'page.html']),
      rec('third', 'c.md', ['page.html/inside/']),
    ])
    expect(redirects.map((r) => `${r.path}>${r.slug}`)).toEqual([
      'shared/index.html>other',
      'page.html>other',
      'old-name/index.html>new-name',
      'old-name/deeper/index.html>new-name',
    ])
    expect(problems.map((p) => `${p.source}: ${p.diagnostic.message}`)).toEqual([
      'b.md: Alias `/tags/` would overwrite a page of the archive itself; no redirect is written for it',
      'b.md: Alias `/other/` would overwrite the postmortem `other`; no redirect is written for it',
      'b.md: Alias `/index.html` would overwrite a page of the archive itself; no redirect is written for it',
      'b.md: Alias `/404.html` would overwrite a page of the archive itself; no redirect is written for it',
      'b.md: Alias `/shared/` would overwrite the alias `/shared/` of `other`; no redirect is written for it',
      'c.md: Alias `/page.html/inside/` would overwrite the alias `/page.html` of `other`; no redirect is written for it',
    ])
    expect(problems.every((p) => p.diagnostic.ruleId === 'alias-conflict' && p.diagnostic.severity === 'warning')).toBe(true)
  })

  test('the page refreshes to the postmortem under the base, with a canonical link and noindex; the title is escaped', () => {
    const html = redirectHtml(
      { path: 'old/index.html', slug: 'new', title: '<b>"DNS" & co</b>', source: 'x.md' },
      { base: '/archive/', url: 'https://example.com' },
    )
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/archive/new/">')
    expect(html).toContain('<link rel="canonical" href="https://example.com/archive/new/">')
    expect(html).toContain('<meta name="robots" content="noindex">')
    expect(html).toContain('&lt;b&gt;&quot;DNS&quot; &amp; co&lt;/b&gt;')
  })

  test('a build writes the redirects and a styled 404 page with search, respects --base, and reports a refused alias', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'hindsight-redirects-'))
    roots.push(root)
    mkdirSync(path.join(root, 'content'))
    writeFileSync(
      path.join(root, 'content', 'dns.md'),
      '---\ntitle: DNS outage\ndate: 2024-01-02\naliases: [/incidents/dns-2024/, /stats/]\nredirect_from: /old/dns.html\n---\n# DNS outage\n\nResolvers failed.\n',
    )
    const config = loadConfig(root, { templatesDir: path.join(REPO, 'templates'), base: '/archive/', url: 'https://example.com', search: false })
    const result = await build(config)
    const site = (rel: string): string => readFileSync(path.join(config.outDir, rel), 'utf8')
    expect(site('incidents/dns-2024/index.html')).toContain('content="0; url=/archive/dns/"')
    expect(site('old/dns.html')).toContain('<link rel="canonical" href="https://example.com/archive/dns/">')
    expect(site('stats/index.html')).not.toContain('http-equiv="refresh"')
    expect(result.files[0]!.diagnostics.map((d) => d.ruleId)).toContain('alias-conflict')
    expect(site('sitemap.xml')).not.toContain('incidents')
    const notFound = site('404.html')
    expect(notFound).toContain('<h1>Page not found</h1>')
    expect(notFound).toMatch(/<form class="search-box not-found-search" role="search"[^>]*action="\/archive\/search\/"/)
    expect(notFound).toContain('href="/archive/assets/style.css"')
  }, 60_000)
})
