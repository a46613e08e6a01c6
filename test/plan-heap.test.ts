/**
 * Planning bounds the heap between its stages: relating every record leaves its features as garbage, and at 100,000
 * postmortems the heap grew by 500 MB during planning before V8 collected it (bench/README.md).
 */
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { boundHeap } from '../src/heap.js'
import { loadConfig } from '../src/config.js'
import { planSite, type SiteDocument } from '../src/site/pages.js'
import { makeRecord } from './helpers/record.js'
import { ROOT } from './helpers/root.js'

vi.mock('../src/heap.js', () => ({ boundHeap: vi.fn() }))

describe('planning a site', () => {
  it('bounds the heap after relating the records and after the list pages', () => {
    const config = loadConfig(ROOT, { search: false, outDir: path.join(ROOT, 'test-output/unused') })
    const docs: SiteDocument[] = Array.from({ length: 20 }, (_, i) => ({
      record: makeRecord({ slug: `s${i}`, source: `s${i}.md`, date: '2024-01-02', tags: ['dns'] }),
      html: '<p>x</p>',
    }))
    planSite(docs, config)
    expect(vi.mocked(boundHeap).mock.calls.length).toBeGreaterThanOrEqual(2)
  })
})
