import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CORE_FIELDS, readRows, rowFile, scoreRecord, summarize, type LabelSet, type Summary } from '../bench/score.mjs'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { loadDocument } from '../src/document.js'

/** Scores one labelled set with the same scorer as `npm run eval`, printing the misses. */
function scoreSet(set: LabelSet): Summary {
  const scores = readRows(set).map((row) => {
    const { file, source } = rowFile(set, row)
    const loaded = loadDocument(source, readFileSync(file), { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY })
    if (!loaded.document) throw new Error(`${file} did not load`)
    return scoreRecord(row, loaded.document.record)
  })
  const summary = summarize(scores)
  console.log(`${set}: core ${summary.coreRight}/${summary.documents}, window ${summary.window.right}/${summary.window.scored}`)
  return summary
}

/** Least share of documents with every core field right, and of impact-window cells right, per set. */
const FLOORS: Record<LabelSet, { core: number; window: number }> = {
  seeds: { core: 1, window: 0.9 },
  corpus: { core: 1, window: 0.65 },
  'corpus-2': { core: 0.85, window: 0.72 },
}

/** The bar for the impact window: cells right across all three sets together. */
const WINDOW_ALL_SETS = 0.75

describe.skipIf(readRows('corpus-2').length === 0)('the impact window across seeds, corpus and corpus-2', () => {
  it(`is right on at least ${WINDOW_ALL_SETS * 100} % of the labelled cells`, () => {
    const totals = (['seeds', 'corpus', 'corpus-2'] as LabelSet[]).map((set) => scoreSet(set).window)
    const right = totals.reduce((sum, t) => sum + t.right, 0)
    const scored = totals.reduce((sum, t) => sum + t.scored, 0)
    expect(right / scored).toBeGreaterThanOrEqual(WINDOW_ALL_SETS)
  })
})

for (const set of Object.keys(FLOORS) as LabelSet[]) {
  describe.skipIf(readRows(set).length === 0)(`labelled set ../shared/${set}/index.tsv`, () => {
    const summary = scoreSet(set)
    it(`has at least ${FLOORS[set].core * 100} % of documents right on ${CORE_FIELDS.join(', ')}`, () => {
      const coreMisses = summary.misses.filter((miss) => CORE_FIELDS.some((field) => miss.includes(` ${field}:`)))
      expect(summary.coreRight / summary.documents, coreMisses.join('\n')).toBeGreaterThanOrEqual(FLOORS[set].core)
    })
    it(`has at least ${FLOORS[set].window * 100} % of impact-window cells right`, () => {
      expect(summary.window.right / summary.window.scored).toBeGreaterThanOrEqual(FLOORS[set].window)
    })
  })
}
