/**
 * The search indexer's scratch folders never outlive their build (issue 19 §5): removed on SIGINT and SIGTERM, and
 * those of dead builds removed when the next one starts.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { removeStaleScratch, withScratch } from '../src/search/scratch.js'
import { REPO } from './build-helpers.js'

const parent = mkdtempSync(path.join(os.tmpdir(), 'hindsight-scratch-test-'))
afterAll(() => rmSync(parent, { recursive: true, force: true }))

describe('indexer scratch folders', () => {
  it('removes the folders of builds that no longer run, and only those', () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid!
    for (const name of [`hindsight-pagefind-${dead}-abc`, `hindsight-pagefind-${process.ppid}-def`, 'hindsight-pagefind-xyz', 'other-folder'])
      mkdirSync(path.join(parent, name))
    removeStaleScratch(parent)
    expect(readdirSync(parent).sort()).toEqual([`hindsight-pagefind-${process.ppid}-def`, 'hindsight-pagefind-xyz', 'other-folder'].sort())
  })

  it('removes its folder when the work is done or fails', async () => {
    let seen = ''
    await expect(
      withScratch(parent, async (dir) => {
        seen = dir
        expect(existsSync(dir)).toBe(true)
        throw new Error('indexer failed')
      }),
    ).rejects.toThrow('indexer failed')
    expect(existsSync(seen)).toBe(false)
    expect(process.listenerCount('SIGTERM')).toBe(0)
  })

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`removes its folder when the build is stopped by ${signal}, and still dies of it`, async () => {
      const script = `import { withScratch } from ${JSON.stringify(path.join(REPO, 'dist', 'search', 'scratch.js'))}
await withScratch(${JSON.stringify(parent)}, async (dir) => { console.log(dir); await new Promise(() => setInterval(() => {}, 1000)) })`
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
      const dir = await new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())))
      expect(existsSync(dir)).toBe(true)
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, by) => resolve(by)))
      child.kill(signal)
      expect(await exited).toBe(signal)
      expect(existsSync(dir)).toBe(false)
    })
  }
})
