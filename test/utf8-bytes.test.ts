/**
 * Rendered text's UTF-8 bytes through one reused buffer (src/site/utf8.ts): the same bytes as `Buffer.from` for every
 * kind of text a page can hold, and bytes of their own that a later encoding never overwrites.
 */
import { describe, expect, it } from 'vitest'
import { utf8Bytes, utf8View } from '../src/site/utf8.js'

const page = (n: number): string => `<p>Impact – 12:03 … ≈ ${'x'.repeat(40)} 🙂 сеть ネットワーク</p>\n`.repeat(n)

const TEXTS: Record<string, string> = {
  empty: '',
  'short ASCII': '<a href="/x/">x</a>',
  'short two-byte': 'a–b',
  'long ASCII': 'abc <b>d</b>\n'.repeat(2000),
  'long two-byte page': page(400),
  'long Latin-1': 'café résumé '.repeat(500),
  'lone surrogates': `${page(50)}\ud800 x \udc00 y \ud83d`,
  'a surrogate pair at the end': `${'a'.repeat(3000)}\ud83d\ude00`,
  'longer than the scratch buffer': page(30_000),
}

describe('utf8Bytes and utf8View', () => {
  for (const [name, text] of Object.entries(TEXTS)) {
    it(`encode ${name} as Buffer.from does`, () => {
      const expected = Buffer.from(text)
      expect(Buffer.from(utf8Bytes(text)).equals(expected)).toBe(true)
      expect(Buffer.from(utf8View(text)).equals(expected)).toBe(true)
    })
  }

  it('give bytes of their own: a later encoding leaves them as they were, and their buffer can be transferred', () => {
    const first = utf8Bytes(page(100))
    const copy = Buffer.from(first)
    utf8Bytes(page(120).replace(/x/g, 'y'))
    utf8View(page(90).replace(/x/g, 'z'))
    expect(Buffer.from(first).equals(copy)).toBe(true)
    expect(first.byteOffset).toBe(0)
    expect(first.buffer.byteLength).toBe(first.byteLength)
    const { port1, port2 } = new MessageChannel()
    port1.postMessage(first, [first.buffer])
    expect(first.byteLength).toBe(0)
    port1.close()
    port2.close()
  })
})
