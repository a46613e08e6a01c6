/** Related incidents explain themselves only by meaningful shared terms, each said with its kind. */
import { describe, expect, it } from 'vitest'
import { normalizeDocument } from '../src/normalize/index.js'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { causeTerms } from '../src/site/related-terms.js'
import { relatedIncidents, sharedFeatures } from '../src/site/related.js'

const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }
const record = (source: string, text: string) => normalizeDocument(source, text, options).record

const A = record(
  'a.md',
  '---\ntags: [database]\n---\n# Replica lag\n\n## Root cause\n\nInstead of the normal update path, the `ledger-sync` worker wrote to PostgreSQL directly and the billing-api service timed out.\n',
)
const B = record(
  'b.md',
  '---\ntags: [database]\n---\n# Slow writes\n\n## Root cause\n\nAn update to the ledger-sync worker made Postgres lock a table; instead of failing fast, requests waited as normal.\n',
)
const C = record('c.md', '# Lost mail\n\n## Root cause\n\nInstead of the normal update, the mail queue stopped; an update was rolled out as normal.\n')

describe('causeTerms', () => {
  it('keeps technologies (variants under one name) and named systems, and no ordinary word', () => {
    expect(causeTerms(A)).toEqual(['system:ledger-sync', 'technology:postgres', 'system:billing-api'])
    expect(causeTerms(C)).toEqual([])
  })
})

describe('sharedFeatures', () => {
  it('names each shared term with its kind, never a noise word', () => {
    expect(sharedFeatures(A, B)).toEqual([
      { kind: 'tag', label: 'database' },
      { kind: 'technology', label: 'postgres' },
      { kind: 'system', label: 'ledger-sync' },
      { kind: 'cause', label: 'Database' },
    ])
    const said = [A, B, C].flatMap((x) => [A, B, C].filter((y) => y !== x).flatMap((y) => sharedFeatures(x, y).map((s) => s.label)))
    for (const noise of ['instead', 'update', 'normal']) expect(said).not.toContain(noise)
  })

  it('says a tag is suggested when one side only has it as a suggestion', () => {
    const suggested = record('d.md', '# Database down\n\n## Root cause\n\nThe database ran out of connections.\n')
    expect(suggested.derivedTags).toContain('database')
    expect(sharedFeatures(A, suggested)).toContainEqual({ kind: 'suggested tag', label: 'database' })
  })

  it('relates nothing by noise words alone', () => {
    const D = record('d2.md', '# Lost jobs\n\n## Root cause\n\nInstead of the normal update, the nightly run was skipped as normal update.\n')
    expect(relatedIncidents([C, D], 5).bySlug.get(C.slug)).toEqual([])
  })
})
