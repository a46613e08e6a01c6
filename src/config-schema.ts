/**
 * Checks a config object against `schema/config.schema.json`, the one description of the config that editors also
 * read, and turns the first problem into a one-line error naming the key. The checking code is ajv's own, compiled
 * ahead of time (`config-validator.generated.ts`), so a command does not pay for loading ajv and compiling the schema.
 */
import type { ErrorObject } from 'ajv'
import { closest, distance } from 'fastest-levenshtein'
import { PROPERTIES, validate as validateAgainstSchema } from './config-validator.generated.js'
import { ConfigError } from './errors.js'
import type { Config } from './types.js'

/** The part of a JSON Schema property this module reads to say what a key must be. */
interface PropertySchema {
  type?: string | string[]
  minimum?: number
  pattern?: string
  additionalProperties?: PropertySchema | boolean
  items?: PropertySchema
}

/** Each key's rules as the schema states them (generated beside the validator, so nothing is read at run time). */
const SCHEMA = { properties: PROPERTIES as Record<string, PropertySchema> }

/** Keys whose rule is a pattern: what the pattern means, in words. */
const PATTERN_WORDS: ReadonlyMap<string, string> = new Map([
  ['url', 'an absolute http(s) URL such as https://example.com'],
  ['repository', 'a link template with {path}, such as https://github.com/acme/postmortems/edit/main/{path}, or { url, branch, view, edit }'],
])

/** ajv's validator as the generated module gives it: true, or false with the errors on the function. */
const validator = validateAgainstSchema as { (data: unknown): boolean; errors?: ErrorObject[] | null }

/** What a value of this schema is, in words: `a positive integer`, `an object of string lists`. */
export function describeSchema(schema: PropertySchema): string {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []
  const words = types.map((type) => {
    if (type === 'integer') return schema.minimum === 1 ? 'a positive integer' : 'an integer'
    if (type === 'boolean') return 'true or false'
    if (type === 'null') return 'null'
    if (type === 'array') return `a list${schema.items ? ` of ${plural(describeSchema(schema.items))}` : ''}`
    if (type === 'object' && typeof schema.additionalProperties === 'object') return `an object of ${plural(describeSchema(schema.additionalProperties))}`
    return `a${/^[aeiou]/.test(type) ? 'n' : ''} ${type}`
  })
  return words.join(' or ')
}

/** `a string` to `strings`, `a list of strings` to `string lists`: the words for several of them. */
const plural = (words: string): string => (words.startsWith('a list of ') ? `${words.slice(10, -1)} lists` : `${words.replace(/^an? /, '')}s`)

const brief = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 40 ? `${text.slice(0, 37)}...` : text
}

/** The error for an unknown key: the nearest known key when it is close, else the list of keys. */
function unknownKey(key: string): string {
  const known = Object.keys(SCHEMA.properties).filter((k) => k !== '$schema')
  const near = closest(key, known)
  const hint = distance(key.toLowerCase(), near.toLowerCase()) <= Math.max(2, near.length / 3) ? `did you mean \`${near}\`?` : `known keys: ${known.join(', ')}`
  return `unknown key \`${key}\`; ${hint}`
}

/** One line for ajv's first error: the top-level key it concerns, what that key must be and the value given. */
function explain(error: ErrorObject, raw: Record<string, unknown>): string {
  if (error.keyword === 'additionalProperties' && error.instancePath === '') return unknownKey(String(error.params['additionalProperty']))
  const key = decodeURIComponent(error.instancePath.split('/')[1] ?? '')
    .replace(/~1/g, '/')
    .replace(/~0/g, '~')
  const property = Object.hasOwn(SCHEMA.properties, key) ? SCHEMA.properties[key] : undefined
  if (!property) return `the config ${error.message ?? 'is invalid'}`
  const expected = error.keyword === 'pattern' ? (PATTERN_WORDS.get(key) ?? `text matching ${property.pattern}`) : describeSchema(property)
  return `\`${key}\` must be ${expected}, not ${brief(raw[key])}`
}

/** Checks a config object (from the file or the command line), naming the key and `where` it came from in the error. */
export function validateConfig(raw: unknown, where: string): Config {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${where}: the config must be a JSON object`)
  const record = raw as Record<string, unknown>
  if (Object.keys(record).length === 0) return {}
  if (!validator(record)) throw new ConfigError(`${where}: ${explain(validator.errors![0]!, record)}`)
  return record as Config
}
