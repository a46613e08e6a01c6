/**
 * One build at a time per output folder: a lock file beside it (`.<name>.lock`, holding the pid) taken before the
 * build starts and removed when it ends, fails, or is stopped by SIGINT or SIGTERM; a lock whose pid is gone is stale
 * and taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fsCause } from '../content/unreadable.js'
import { OutputError, OutputLockedError } from '../errors.js'
import { makeDir } from '../make-dir.js'
import { isAlive } from '../alive.js'

const SIGNALS = ['SIGINT', 'SIGTERM'] as const

/** Path of the lock file of an output folder. */
export const lockPath = (outDir: string): string => path.join(path.dirname(outDir), `.${path.basename(outDir)}.lock`)

/** Pid written in a lock file, or null when it is gone (released meanwhile). */
function holder(file: string): number | null {
  try {
    return Number.parseInt(readFileSync(file, 'utf8'), 10)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new OutputError(`Cannot read the lock file ${file} (${fsCause(error)})`, { cause: error })
  }
}

/** Takes the output folder's lock (creating its parent), or throws OutputLockedError naming the lock and its live pid; returns the release. */
export function lockOutput(outDir: string): () => void {
  makeDir(path.dirname(outDir))
  const file = lockPath(outDir)
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' })
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error // names the path and the cause
    }
    const pid = holder(file)
    if (pid !== null && Number.isSafeInteger(pid) && pid > 0 && isAlive(pid)) {
      throw new OutputLockedError(
        `Another build (pid ${pid}) is writing ${outDir}: it holds the lock ${file}; wait for it, or delete the lock if no build runs`,
      )
    }
    rmSync(file, { force: true }) // stale: its build died
  }
  let held = true
  const release = (): void => {
    if (!held) return
    held = false
    process.off('exit', release)
    for (const signal of SIGNALS) process.off(signal, onSignal)
    rmSync(file, { force: true })
  }
  const onSignal = (signal: NodeJS.Signals): void => {
    release()
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal)
  }
  process.on('exit', release)
  for (const signal of SIGNALS) process.on(signal, onSignal)
  return release
}
