/**
 * Index pages, feeds, the stats page, the sitemap and other postmortems' pages are keyed by `listingKey`, and a warm
 * build plans nothing but the edited postmortem's own files when its listing key holds. So the key must change
 * whenever any of those outputs does: each field of a record takes, in turn, the values other records have.
 */
import { describe, expect, it } from 'vitest'
import { loadDocument } from '../src/document.js'
import { listingKey } from '../src/site/listing-key.js'
import type { PostmortemRecord } from '../src/types.js'
import { seedFiles } from './build-helpers.js'
import { renderRecords } from './helpers/plan.js'

const options = { defaultTimezone: null, tagVocabulary: {} }
// The seeds and a retitled copy of each, so postmortems relate to one another and lists hold several.
const records = [0, 1].flatMap((copy) =>
  seedFiles().map(([source, text]) => {
    const name = copy ? source.replace(/\.md$/, `-copy-${copy}.md`) : source
    return loadDocument(name, Buffer.from(copy ? text.replace(/^(#+ .*|title: .*|Post-?mortem.*)$/m, `$1 (copy ${copy})`) : text), options).document!.record
  }),
)

/** Every output except the record's own page and JSON and the export, which show all of it. */
function elsewhere(list: PostmortemRecord[], own: string): string {
  const out = renderRecords(list)
  return JSON.stringify([...out].filter(([p]) => !p.startsWith(`${own}/`) && p !== 'postmortems.json'))
}

const distinct = (values: unknown[]): unknown[] => [...new Map(values.map((v) => [JSON.stringify(v), v])).values()]

describe('listingKey', () => {
  it('changes whenever an output other than the postmortem’s own files does, field by field', () => {
    let checked = 0
    let stale = 0
    for (const i of [0, 3, records.length - 1]) {
      const record = records[i]!
      const before = elsewhere(records, record.slug)
      const variants: PostmortemRecord[] = []
      for (const field of Object.keys(record) as Array<keyof PostmortemRecord>) {
        if (field === 'slug' || field === 'source') continue
        for (const value of distinct([...records.map((r) => r[field]), null]).slice(0, 4)) {
          if (JSON.stringify(value) !== JSON.stringify(record[field])) variants.push({ ...record, [field]: value })
        }
      }
      for (const field of Object.keys(record.metrics) as Array<keyof PostmortemRecord['metrics']>) {
        for (const value of distinct(records.map((r) => r.metrics[field])).slice(0, 3)) {
          if (value !== record.metrics[field]) variants.push({ ...record, metrics: { ...record.metrics, [field]: value } })
        }
      }
      for (const variant of variants) {
        let after: string
        try {
          after = elsewhere(
            records.map((r, j) => (j === i ? variant : r)),
            record.slug,
          )
        } catch {
          continue // a value this field cannot take (the templates refuse it)
        }
        if (after === before) continue
        checked++
        if (listingKey(variant) === listingKey(record)) stale++
      }
    }
    expect(checked).toBeGreaterThan(30)
    expect(stale).toBe(0)
    // It renders the whole site for every variant (about 150 renders): slow on a loaded two-core machine.
  }, 120_000)

  it('holds when only the prose, timeline or lessons change, and not when an action item does (the /actions/ page lists them)', () => {
    const record = records[0]!
    const other = records[1]!
    const prose = {
      ...record,
      sections: record.sections.map((s) => (s.key === 'rootCause' ? s : { ...s, text: `${s.text} More.` })),
      timeline: other.timeline,
      lessons: other.lessons,
    }
    expect(listingKey(prose)).toBe(listingKey(record))
    const withItem = { ...record, actionItems: [...record.actionItems, { text: 'Add an alert', kind: null, done: false, owner: null, priority: null }] }
    expect(listingKey(withItem)).not.toBe(listingKey(record))
    expect(
      listingKey({
        ...withItem,
        actionItems: withItem.actionItems.map((a, i) => (i === withItem.actionItems.length - 1 ? { ...a, text: 'Add two alerts' } : a)),
      }),
    ).not.toBe(listingKey(withItem))
    expect(listingKey({ ...record, summary: `${record.summary} More.` })).not.toBe(listingKey(record))
  })
})
