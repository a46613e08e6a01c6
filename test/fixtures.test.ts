/**
 * The fixture loop: each `test/fixtures/<case>/input.*` is loaded the way the build loads a postmortem and compared
 * with the folder's `record.json` (the whole record) and/or `diagnostics.json`. `UPDATE=1` rewrites expectations
 * (a folder with neither file gets both).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG_VOCABULARY } from '../src/config.js'
import { loadDocument } from '../src/document.js'
import type { NormalizeOptions } from '../src/normalize/index.js'

const FIXTURES = path.join(import.meta.dirname, 'fixtures')
const UPDATE = process.env['UPDATE'] === '1'

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()

function inputOf(dir: string): string | null {
  return readdirSync(dir).find((name) => /^input\./.test(name)) ?? null
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'))
}

function write(file: string, value: unknown): void {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`)
}

describe('fixtures', () => {
  it('has fixture folders', () => {
    expect(cases.length).toBeGreaterThan(0)
  })

  for (const name of cases) {
    it(name, () => {
      const dir = path.join(FIXTURES, name)
      const input = inputOf(dir)
      if (!input) throw new Error(`fixture ${name} has no input.* file`)
      const optionsFile = path.join(dir, 'options.json')
      const options: NormalizeOptions = {
        defaultTimezone: null,
        tagVocabulary: DEFAULT_TAG_VOCABULARY,
        ...(existsSync(optionsFile) ? (readJson(optionsFile) as Partial<NormalizeOptions>) : {}),
      }
      const source = `${name}${path.extname(input)}`
      const loaded = loadDocument(source, readFileSync(path.join(dir, input)), options)
      const record = loaded.document?.record ?? null
      const recordFile = path.join(dir, 'record.json')
      const diagnosticsFile = path.join(dir, 'diagnostics.json')
      const hasRecord = existsSync(recordFile)
      const hasDiagnostics = existsSync(diagnosticsFile)
      if (UPDATE) {
        if (hasRecord || !hasDiagnostics) write(recordFile, record)
        if (hasDiagnostics || !hasRecord) write(diagnosticsFile, loaded.diagnostics)
        return
      }
      if (!hasRecord && !hasDiagnostics) throw new Error(`fixture ${name} has no record.json or diagnostics.json; run with UPDATE=1`)
      if (hasRecord) expect(JSON.parse(JSON.stringify(record))).toEqual(readJson(recordFile))
      if (hasDiagnostics) expect(loaded.diagnostics).toEqual(readJson(diagnosticsFile))
    })
  }
})
