import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

describe('temporary folders of the test run', () => {
  it('live under one folder of this run, which the global teardown removes', () => {
    // A test that forgets to remove its project must not leave it in the machine's /tmp: see test/global-setup.ts.
    expect(path.basename(os.tmpdir())).toMatch(/^hindsight-test-run-/)
  })
})
