/** Cache keys hash their parts length-prefixed: parts that concatenate alike must still differ, and text and bytes alike. */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hashList, hashParts } from '../src/cache/hash.js'
import { inputKeys } from '../src/build/inputs.js'

/** The definition: sha256 over `<byte length>:<bytes>` of each part in turn, 32 hex digits. */
const reference = (...parts: Array<string | Uint8Array>): string => {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(Buffer.concat([Buffer.from(`${Buffer.byteLength(part)}:`), Buffer.from(part)]))
  return hash.digest('hex').slice(0, 32)
}

describe('hashParts', () => {
  it('is sha256 over length-prefixed parts, for text, bytes and a mix', () => {
    const cases: Array<Array<string | Uint8Array>> = [
      [],
      [''],
      ['a', 'bc'],
      ['é', Buffer.from('x'), 'zz', ''],
      [Buffer.from([0, 1, 2])],
      ['x'.repeat(5000), 'ü', new Uint8Array([255])],
    ]
    for (const parts of cases) expect(hashParts(...parts)).toBe(reference(...parts))
  })

  it('tells apart parts that concatenate alike, and text from its bytes in another split', () => {
    expect(hashParts('ab', 'c')).not.toBe(hashParts('a', 'bc'))
    expect(hashParts('a', '')).not.toBe(hashParts('a'))
    expect(hashParts('ab')).toBe(hashParts(Buffer.from('ab')))
  })

  it('hashes a list of any length as hashParts does, long text in several updates, without a part per stack slot', () => {
    const parts = Array.from({ length: 300_000 }, (_, i) => (i % 7 === 0 ? 'ü'.repeat(i % 50) : `k${i}`))
    const hash = createHash('sha256')
    for (const part of parts) hash.update(`${Buffer.byteLength(part)}:${part}`)
    expect(hashList(parts)).toBe(hash.digest('hex').slice(0, 32))
    expect(hashList(['a', Buffer.from('b'), 'x'.repeat(70_000)])).toBe(reference('a', Buffer.from('b'), 'x'.repeat(70_000)))
  })

  it('keys a build of 200,000 files (spreading them into hashParts overflowed the stack past about 120,000)', () => {
    const inputs = Array.from({ length: 200_000 }, (_, i) => ({ source: `p/${i}.md`, stamp: { key: `key${i}` } }))
    const keys = { optionsKey: 'o', renderKey: 'r', templatesKey: 't' }
    const { structureKey, buildKey } = inputKeys(keys, inputs, [{ source: 'x.md' }], ['static\0a'])
    expect(structureKey).toBe(hashList(['o', 'r', 't', ...inputs.map((i) => i.source), 'refused\0x.md', 'static\0a']))
    expect(buildKey).toBe(hashList([structureKey, ...inputs.map((i) => i.stamp.key)]))
  })
})
