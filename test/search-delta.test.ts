import { describe, expect, test } from 'vitest'
import { basePositions, deltaLimit, planDelta, recordHash, type BaseEntry, type SearchBase, type SearchSource } from '../src/search/delta.js'
import { searchRecord } from '../src/search/records.js'
import { compareRecords, type SiteDocument } from '../src/site/pages.js'
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

/** A base of `n` postmortems in the archive's order (newest first, then by slug), as a base is built. */
function archiveBaseOf(n: number): { base: SearchBase; docs: SiteDocument[] } {
  const { base, docs } = baseOf(n)
  const order = docs.map((d, i) => ({ d, e: base.entries[i]! })).sort((a, b) => compareRecords(a.d.record, b.d.record))
  return { base: { ...base, entries: order.map((o) => o.e) }, docs }
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

  test("places delta pages among the base's pages in the archive's order: newest first, then by slug", () => {
    const { base } = archiveBaseOf(3) // p2 2020-01-03, p1 2020-01-02, p0 2020-01-01
    const at = basePositions(base, [
      searchRecord(doc('a', '2020-01-02'), config),
      searchRecord(doc('b', '2019-12-31'), config),
      searchRecord(doc('c', '2030-01-01'), config),
    ])
    // c before p2 (place 0), a between p2 and p1 (same date as p1, slug first), b after p0 (place 2).
    expect(Object.fromEntries(at)).toEqual({ '/c/': -0.75, '/a/': 0.5, '/b/': 2.75 })
  })

  test('gives base and delta pages, sorted by place, the order of one sorted archive (delta pages side by side too)', () => {
    const { base, docs } = archiveBaseOf(100) // 28 dates, several pages each
    const dates = ['2019-12-31', '2020-01-01', '2020-01-14', '2020-01-14', '2020-01-15', '2020-01-28', '2030-01-01', '2030-01-01', '2020-01-07', '2020-01-02']
    const added = dates.map((d, i) => doc(`d${i}`, d))
    const at = basePositions(
      base,
      added.map((d) => searchRecord(d, config)),
    )
    const placed = [...base.entries.map((e, i) => ({ url: e.url, place: i })), ...[...at].map(([url, place]) => ({ url, place }))]
    const expected = [...docs, ...added].sort((a, b) => compareRecords(a.record, b.record)).map((d) => `/${d.record.slug}/`)
    expect(placed.sort((a, b) => a.place - b.place).map((p) => p.url)).toEqual(expected)
  })
})
