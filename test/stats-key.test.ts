/**
 * The stats page is rendered again only when `statsPageKey` changes, so the key must change whenever what
 * `archiveStats` shows does: every field of a record, and of its metrics, is changed in turn on real documents.
 */
import { describe, expect, it } from 'vitest'
import { loadDocument } from '../src/document.js'
import { archiveStats, statsPageKey } from '../src/site/stats.js'
import type { PostmortemRecord } from '../src/types.js'
import { seedFiles } from './build-helpers.js'

const options = { defaultTimezone: null, tagVocabulary: {} }
const records = seedFiles().map(([source, text]) => loadDocument(source, Buffer.from(text), options).document!.record)
const label = (name: string): string => name.toUpperCase()
const statsKey = (list: PostmortemRecord[]): string => statsPageKey(list, {})

/** Values to try in place of `value`: another of its kind, and null. */
function others(value: unknown): unknown[] {
  if (typeof value === 'number') return [value + 7, value * 40 + 3, null]
  if (typeof value === 'string') return [`${value}x`, '2019-02-03', null]
  if (Array.isArray(value)) return [[], ['database', 'network'], [...value, 'another']]
  if (value === null) return [5, 45, 2000, '2020-01-15', 'Some title', ['edge']]
  return []
}

describe('statsPageKey', () => {
  it('changes whenever archiveStats does, field by field, and ignores the prose', () => {
    const before = JSON.stringify(archiveStats(records, label))
    const key = statsKey(records)
    let stale = 0
    let checked = 0
    for (let i = 0; i < records.length; i++) {
      const record = records[i]!
      const variants: PostmortemRecord[] = []
      for (const field of Object.keys(record) as Array<keyof PostmortemRecord>) {
        for (const value of others(record[field])) variants.push({ ...record, [field]: value })
      }
      for (const field of Object.keys(record.metrics) as Array<keyof PostmortemRecord['metrics']>) {
        for (const value of others(record.metrics[field])) variants.push({ ...record, metrics: { ...record.metrics, [field]: value } })
      }
      for (const variant of variants) {
        const changed = records.map((r, j) => (j === i ? variant : r))
        if (JSON.stringify(archiveStats(changed, label)) === before) continue
        checked++
        if (statsKey(changed) === key) stale++
      }
    }
    expect(checked).toBeGreaterThan(50)
    expect(stale).toBe(0)
    const prose = records.map((r) => ({ ...r, summary: `${r.summary} More.`, sections: [] }))
    expect(statsKey(prose)).toBe(key)
  })

  it("changes with the sites' names and a record's cause categories (the cause chart), one part at a time", () => {
    const key = statsPageKey(records, {})
    expect(statsPageKey(records, { web: 'Web' })).not.toBe(key)
    const recaused = records.map((r, i) => (i === 0 ? { ...r, derivedCauses: [...(r.derivedCauses ?? []), 'capacity'] } : r))
    expect(statsPageKey(recaused, {})).not.toBe(key)
    expect(statsPageKey(records, {})).toBe(key)
  })
})
