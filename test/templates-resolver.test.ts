/**
 * Eta's `resolvePath` over template layers (src/site/templates-layers.ts): a project's file wins over the bundled one,
 * names resolve relative to the including file, and a resolution is remembered by template and including file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { TemplateError } from '../src/errors.js'
import { createLayeredResolver } from '../src/site/templates-layers.js'

const root = mkdtempSync(path.join(os.tmpdir(), 'hindsight-resolver-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function layer(name: string, files: string[]): string {
  const dir = path.join(root, name)
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    writeFileSync(path.join(dir, file), file)
  }
  return dir
}

describe('the layered template resolver', () => {
  const project = layer('project', ['partials/card.eta'])
  const bundled = layer('bundled', ['postmortem.eta', 'partials/card.eta', 'partials/timeline.eta', 'layout.eta'])
  const resolve = createLayeredResolver([project, bundled])

  it("takes the project's file first, else the bundled one, relative to the including file", () => {
    expect(resolve('postmortem')).toBe(path.join(bundled, 'postmortem.eta'))
    expect(resolve('/partials/card', path.join(bundled, 'postmortem.eta'))).toBe(path.join(project, 'partials', 'card.eta'))
    expect(resolve('./timeline', path.join(project, 'partials', 'card.eta'))).toBe(path.join(bundled, 'partials', 'timeline.eta'))
    expect(resolve('./layout', path.join(bundled, 'postmortem.eta'))).toBe(path.join(bundled, 'layout.eta'))
  })

  it('gives the same file for the same call again, from memory, and still refuses a missing name', () => {
    const from = path.join(bundled, 'postmortem.eta')
    const first = resolve('/partials/timeline', from)
    rmSync(path.join(bundled, 'partials', 'timeline.eta'))
    expect(resolve('/partials/timeline', from)).toBe(first)
    expect(() => resolve('/partials/nothing', from)).toThrow(TemplateError)
    expect(() => resolve('/partials/nothing', from)).toThrow(TemplateError)
  })
})
