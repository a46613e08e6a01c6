/** The output folder's lock (issue 19 §5): one build at a time per output, stale locks taken over, and an output parent that cannot be made fails fast. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../src/build.js'
import { loadConfig } from '../src/config.js'
import { OutputLockedError } from '../src/errors.js'
import { lockPath } from '../src/site/out-lock.js'
import { projectsForThisFile, siteManifest } from './build-helpers.js'

const makeProject = projectsForThisFile()

/** A pid that ran and has exited, so no process holds it (until the system reuses it). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
  return Number(child.stdout)
}

describe('output lock', () => {
  it('refuses a second build while a live pid holds the lock, leaving the output untouched', async () => {
    const { config } = makeProject(1)
    await build(config)
    const before = siteManifest(config.outDir)
    const lock = lockPath(config.outDir)
    writeFileSync(lock, `${process.pid}\n`)
    writeFileSync(path.join(config.contentDir, 'added.md'), '# Added\n\nA new postmortem.\n')
    const refused = await build(config).then(
      () => null,
      (error: unknown) => error,
    )
    expect(refused).toBeInstanceOf(OutputLockedError)
    expect((refused as Error).message).toContain(lock)
    expect((refused as Error).message).toContain(`pid ${process.pid}`)
    expect((refused as Error).message.split('\n')).toHaveLength(1)
    expect(siteManifest(config.outDir)).toEqual(before)
    expect(readFileSync(lock, 'utf8')).toBe(`${process.pid}\n`) // someone else's lock stays
  }, 120_000)

  it('takes over a stale lock whose pid is dead, and releases it at the end', async () => {
    const { config } = makeProject(1)
    const lock = lockPath(config.outDir)
    writeFileSync(lock, `${deadPid()}\n`)
    const result = await build(config)
    expect(result.pagesWritten).toBeGreaterThan(0)
    expect(existsSync(path.join(config.outDir, 'index.html'))).toBe(true)
    expect(existsSync(lock)).toBe(false)
  }, 120_000)

  it.runIf(process.platform === 'linux')(
    'fails fast with the path when the output parent cannot be created (/proc)',
    async () => {
      const { root } = makeProject(1)
      const config = loadConfig(root, { search: false, outDir: '/proc/hindsight-no-such/site' })
      const started = performance.now()
      const error = await build(config).then(
        () => null,
        (e: unknown) => e,
      )
      expect((error as NodeJS.ErrnoException).code).toBe('ENOENT')
      expect((error as Error).message).toContain('/proc/hindsight-no-such')
      expect(performance.now() - started).toBeLessThan(10_000)
    },
    60_000,
  )

  it.runIf(process.platform === 'linux')(
    'settles at once when the cache folder cannot be created (/proc), never spinning in mkdir',
    async () => {
      const { root } = makeProject(1)
      const config = loadConfig(root, { search: false, cacheDir: '/proc/hindsight-no-such/cache' })
      const started = performance.now()
      await build(config).catch((error: unknown) => expect((error as Error).message).toContain('/proc/hindsight-no-such'))
      expect(performance.now() - started).toBeLessThan(10_000)
    },
    60_000,
  )
})
