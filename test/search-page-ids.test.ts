import { gunzipSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { decodeCbor, encodeCbor } from '../src/search/cbor.js'
import { searchIndexFiles, startRecordsIndex } from '../src/search/index.js'
import { BASE_PREFIX, DELTA_PREFIX } from '../src/search/page-ids.js'
import { searchRecord } from '../src/search/records.js'
import { compareRecords, type SiteDocument } from '../src/site/pages.js'
import type { StaticFile } from '../src/site/pages.js'
import { makeRecord } from './helpers/record.js'
import { OutputError } from '../src/errors.js'

const doc = (slug: string, date: string | null, words: string): SiteDocument => ({
  record: makeRecord({ slug, source: `${slug}.md`, title: slug, date, summary: words, tags: ['dns'] }),
  html: '',
})

const docs = [
  doc('b-outage', '2021-05-01', 'resolver timeout'),
  doc('a-outage', '2021-05-01', 'resolver restart'),
  doc('undated', null, 'resolver drift'),
  doc('newest', '2024-01-01', 'resolver upgrade'),
  doc('oldest', '2019-03-03', 'resolver lost'),
]

/** The values Pagefind's metadata holds: counts, strings and lists of them. */
type CborValue = number | string | CborValue[]

const pagefindFile = (file: StaticFile): CborValue => {
  const plain = gunzipSync(file.content)
  expect(plain.subarray(0, 12).toString('latin1')).toBe('pagefind_dcd')
  return decodeCbor(plain.subarray(12)) as CborValue
}

describe("the search index's page ids", () => {
  test("are each page's place in the archive's order (newest first, then by slug), and the metadata carries no sort array", async () => {
    const files = await searchIndexFiles(docs, { base: '/', sites: {} })
    const entry = JSON.parse(files.find((f) => f.path === 'pagefind/pagefind-entry.json')!.content.toString()) as {
      languages: Record<string, { hash: string }>
    }
    const meta = files.find((f) => f.path === `pagefind/pagefind.${entry.languages.en!.hash}.pf_meta`)
    expect(meta).toBeDefined()
    const [, pages, , , sorts] = pagefindFile(meta!) as CborValue[][]
    const ids = (pages as CborValue[][]).map((p) => p[0] as string)
    const token = ids[0]!.slice(ids[0]!.indexOf('_') + 1)
    expect(token).toMatch(/^[0-9a-f]{6}$/)
    expect([...ids].sort()).toEqual(['b0', 'b1', 'b2', 'b3', 'b4'].map((place) => `${place}_${token}`))
    expect(sorts).toEqual([])
    const order = [...docs].sort((a, b) => compareRecords(a.record, b.record)).map((d) => `/${d.record.slug}/`)
    const urlOf = (id: string): string => {
      const file = files.find((f) => f.path === `pagefind/fragment/${id}.pf_fragment`)!
      return (JSON.parse(gunzipSync(file.content).subarray(12).toString()) as { url: string }).url
    }
    expect(order.map((_, i) => urlOf(`b${i.toString(36)}_${token}`))).toEqual(order)
    expect(files.filter((f) => f.path.startsWith('pagefind/fragment/')).length).toBe(5)
  })

  test('of a delta never name a base page: the merged results are told apart by id alone', async () => {
    const ids = async (prefix: string): Promise<string[]> => {
      const records = docs.map((d) => searchRecord(d, { base: '/', sites: {} }))
      const { bundle } = await startRecordsIndex(records, 'pagefind/delta', () => true, prefix)
      return [...(await bundle).ids.values()]
    }
    const base = await ids(BASE_PREFIX)
    const delta = await ids(DELTA_PREFIX)
    expect(base).toHaveLength(5)
    expect(delta).toHaveLength(5)
    expect(delta.every((id) => /^d[0-9a-z]+_[0-9a-f]{6}$/.test(id))).toBe(true)
    expect(base.every((id) => /^b[0-9a-z]+_[0-9a-f]{6}$/.test(id))).toBe(true)
  })

  test('name fragments by content as Pagefind did: the same archive gives the same names, a changed one none of them', async () => {
    const fragments = async (list: SiteDocument[]): Promise<string[]> =>
      (await searchIndexFiles(list, { base: '/', sites: {} })).map((f) => f.path).filter((name) => name.startsWith('pagefind/fragment/'))
    const first = await fragments(docs)
    expect(await fragments(docs)).toEqual(first)
    // One summary edited: each place may now hold another page's words, so no cached fragment may be served for it.
    const edited = docs.map((d) => (d.record.slug === 'oldest' ? doc('oldest', '2019-03-03', 'resolver lost twice') : d))
    const second = await fragments(edited)
    expect(second).toHaveLength(first.length)
    expect(second.filter((name) => first.includes(name))).toEqual([])
  })

  test('read and write back the CBOR of the metadata byte for byte, and refuse what would not come back the same', () => {
    const value: CborValue = [
      '1.6.0',
      [
        ['b0', 23, ''],
        ['b1', 24, ''],
        ['b2', 300, ''],
        ['b3', 70_000, ''],
      ],
      [],
      [['tag', 'en_1']],
      [],
      ['title', 'é'],
    ]
    const bytes = encodeCbor(value)
    // Shortest heads, as Pagefind writes them: 23 in the head itself, 24 behind one byte, 300 behind two, 70,000 behind four.
    expect(Buffer.from(bytes).includes(Buffer.from([0x83, 0x62, 0x62, 0x30, 0x17, 0x60]))).toBe(true)
    expect(Buffer.from(bytes).includes(Buffer.from([0x18, 0x18]))).toBe(true)
    expect(Buffer.from(bytes).includes(Buffer.from([0x19, 0x01, 0x2c]))).toBe(true)
    expect(Buffer.from(bytes).includes(Buffer.from([0x1a, 0x00, 0x01, 0x11, 0x70]))).toBe(true)
    expect(decodeCbor(bytes)).toEqual(value)
    expect(encodeCbor(decodeCbor(bytes))).toEqual(bytes)
    // 5 written in a longer form than needed: the file would change on the way back, so it is refused.
    expect(() => decodeCbor(Uint8Array.of(0x18, 0x05))).toThrow(/written back unchanged/)
    expect(() => decodeCbor(Uint8Array.of(0x82, 0x00))).toThrow(OutputError)
    expect(() => decodeCbor(Uint8Array.of(0x00, 0x00))).toThrow(/Extra data/)
  })
})
