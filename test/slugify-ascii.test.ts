/** The slug of printable ASCII (src/site/paths.ts `slugifyAscii`) is the library's, on generated and real labels. */
import slugifyLib from '@sindresorhus/slugify'
import { describe, expect, it } from 'vitest'
import { slugifyAscii } from '../src/site/paths.js'
import { prng } from '../bench/generate.mjs'
import { seedFiles } from './build-helpers.js'

const library = (label: string): string => slugifyLib(label, { decamelize: false, preserveCharacters: [] })

describe('the ASCII slug', () => {
  it("equals the library's on 20,000 generated labels heavy in the characters it treats apart", () => {
    const random = prng(18)
    const special = ["'", '&', '^', '`', '-', '_', ' ', '\\', 's', 't', 'S', 'T', '9', '--', "'s", "'t"]
    const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))
    for (let n = 0; n < 20_000; n++) {
      let label = ''
      const length = Math.floor(random() * 24)
      for (let i = 0; i < length; i++) {
        const pool = random() < 0.5 ? special : printable
        label += pool[Math.floor(random() * pool.length)]
      }
      expect([label, slugifyAscii(label)]).toEqual([label, library(label)])
    }
  })

  it("equals the library's on every printable line and word of the bundled postmortems", () => {
    const labels = seedFiles().flatMap(([, text]) => text.split('\n').flatMap((line) => [line, ...line.split(/\s+/)]))
    const ascii = labels.filter((l) => /^[\x20-\x7e]*$/.test(l))
    expect(ascii.length).toBeGreaterThan(500)
    for (const label of ascii) expect([label, slugifyAscii(label)]).toEqual([label, library(label)])
  })
})
