import { describe, expect, it } from 'vitest'
import { asLabels, loadShared, readLabels } from './helpers/labels.js'

const rows = readLabels('corpus')
const SCORED = ['title', 'incidentDate', 'timelineEvents', 'actionItems'] as const

describe.skipIf(rows.length === 0)('real-world corpus (../shared/corpus/index.tsv)', () => {
  it('gets title, incident date, timeline event count and action-item count right on at least 14 of 15', () => {
    const misses: string[] = []
    let right = 0
    for (const row of rows) {
      const got = asLabels(loadShared('corpus', row))
      const wrong = SCORED.filter((key) => got[key] !== row[key])
      if (wrong.length === 0) right++
      else misses.push(`${row.id}: ${wrong.map((key) => `${key} got ${JSON.stringify(got[key])}, label ${JSON.stringify(row[key])}`).join('; ')}`)
    }
    console.log(`corpus score: ${right}/${rows.length}${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`)
    expect(right).toBeGreaterThanOrEqual(Math.min(14, rows.length - 1))
  })
})
