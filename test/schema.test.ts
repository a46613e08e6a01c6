import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { loadDocument } from '../src/document.js'
import type { PostmortemRecord } from '../src/types.js'
import { loadShared, readLabels } from './helpers/labels.js'

const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, '../schema/postmortem.schema.json'), 'utf8')) as object
const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true })
const validate = ajv.compile(schema)
const FIXTURES = path.join(import.meta.dirname, 'fixtures')

function check(name: string, record: PostmortemRecord): void {
  const ok = validate(record)
  expect(ok, `${name}: ${ajv.errorsText(validate.errors)}`).toBe(true)
}

describe('schema/postmortem.schema.json', () => {
  it('accepts every seed and corpus record', () => {
    for (const row of readLabels('seeds')) check(`seed ${row.id}`, loadShared('seeds', row))
    for (const row of readLabels('corpus')) check(`corpus ${row.id}`, loadShared('corpus', row))
  })

  it('accepts every fixture record', () => {
    for (const name of readdirSync(FIXTURES)) {
      const dir = path.join(FIXTURES, name)
      const input = readdirSync(dir).find((f) => f.startsWith('input.'))
      if (!input) continue
      const loaded = loadDocument(`${name}${path.extname(input)}`, readFileSync(path.join(dir, input)), {
        defaultTimezone: null,
        tagVocabulary: DEFAULT_TAG_VOCABULARY,
      })
      if (loaded.document) check(name, loaded.document.record)
    }
  })

  it('rejects a record with an unknown field or a malformed date', () => {
    const row = readLabels('seeds')[0]
    const base = row ? loadShared('seeds', row) : null
    if (!base) return
    expect(validate({ ...base, extra: 1 })).toBe(false)
    expect(validate({ ...base, date: '03.08.2023' })).toBe(false)
    expect(validate({ ...base, slug: '../x' })).toBe(false)
  })
})
