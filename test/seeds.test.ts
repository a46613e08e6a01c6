import { describe, expect, it } from 'vitest'
import { asLabels, loadShared, readLabels } from './helpers/labels.js'

const rows = readLabels('seeds')

describe.skipIf(rows.length === 0)('seed labels (../shared/seeds/index.tsv), every column exact', () => {
  for (const row of rows) {
    it(`${row.id}: ${row.title}`, () => {
      const { id: _id, path: _path, ...expected } = row
      expect(asLabels(loadShared('seeds', row))).toEqual(expected)
    })
  }
})
