/** The facts a cache entry's summary keeps of a whole record (src/build/summaries.ts): the same terms and listing key as worked out alone. */
import { describe, expect, it } from 'vitest'
import { deserialize, serialize } from 'node:v8'
import { summaryFacts } from '../src/build/summaries.js'
import { loadDocument } from '../src/document.js'
import { listingKey } from '../src/site/listing-key.js'
import { joinedTerms, signature } from '../src/site/related.js'
import { seedFiles } from './build-helpers.js'

const options = { defaultTimezone: null, tagVocabulary: {} }
const seeds = seedFiles().map(([source, text]) => loadDocument(source, Buffer.from(text), options))
/** A copy of a record no call has seen (the site modules remember what they work out by record). */
const fresh = <T>(value: T): T => deserialize(serialize(value)) as T

describe('summary facts', () => {
  it('give each seed the root-cause terms and listing key its record has when each is worked out alone', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(5)
    for (const doc of seeds) {
      const facts = summaryFacts(fresh(doc))!
      const record = doc.document!.record
      expect(facts.terms).toBe(joinedTerms(fresh(record)))
      expect(facts.listingKey).toBe(listingKey(fresh(record)))
    }
  })

  it('hand the terms to the record, so its signature (hashed into the listing key) is the one of its own sections', () => {
    for (const doc of seeds) {
      const copy = fresh(doc)
      const facts = summaryFacts(copy)!
      expect(signature(copy.document!.record)).toBe(signature(fresh(doc.document!.record)))
      expect(signature(copy.document!.record)).toContain(facts.terms)
    }
  })

  it('are none for a file that made no document', () => {
    expect(summaryFacts({ source: 'x.md', document: null, diagnostics: [] })).toBeNull()
  })
})
