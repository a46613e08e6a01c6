/**
 * Relative links and images against the archive: links to sibling postmortems' Markdown files point at their pages,
 * root-relative images get the base path, and a dead link or a missing image is a warning at its place.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../src/build.js'
import { parseMarkdown } from '../src/markdown/parse.js'
import { findLocalRefs } from '../src/normalize/structure/local-refs.js'
import { checkPaths } from '../src/report/check.js'
import { markdownTarget, referenceDiagnostics } from '../src/site/references.js'
import { rewriteReferences } from '../src/site/rewrite-refs.js'
import { projectsForThisFile } from './build-helpers.js'

const project = projectsForThisFile()

describe('findLocalRefs', () => {
  it('lists relative link and image destinations (inline and definitions) with their places, nothing absolute', () => {
    const tree = parseMarkdown(
      '# T\n\nSee [the other](other.md#fix) and ![g](shots/a.png).\n\n[web](https://x.test/a.md) [top](#t) [abs](/a.md)\n\n[ref]: ../b.md\n',
    )
    expect(findLocalRefs(tree)).toEqual([
      { kind: 'link', url: 'other.md#fix', line: 3, column: 5 },
      { kind: 'image', url: 'shots/a.png', line: 3, column: 35 },
      { kind: 'link', url: '../b.md', line: 7, column: 1 },
    ])
  })
})

describe('markdownTarget', () => {
  it('resolves a Markdown link against the linking file, keeps the anchor, and refuses one leaving content/', () => {
    expect(markdownTarget('team/a.md', 'b.md#root-cause')).toEqual({ source: 'team/b.md', hash: '#root-cause' })
    expect(markdownTarget('team/a.md', '../ops/My%20c.markdown')).toEqual({ source: 'ops/My c.markdown', hash: '' })
    expect(markdownTarget('a.md', '../b.md')).toBeNull()
    expect(markdownTarget('a.md', 'notes.txt')).toBeNull()
    expect(markdownTarget('a.md', '%ZZ.md')).toBeNull()
  })
})

describe('referenceDiagnostics', () => {
  const slugOf = (source: string): string | undefined => (source === 'team/b.md' ? 'b-slug' : undefined)
  it('warns, at the place written, of a Markdown link to no published postmortem and of a missing image', () => {
    const refs = [
      { kind: 'link' as const, url: 'b.md#x', line: 3, column: 5 },
      { kind: 'link' as const, url: 'gone.md', line: 4, column: 2 },
      { kind: 'image' as const, url: 'shots/here.png', line: 5, column: 1 },
      { kind: 'image' as const, url: 'shots/gone.png', line: 6, column: 7 },
      { kind: 'link' as const, url: 'runbook.pdf', line: 7, column: 1 },
    ]
    const found = referenceDiagnostics('team/a.md', refs, { slugOf, imageExists: (s) => s === 'team/shots/here.png' })
    expect(found.map((d) => [d.ruleId, d.severity, d.line, d.column])).toEqual([
      ['link-unresolved', 'warning', 4, 2],
      ['image-missing', 'warning', 6, 7],
    ])
    expect(found[0]!.message).toContain('team/gone.md')
    expect(found[1]!.message).toContain('team/shots/gone.png')
  })

  it('says nothing of images when the files are not known', () => {
    expect(referenceDiagnostics('a.md', [{ kind: 'image', url: 'x.png', line: 1, column: 1 }], { slugOf })).toEqual([])
  })
})

describe('rewriteReferences', () => {
  const context = { base: '/archive/', source: 'team/a.md', slugOf: (s: string) => (s === 'team/b.md' ? 'b-slug' : undefined) }
  it('points a link to a published postmortem at its page and gives root-relative images the base', () => {
    const html =
      '<p><a href="b.md#fix">b</a> <a href="c.md">c</a> <a href="https://x.test/b.md">w</a> <img src="/img/x.png" alt=""> <img src="//cdn.test/y.png" alt=""> <img src="shots/z.png" alt=""></p>'
    expect(rewriteReferences(html, context)).toBe(
      '<p><a href="/archive/b-slug/#fix">b</a> <a href="c.md">c</a> <a href="https://x.test/b.md">w</a> <img src="/archive/img/x.png" alt=""> <img src="//cdn.test/y.png" alt=""> <img src="shots/z.png" alt=""></p>',
    )
  })

  it('leaves root-relative images alone under the root base', () => {
    expect(rewriteReferences('<img src="/img/x.png">', { ...context, base: '/' })).toBe('<img src="/img/x.png">')
  })
})

describe('a build with links between postmortems', () => {
  const A =
    '# Cache stampede\n\nDate: 2024-03-02\n\n## Impact\n\nSlow pages; see [the failover](b.md#root-cause), [notes](notes.md) and ![logo](/img/logo.png).\n\n![Missing](shots/missing.png)\n'
  const B = '# Failover\n\nDate: 2024-02-01\n\n## Root cause\n\nA replica lagged.\n'

  it('links the sibling page under the base, prefixes root-relative images, and warns (build and check) of the dead link and the missing image', async () => {
    const p = project(0, { base: '/archive/' })
    mkdirSync(path.join(p.config.contentDir, 'team'), { recursive: true })
    writeFileSync(path.join(p.config.contentDir, 'team', 'a.md'), A)
    writeFileSync(path.join(p.config.contentDir, 'team', 'b.md'), B)
    const result = await build(p.config)
    const slugOf = (source: string): string => result.files.find((f) => f.source === source)!.slug!
    const page = readFileSync(path.join(p.config.outDir, slugOf('team/a.md'), 'index.html'), 'utf8')
    expect(page).toContain(`href="/archive/${slugOf('team/b.md')}/#root-cause"`)
    expect(page).toContain('href="notes.md"')
    expect(page).toContain('src="/archive/img/logo.png"')
    const warnings = (source: string) =>
      result.files
        .find((f) => f.source === source)!
        .diagnostics.filter((d) => d.ruleId === 'link-unresolved' || d.ruleId === 'image-missing')
        .map((d) => `${d.ruleId} ${d.line}:${d.column}`)
    expect(warnings('team/a.md')).toEqual(['link-unresolved 7:50', 'image-missing 9:1'])
    expect(warnings('team/b.md')).toEqual([])
    const checked = await checkPaths(p.config, [], p.root)
    expect(
      checked
        .find((r) => r.file.endsWith('team/a.md'))!
        .diagnostics.filter((d) => d.ruleId === 'link-unresolved' || d.ruleId === 'image-missing')
        .map((d) => `${d.line}:${d.column}`),
    ).toEqual(['7:50', '9:1'])
  })
})
