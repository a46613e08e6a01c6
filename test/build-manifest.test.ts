/**
 * The packed output manifest (`build/manifest.ts`): a Map to its users (same entries, same order, copies), and a few
 * dozen bytes a file where an object with two hash strings cost about 170.
 */
import { describe, expect, it } from 'vitest'
import { hashParts } from '../src/cache/hash.js'
import { PackedManifest } from '../src/build/manifest.js'
import type { ManifestEntry } from '../src/build/state.js'
import { usedHeapAfterGc } from './helpers/heap.js'

describe('packed manifest', () => {
  it('behaves as a Map of entries: hashes, empty and streamed ones, order, delete, copies', () => {
    const entries: Array<[string, ManifestEntry]> = [
      ['a/index.html', { inputHash: hashParts('a'), outputHash: hashParts('a!') }],
      ['assets/site.css', { inputHash: '', outputHash: hashParts('css') }],
      ['postmortems.json', { inputHash: hashParts('e'), outputHash: `stream:${hashParts('e')}` }],
      ['b/index.html', { inputHash: hashParts('b'), outputHash: hashParts('b!') }],
    ]
    const packed = new PackedManifest(entries)
    expect([...packed]).toEqual(entries)
    expect(packed.size).toBe(4)
    expect(packed.get('b/index.html')).toEqual(entries[3]![1])
    expect(packed.get('missing')).toBeUndefined()
    // Set again: same place; from an odd entry to a packed one and back.
    packed.set('assets/site.css', { inputHash: hashParts('x'), outputHash: hashParts('y') })
    packed.set('a/index.html', { inputHash: '', outputHash: '' })
    expect([...packed.keys()]).toEqual(['a/index.html', 'assets/site.css', 'postmortems.json', 'b/index.html'])
    expect(packed.get('assets/site.css')).toEqual({ inputHash: hashParts('x'), outputHash: hashParts('y') })
    expect(packed.get('a/index.html')).toEqual({ inputHash: '', outputHash: '' })
    const copy = new PackedManifest(packed)
    expect(packed.delete('postmortems.json')).toBe(true)
    expect(packed.has('postmortems.json')).toBe(false)
    expect(copy.get('postmortems.json')).toEqual(entries[2]![1])
    packed.set('postmortems.json', entries[2]![1])
    expect([...packed.keys()].at(-1)).toBe('postmortems.json')
    expect(new Map(packed)).toEqual(new Map([...packed.entries()]))
    // Upper-case or short hex is not a hash the build makes: kept as given.
    packed.set('odd', { inputHash: 'ABCDEF', outputHash: hashParts('z').toUpperCase() })
    expect(packed.get('odd')).toEqual({ inputHash: 'ABCDEF', outputHash: hashParts('z').toUpperCase() })
  })

  it('reads and gives the stored fields in bulk: the same entries, order and text as one entry at a time', () => {
    const entries: Array<[string, ManifestEntry]> = Array.from({ length: 3000 }, (_, i) => [
      `p${i}/index.html`,
      i % 7 === 3
        ? { inputHash: hashParts(`${i}`), outputHash: `stream:${hashParts(`${i}`)}` }
        : { inputHash: i % 11 ? hashParts(`i${i}`) : '', outputHash: hashParts(`o${i}`) },
    ])
    entries.push(['odd', { inputHash: 'ABCDEF', outputHash: hashParts('z').toUpperCase() }])
    const fields = entries.flatMap(([p, e]) => [p, e.inputHash, e.outputHash])
    const packed = PackedManifest.fromFields(fields)
    expect([...packed]).toEqual(entries)
    expect([...packed.fields(2048)].flat()).toEqual(fields)
    expect([...packed.fields(2048)].every((batch) => batch.length <= 2048)).toBe(true)
    // Entries set, deleted and added after the read: the fields follow the map's order.
    packed.set('p5/index.html', { inputHash: hashParts('new'), outputHash: '' })
    packed.delete('p7/index.html')
    packed.set('p7/index.html', { inputHash: hashParts('back'), outputHash: hashParts('back!') })
    packed.set('added', { inputHash: hashParts('a'), outputHash: hashParts('b') })
    expect([...packed.fields(30)].flat()).toEqual([...packed].flatMap(([p, e]) => [p, e.inputHash, e.outputHash]))
    expect(new PackedManifest(packed).get('p5/index.html')).toEqual({ inputHash: hashParts('new'), outputHash: '' })
    // A path twice (never written by the state): the later entry, at the first one's place, as a Map takes them.
    const twice = PackedManifest.fromFields([...fields.slice(0, 6), 'p0/index.html', 'x', 'y'])
    expect([...twice]).toEqual([...new Map([...entries.slice(0, 2), ['p0/index.html', { inputHash: 'x', outputHash: 'y' }]])])
    expect([...PackedManifest.fromFields([]).fields(2048)]).toEqual([])
  })

  it('reads the stored text in place as fromFields reads its fields: entries, order, odd hashes, a path twice, a torn end', () => {
    const sep = '\u0000'
    const hash = (x: string): string => hashParts(x)
    const fields = Array.from({ length: 2000 }, (_, i) => [
      `p${i}/index.html`,
      i % 11 ? hash(`i${i}`) : '',
      i % 7 === 3 ? `stream:${hash(`${i}`)}` : hash(`o${i}`),
    ]).flat()
    // 32 characters that are not 32 lowercase hex digits: kept as given, as are shorter and longer ones.
    fields.push('upper', hash('u').toUpperCase(), hash('u'), 'not-hex', `${hash('g').slice(0, 31)}g`, hash('g'))
    fields.push('short', hash('s').slice(0, 31), hash('s'), 'long', hash('l'), `${hash('l')}0`, 'empty', '', '')
    const cases = [
      fields,
      [...fields.slice(0, 6), 'p0/index.html', hash('x'), hash('y'), ...fields.slice(6, 12)],
      [...fields.slice(0, 9), 'torn', hash('t')],
      [...fields.slice(0, 9), 'torn'],
      [],
    ]
    for (const list of cases) {
      const text = list.join(sep)
      const expected = [...PackedManifest.fromFields(list.length ? text.split(sep) : [])]
      expect([...PackedManifest.fromText(text, sep)]).toEqual(expected)
      expect([...PackedManifest.fromText(text, sep).fields(2048)].flat()).toEqual([...PackedManifest.fromFields(list).fields(2048)].flat())
    }
    expect([...PackedManifest.fromText(`${fields.slice(0, 6).join(sep)}${sep}`, sep)]).toEqual([...PackedManifest.fromFields(fields.slice(0, 6))])
    // Read, then set and copied as any manifest: the slots past the text's grow as before.
    const read = PackedManifest.fromText(fields.join(sep), sep)
    read.set('added', { inputHash: hash('a'), outputHash: hash('b') })
    read.set('p3/index.html', { inputHash: hash('c'), outputHash: hash('d') })
    expect(new PackedManifest(read).get('added')).toEqual({ inputHash: hash('a'), outputHash: hash('b') })
    expect(read.get('p3/index.html')).toEqual({ inputHash: hash('c'), outputHash: hash('d') })
    expect(read.get('upper')).toEqual({ inputHash: hash('u').toUpperCase(), outputHash: hash('u') })
  })

  it('grows past its first array and holds 100,000 files in under 90 bytes each beyond their paths', () => {
    const n = 100_000
    const paths = Array.from({ length: n }, (_, i) => `postmortem-${i}/index.html`)
    const before = usedHeapAfterGc()
    const packed = new PackedManifest()
    // Each entry's hashes made for it alone, as a build's are.
    for (let i = 0; i < n; i++) packed.set(paths[i]!, { inputHash: hashParts(`in${i}`), outputHash: hashParts(`out${i}`) })
    const each = (usedHeapAfterGc() - before) / n
    expect(packed.get(paths[n - 1]!)).toEqual({ inputHash: hashParts(`in${n - 1}`), outputHash: hashParts(`out${n - 1}`) })
    expect(packed.size).toBe(n)
    // A Map of objects with two hash strings each cost about 170 bytes a file.
    expect(each).toBeLessThan(90)
  })
})
