import { describe, expect, it } from 'vitest'
import { createBuildQueue } from '../src/dev/queue.js'

/** A build that stays running until the test releases it. */
function controlledBuild() {
  const calls: string[][] = []
  const releases: Array<() => void> = []
  let running = 0
  let maxRunning = 0
  const run = (paths: string[]): Promise<void> => {
    calls.push(paths)
    running++
    maxRunning = Math.max(maxRunning, running)
    return new Promise<void>((resolve) =>
      releases.push(() => {
        running--
        resolve()
      }),
    )
  }
  const releaseNext = async (): Promise<void> => {
    for (let i = 0; i < 100 && releases.length === 0; i++) await new Promise((r) => setImmediate(r))
    releases.shift()?.()
  }
  return { calls, run, releaseNext, maxRunning: () => maxRunning }
}

describe('build queue', () => {
  it('runs at once when idle', async () => {
    const build = controlledBuild()
    const queue = createBuildQueue(build.run)
    queue.push(['/a'])
    expect(build.calls).toEqual([['/a']])
    await build.releaseNext()
    await queue.idle()
  })

  it('coalesces saves that arrive during a build into one follow-up build, never two at once', async () => {
    const build = controlledBuild()
    const queue = createBuildQueue(build.run)
    queue.push(['/a'])
    queue.push(['/b'])
    queue.push(['/c', '/b'])
    queue.push(['/a'])
    expect(build.calls).toEqual([['/a']])
    await build.releaseNext()
    await build.releaseNext()
    await queue.idle()
    expect(build.calls).toEqual([['/a'], ['/b', '/c', '/a']])
    expect(build.maxRunning()).toBe(1)
  })

  it('keeps going after a failed build and reports the error', async () => {
    const errors: unknown[] = []
    const seen: string[][] = []
    const queue = createBuildQueue(
      async (paths) => {
        seen.push(paths)
        if (paths.includes('/bad')) throw new Error('boom')
      },
      (error) => errors.push(error),
    )
    queue.push(['/bad'])
    await queue.idle()
    queue.push(['/good'])
    await queue.idle()
    expect(seen).toEqual([['/bad'], ['/good']])
    expect(errors).toEqual([new Error('boom')])
  })

  it('close waits for the running build and drops what is pending', async () => {
    const build = controlledBuild()
    const queue = createBuildQueue(build.run)
    queue.push(['/a'])
    queue.push(['/b'])
    const closed = queue.close()
    queue.push(['/c'])
    await build.releaseNext()
    await closed
    expect(build.calls).toEqual([['/a']])
  })

  it('idle resolves at once when nothing runs', async () => {
    await expect(createBuildQueue(async () => {}).idle()).resolves.toBeUndefined()
  })
})
