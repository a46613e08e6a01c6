import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * Compiles and bundles the CLI once (as `npm run compile` does), so tests that spawn `dist/cli.js` run the current
 * sources as users get them; and points the temporary folder of every test (and of every process a test spawns) at
 * one folder of this run, removed when the run ends, so a test that forgets to clean up leaves nothing in /tmp.
 */
export default function setup(): () => void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' })
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { stdio: 'inherit' })
  const runTemp = mkdtempSync(path.join(os.tmpdir(), 'hindsight-test-run-'))
  const previous = process.env.TMPDIR
  process.env.TMPDIR = runTemp
  return () => {
    if (previous === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = previous
    rmSync(runTemp, { recursive: true, force: true })
  }
}
