/**
 * Stamping the inputs of a warm build (`build/inputs.ts`): a file unchanged since the last build is not read, and
 * while the options hold its stamp is the last build's own object (10,000 copies fewer to make and keep); with other
 * options its document key is worked out again.
 */
import { rmSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { findInputs } from '../src/build/inputs.js'
import type { BuildState } from '../src/build/state.js'
import { documentKey, documentOptionsKey } from '../src/cache/hash.js'
import { discoverContent } from '../src/content/discover.js'
import { makeProject } from './build-helpers.js'

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

describe('stamping the inputs of a warm build', () => {
  it('takes an unchanged file’s stamp as the last build left it, and works out its key again under other options', async () => {
    const { root, config } = makeProject(1)
    roots.push(root)
    const keys = { optionsKey: documentOptionsKey(config), renderKey: '', templatesKey: '' }
    const first = await findInputs(config, discoverContent, null, keys)
    const inputs = new Map(first.inputs.map((i) => [i.source, i.stamp]))
    // Stamped well before the last build started, so the stamps are trusted.
    const last = { inputs, startedAt: Date.now() + 60_000, optionsKey: keys.optionsKey } as BuildState
    const again = await findInputs(config, discoverContent, last, keys)
    expect(again.inputs.length).toBe(first.inputs.length)
    for (const input of again.inputs) {
      expect(input.bytes).toBeNull()
      expect(input.stamp).toBe(inputs.get(input.source))
    }
    const other = await findInputs(config, discoverContent, last, { ...keys, optionsKey: 'other' })
    for (const input of other.inputs) {
      const before = inputs.get(input.source)!
      expect(input.stamp).not.toBe(before)
      expect(input.stamp).toEqual({ ...before, key: documentKey(input.source, before.hash, 'other') })
    }
  })
})
