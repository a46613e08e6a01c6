import { readFileSync, writeFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import standalone from 'ajv/dist/standalone/index.js'
import { describe, expect, it } from 'vitest'

/** The validator module `src/config-schema.ts` runs: ajv's standalone code for the schema, so no compile at start-up. */
const GENERATED = 'src/config-validator.generated.ts'

/** What the error messages read of a property's schema (its type and limits), without descriptions and defaults. */
const RULE_KEYS = ['type', 'minimum', 'pattern', 'additionalProperties', 'items']
const rulesOf = (schema: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    RULE_KEYS.filter((k) => k in schema).map((k) => {
      const value = schema[k]
      return [k, typeof value === 'object' && value !== null && !Array.isArray(value) ? rulesOf(value as Record<string, unknown>) : value]
    }),
  )

function generate(): string {
  const schema = JSON.parse(readFileSync('schema/config.schema.json', 'utf8')) as { properties: Record<string, Record<string, unknown>> }
  const ajv = new Ajv({ allowUnionTypes: true, code: { source: true, esm: true } })
  const code = standalone.default(ajv, ajv.compile(schema))
  return [
    '// @ts-nocheck',
    '/* eslint-disable */',
    '// Generated from schema/config.schema.json by ajv (standalone code); do not edit.',
    '// Regenerate with `UPDATE=1 npx vitest run test/config-validator.test.ts` after changing the schema.',
    code,
    `export const PROPERTIES = ${JSON.stringify(Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, rulesOf(value)])))};`,
    '',
  ].join('\n')
}

describe('the precompiled config validator', () => {
  it("is ajv's code for the current schema (UPDATE=1 rewrites it)", () => {
    const expected = generate()
    if (process.env['UPDATE']) writeFileSync(GENERATED, expected)
    expect(readFileSync(GENERATED, 'utf8')).toBe(expected)
  })
})
