import { describe, expect, it } from 'vitest'
import { allMatches } from '../src/normalize/all-matches.js'
import { seededRandom } from './helpers/random.js'

const plain = (ms: RegExpExecArray[] | RegExpMatchArray[]) => ms.map((m) => ({ index: m.index, all: [...m], groups: m.groups ?? null }))

describe('allMatches', () => {
  const expressions = [/\d+/g, /(?<h>\d{1,2}):(?<m>\d{2})/g, /\b(?:and|then)\b/gi, /x*/g, /(?:)/gu, /\p{L}*/gu, /^\s*(\w+):/gm, /(?<=\s)a|b(?!c)/giu]
  const alphabet = ['a', 'b', 'c', 'x', '1', '2', ':', ' ', '\n', 'and', 'then', '😀', 'é', '12:30']

  it('gives what matchAll gives, for random texts, expressions matching empty and Unicode ones included', () => {
    const next = seededRandom(18)
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: Math.floor(next() * 30) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('')
      for (const re of expressions) expect(plain(allMatches(re, text)), `${re} on ${JSON.stringify(text)}`).toEqual(plain([...text.matchAll(re)]))
    }
  })

  it('starts from the text start whatever the expression was left at, and leaves it at the start', () => {
    const re = /\d/g
    re.lastIndex = 3
    expect(allMatches(re, '1a2b3').map((m) => m.index)).toEqual([0, 2, 4])
    expect(re.lastIndex).toBe(0)
  })
})
