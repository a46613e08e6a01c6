import { describe, expect, it } from 'vitest'
import { dedupeSlugs } from '../src/dedupe-slugs.js'
import { RESERVED_SLUGS } from '../src/site/paths.js'
import { makeRecord } from './helpers/record.js'

describe('reserved slugs', () => {
  it('a postmortem cannot take a top-level name the archive uses; it is renamed with a warning', () => {
    const doc = (slug: string) => ({ source: `${slug}.md`, document: { record: makeRecord({ slug, source: `${slug}.md` }), html: '' }, diagnostics: [] })
    const { documents } = dedupeSlugs(['tags', 'stats', 'ok'].map(doc))
    expect(documents.map((d) => d.record.slug)).toEqual(['tags-2', 'stats-2', 'ok'])
    expect(documents[0]!.record.diagnostics[0]!.message).toContain('a page of the archive itself')
    for (const name of ['tags', 'sites', 'years', 'stats', 'search', 'assets', 'pagefind', 'page']) expect(RESERVED_SLUGS).toContain(name)
  })
})
