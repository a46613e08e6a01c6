import { describe, expect, it } from 'vitest'
import { collapseSpaces } from '../src/normalize/collapse-spaces.js'
import { sentences } from '../src/normalize/impact/find-stated-range.js'
import { seededRandom } from './helpers/random.js'

const PIECES = [
  'a',
  'Bc',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\u00a0',
  '\u2003',
  '\u200b',
  '\u3000',
  '\u2028',
  ':fire:',
  ':X:',
  '.',
  '1',
  'p.m.',
  'Sept.',
  '!',
]
const text = (next: () => number, length: number): string => Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)]).join('')

/** Shortcuts taken for the normalizer's cost give what the reading they skip gives. */
describe('normalizer cost shortcuts', () => {
  it('collapseSpaces is replace(/\\s+/g, " ") on texts of every kind of white space', () => {
    const next = seededRandom(19)
    for (let i = 0; i < 5000; i++) {
      const t = text(next, Math.floor(next() * 12))
      expect(collapseSpaces(t), JSON.stringify(t)).toBe(t.replace(/\s+/g, ' '))
    }
  })

  it('sentences of a passage are the same when read again, after many other passages', () => {
    const passage = 'Errors began at 10:05 p.m. UTC. Service recovered at 10:40.\nNo digits here. Sept. 3 was fine!'
    const first = [...sentences(passage)]
    expect(first).toEqual(['Errors began at 10:05 p.m. UTC.', 'Service recovered at 10:40.', 'Sept. 3 was fine!'])
    for (let i = 0; i < 600; i++) sentences(`Passage ${i} at 10:${i % 60}. Then more.`)
    expect([...sentences(passage)]).toEqual(first)
  })
})
