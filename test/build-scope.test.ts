/** `chooseScope` alone: which pass a build runs, from the last build's state and this build's inputs, without building. */
import { describe, expect, it } from 'vitest'
import { chooseScope, EDITED_ONLY_MAX, type ScopeInputs } from '../src/build/scope.js'
import type { BuildState, InputStamp } from '../src/build/state.js'

const stamp = (key: string): InputStamp => ({ hash: key, key, size: 1, mtimeMs: 1, ino: 1 })
const inputs = (n: number, edited: ReadonlySet<number> = new Set()) =>
  Array.from({ length: n }, (_, i) => ({ source: `${i}.md`, stamp: stamp(edited.has(i) ? `new-${i}` : `key-${i}`) }))

function lastBuild(n: number, overrides: Partial<BuildState> = {}): BuildState {
  return {
    pipeline: 1,
    outDir: '/site',
    site: { ino: 1, mtimeMs: 1 },
    buildKey: 'build',
    startedAt: 0,
    searchKey: null,
    inputs: new Map(inputs(n).map((i) => [i.source, i.stamp])),
    reports: [],
    manifest: new Map(),
    structureKey: 'structure',
    archive: inputs(n).map((i) => ({ source: i.source, slug: i.source, listingKey: 'k', renamed: false })),
    relatedId: 'r',
    ...overrides,
  }
}

const now = (n: number, overrides: Partial<ScopeInputs> = {}, edited: ReadonlySet<number> = new Set()): ScopeInputs => ({
  mode: 'build',
  siteTrusted: true,
  buildKey: edited.size ? 'other' : 'build',
  structureKey: 'structure',
  inputs: inputs(n, edited),
  ...overrides,
})

describe('chooseScope', () => {
  it('builds nothing when the build key is the last one and site/ is the folder it describes', () => {
    expect(chooseScope(lastBuild(3), now(3)).kind).toBe('unchanged')
  })

  it('builds everything without a state, with an untrusted site/, or in dev', () => {
    expect(chooseScope(null, now(3)).kind).toBe('full')
    expect(chooseScope(lastBuild(3), now(3, { siteTrusted: false })).kind).toBe('full')
    expect(chooseScope(lastBuild(3), now(3, { mode: 'dev' })).kind).toBe('full')
    expect(chooseScope(lastBuild(3), now(3, { mode: 'dev' }, new Set([1]))).kind).toBe('full')
  })

  it('tries the edited-only pass for the edited files alone while the structure holds', () => {
    const scope = chooseScope(lastBuild(5), now(5, {}, new Set([1, 3])))
    expect(scope).toEqual({ kind: 'edited', changed: [expect.objectContaining({ source: '1.md' }), expect.objectContaining({ source: '3.md' })] })
  })

  it('builds everything when the structure changed, the last build kept no archive, or too many files changed', () => {
    const edited = new Set([1])
    expect(chooseScope(lastBuild(5), now(5, { structureKey: 'moved' }, edited)).kind).toBe('full')
    expect(chooseScope(lastBuild(5, { archive: undefined }), now(5, {}, edited)).kind).toBe('full')
    const many = new Set(Array.from({ length: EDITED_ONLY_MAX + 1 }, (_, i) => i))
    expect(chooseScope(lastBuild(EDITED_ONLY_MAX + 2), now(EDITED_ONLY_MAX + 2, {}, many)).kind).toBe('full')
    expect(chooseScope(lastBuild(EDITED_ONLY_MAX + 2), now(EDITED_ONLY_MAX + 2, {}, new Set([...many].slice(1)))).kind).toBe('edited')
  })

  it('builds everything when the build key differs but no file did (an option without a structure change)', () => {
    expect(chooseScope(lastBuild(3), now(3, { buildKey: 'other' })).kind).toBe('full')
  })

  it('names why it builds everything, for the debug line (NODE_DEBUG=hindsight): a full pass is never silent', () => {
    const reason = (scope: ReturnType<typeof chooseScope>): string => (scope.kind === 'full' ? scope.reason : scope.kind)
    expect(reason(chooseScope(null, now(3)))).toBe('no usable build state')
    expect(reason(chooseScope(lastBuild(3), now(3, { siteTrusted: false })))).toMatch(/output folder is not the one/)
    expect(reason(chooseScope(lastBuild(3), now(3, { mode: 'dev' })))).toBe('dev mode')
    expect(reason(chooseScope(lastBuild(5), now(5, { structureKey: 'moved' }, new Set([1]))))).toMatch(/list of files changed/)
    expect(reason(chooseScope(lastBuild(3), now(3, { buildKey: 'other' })))).toMatch(/no content file changed/)
  })
})
