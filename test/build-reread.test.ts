import { rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { createDocumentSet } from '../src/build/documents.js'
import { findInputs } from '../src/build/inputs.js'
import { documentOptionsKey } from '../src/cache/hash.js'
import { discoverContent } from '../src/content/discover.js'
import { OutputError } from '../src/errors.js'
import { makeProject } from './build-helpers.js'

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

/** A project whose inputs are stamped with no bytes kept, so each file is read again when it is normalized. */
async function stampedWithoutBytes() {
  const { root, config } = makeProject(1)
  roots.push(root)
  const keys = { optionsKey: documentOptionsKey(config), renderKey: '', templatesKey: '' }
  const found = await findInputs(config, discoverContent, null, keys, 0)
  expect(found.inputs.every((i) => i.bytes === null)).toBe(true)
  return { config, inputs: found.inputs }
}

describe('content read again when normalized (a build keeps only some bytes)', () => {
  it('a file edited after its stamp is normalized as it is now and not cached under the stamped key', async () => {
    const { config, inputs } = await stampedWithoutBytes()
    const input = inputs[0]!
    writeFileSync(input.absolutePath, '# Edited after the stamp\n\nThe API failed.\n')
    const docs = createDocumentSet(config, 'build', 1)
    await docs.load(inputs)
    expect(docs.loaded.get(input.source)!.doc.document!.record.title).toBe('Edited after the stamp')
    docs.flush()
    // The stamped key names the bytes read first: nothing may be stored under it but their document.
    expect(createDocumentSet(config, 'build', 1).cached(input.stamp.key)).toBeNull()
  })

  it('an unchanged file read again is cached under its key as usual', async () => {
    const { config, inputs } = await stampedWithoutBytes()
    const docs = createDocumentSet(config, 'build', 1)
    await docs.load(inputs)
    docs.flush()
    expect(createDocumentSet(config, 'build', 1).cached(inputs[0]!.stamp.key)).not.toBeNull()
  })

  it('a file removed after its stamp is an OutputError naming it, not a bare ENOENT', async () => {
    const { config, inputs } = await stampedWithoutBytes()
    unlinkSync(inputs[0]!.absolutePath)
    const load = createDocumentSet(config, 'build', 1).load(inputs)
    await expect(load).rejects.toThrow(OutputError)
    await expect(load).rejects.toThrow(new RegExp(`Cannot read ${inputs[0]!.source} again`))
  })
})
