import { describe, expect, test } from 'vitest'
import { basePositions, deltaLimit, planDelta, recordHash, type BaseEntry, type SearchBase, type SearchSource } from '../src/search/delta.js'
import { searchRecord } from '../src/search/records.js'
import type { SiteDocument } from '../src/site/pages.js'
import { makeRecord as record } from './helpers/record.js'

const config = { base: '/', sites: {} }
const doc = (slug: string, date: string, summary = 'An outage.'): SiteDocument => ({ record: record({ slug, date, summary, tags: ['dns'] }), html: '' })

/** A base of `n` postmortems, keyed `k<i>`. */
function baseOf(n: number): { base: SearchBase; docs: SiteDocument[] } {
  const docs = Array.from({ length: n }, (_, i) => doc(`p${i}`, `2020-01-${String(1 + (i % 28)).padStart(2, '0')}`))
  const entries: BaseEntry[] = docs.map((d, i) => {
    const r = searchRecord(d, config)
    return { key: `k${i}`, url: r.url, hash: recordHash(r), id: `en_${i}`, filters: r.filters, sort: r.sort.date! }
  })
  return { base: { id: 'base', identity: 'same', entries }, docs }
}

const sources = (docs: SiteDocument[], keys: string[]): SearchSource[] => docs.map((d, i) => ({ key: keys[i]!, doc: () => d }))

describe('the delta beside a base search index', () => {
  test('holds edited and added postmortems, and supersedes the edited and deleted ones; unchanged ones are not read', () => {
    const { base, docs } = baseOf(40)
    const keys = docs.map((_, i) => `k${i}`)
    let read = 0
    const current: SearchSource[] = docs.map((d, i) => ({ key: keys[i]!, doc: () => (read++, d) }))
    current[3] = { key: 'k3-edited', doc: () => doc('p3', '2020-01-04', 'A different outage.') }
    current.splice(5, 1)
    current.push({ key: 'k-new', doc: () => doc('new', '2021-01-01') })
    const delta = planDelta(base, 'same', current, config)!
    expect(delta.records.map((r) => r.url)).toEqual(['/new/', '/p3/'])
    expect(delta.superseded.map((e) => e.id)).toEqual(['en_3', 'en_5'])
    expect(read).toBe(0)
  })

  test('keeps an edit search does not see in the base (same record under another key)', () => {
    const { base, docs } = baseOf(40)
    const delta = planDelta(
      base,
      'same',
      sources(
        docs,
        docs.map((_, i) => (i === 7 ? 'k7-touched' : `k${i}`)),
      ),
      config,
    )!
    expect(delta.records).toEqual([])
    expect(delta.superseded).toEqual([])
  })

  test('asks for a new base without one, with another identity, or past the threshold', () => {
    const { base, docs } = baseOf(40)
    const keys = docs.map((_, i) => `k${i}`)
    expect(planDelta(null, 'same', sources(docs, keys), config)).toBeNull()
    expect(planDelta(base, 'other', sources(docs, keys), config)).toBeNull()
    const limit = deltaLimit(40)
    const edited = docs.map((d, i) => (i <= limit / 2 ? doc(d.record.slug, '2022-02-02', 'Edited.') : d))
    expect(
      planDelta(
        base,
        'same',
        sources(
          edited,
          keys.map((k, i) => (i <= limit / 2 ? `${k}-e` : k)),
        ),
        config,
      ),
    ).toBeNull()
  })

  test('grows with the archive within bounds', () => {
    expect(deltaLimit(10)).toBe(32)
    expect(deltaLimit(10_000)).toBe(200)
    expect(deltaLimit(100_000)).toBe(500)
  })

  test("places a delta page after the base pages of its date in the base's order by date", () => {
    const { base } = baseOf(3) // 2020-01-01, 2020-01-02, 2020-01-03
    const at = basePositions(base, [
      searchRecord(doc('a', '2020-01-02'), config),
      searchRecord(doc('b', '2019-12-31'), config),
      searchRecord(doc('c', '2030-01-01'), config),
    ])
    expect([...at.values()]).toEqual([1.5, -0.5, 2.5])
  })

  test('places a few delta pages by counting exactly where many are placed by a binary search', () => {
    const { base } = baseOf(100) // 28 dates, several pages each
    const dates = ['2019-12-31', '2020-01-01', '2020-01-14', '2020-01-15', '2020-01-28', '2030-01-01', '2020-01-07', '2020-01-20', '2020-01-02', '2020-01-27']
    const records = dates.map((d, i) => searchRecord(doc(`d${i}`, d), config))
    const many = basePositions(base, records)
    const few = new Map(records.flatMap((r) => [...basePositions(base, [r])]))
    expect(few).toEqual(many)
    expect(many.get(records[2]!.url)).toBe(base.entries.filter((e) => e.sort <= '2020-01-14').length - 0.5)
  })
})
