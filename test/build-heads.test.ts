/**
 * What a build holds of its documents once normalized (src/build/documents.ts): heads, with bodies read back from
 * the cache when a page needs one, whichever thread normalized them. Normalized on the main thread (`--workers 1`,
 * and always under vitest), the whole documents were kept to the end of the build: about 60 kB a postmortem.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createBuilder } from '../src/builder.js'
import { createDocumentSet } from '../src/build/documents.js'
import { findInputs } from '../src/build/inputs.js'
import { documentOptionsKey } from '../src/cache/hash.js'
import { discoverContent } from '../src/content/discover.js'
import type { ArchiveDocument } from '../src/site/pages.js'
import { makeProject } from './build-helpers.js'

/** The body fields a document holds as values of its own (not read on demand). */
const heldBody = (doc: ArchiveDocument): string[] => [
  ...['sections', 'timeline', 'lessons'].filter((key) => Object.getOwnPropertyDescriptor(doc.record, key)?.value !== undefined),
  ...(Object.getOwnPropertyDescriptor(doc, 'html')?.value !== undefined ? ['html'] : []),
]

describe('the documents a build holds', () => {
  it('are heads after a build that normalized every file on the main thread; the pages still show the bodies', async () => {
    const { config } = makeProject(2)
    const builder = createBuilder(config, { workers: 1 })
    const built = await builder.build()
    expect(built.errors).toBe(0)
    const docs = [...builder.documents.values()]
    expect(docs.length).toBeGreaterThan(5)
    expect(docs.flatMap(heldBody)).toEqual([])
    // Read through the one explicit call, the bodies are the ones the pages show.
    for (const doc of docs.slice(0, 3)) {
      const page = readFileSync(path.join(config.outDir, doc.record.slug, 'postmortem.json'), 'utf8')
      const whole = builder.readBody(doc)
      expect(JSON.parse(page)).toEqual(JSON.parse(JSON.stringify(whole.record)))
      expect(whole.html.length).toBeGreaterThan(0)
    }
  })

  it('are whole in `dev`, which keeps them for its session', async () => {
    const { config } = makeProject(1)
    const builder = createBuilder(config, { mode: 'dev', workers: 1 })
    await builder.build()
    const docs = [...builder.documents.values()]
    expect(docs.length).toBeGreaterThan(2)
    expect(docs.every((d) => heldBody(d).length === 4)).toBe(true)
  })
})

describe('the inputs of a build', () => {
  it('keep bytes up to a bound, and the files past it are read when normalized, to the same documents', async () => {
    const { config } = makeProject(1)
    const keys = { optionsKey: documentOptionsKey(config), renderKey: '', templatesKey: '' }
    const all = await findInputs(config, discoverContent, null, keys)
    const first = all.inputs[0]!.bytes!.byteLength
    const bounded = await findInputs(config, discoverContent, null, keys, first)
    expect(bounded.inputs.map((i) => i.bytes !== null)).toEqual(all.inputs.map((_, i) => i === 0))
    expect(bounded.inputs.map((i) => i.stamp.key)).toEqual(all.inputs.map((i) => i.stamp.key))
    const [whole, read] = [createDocumentSet(config, 'build', 1), createDocumentSet({ ...config, cacheDir: `${config.cacheDir}-read` }, 'build', 1)]
    await whole.load(all.inputs)
    await read.load(bounded.inputs)
    const docs = (set: typeof whole): string[] => [...set.loaded.values()].map((l) => JSON.stringify(l.doc))
    expect(docs(read)).toEqual(docs(whole))
  })

  it('let go of their bytes once their documents are made, which are read from the file again if a retry needs them', async () => {
    const { config } = makeProject(1)
    const found = await findInputs(config, discoverContent, null, { optionsKey: documentOptionsKey(config), renderKey: '', templatesKey: '' })
    expect(found.inputs.length).toBeGreaterThan(2)
    expect(found.inputs.every((i) => i.bytes !== null)).toBe(true)
    const documents = createDocumentSet(config, 'build', 1)
    await documents.load(found.inputs)
    expect(found.inputs.filter((i) => i.bytes !== null).map((i) => i.source)).toEqual([])
    expect(found.inputs.every((i) => documents.loaded.get(i.source)?.key === i.stamp.key)).toBe(true)
    // A cache found bad mid-build is discarded and every input loaded again, from its file.
    const before = [...documents.loaded.values()].map((l) => JSON.stringify(l.doc))
    documents.discard()
    await documents.load(found.inputs)
    expect([...documents.loaded.values()].map((l) => JSON.stringify(l.doc))).toEqual(before)
  })
})
