/** Cache keys hash their parts length-prefixed: parts that concatenate alike must still differ, and text and bytes alike. */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hashParts } from '../src/cache/hash.js'

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
})
