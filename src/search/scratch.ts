/**
 * The indexer's scratch folders (`hindsight-pagefind-<pid>-*`, in memory under `/dev/shm` when it has room): removed
 * when the build is stopped by SIGINT or SIGTERM, and those of builds that died (their pid gone) removed at the next
 * start, so an interrupted build never leaves memory taken.
 */
import { readdirSync, rmSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import path from 'node:path'
import { isAlive } from '../alive.js'

const PREFIX = 'hindsight-pagefind-'
const NAME = /^hindsight-pagefind-(\d+)-/
const SIGNALS = ['SIGINT', 'SIGTERM'] as const

const live = new Set<string>()

/** Removes the live scratch folders, then lets the signal do what it would have done (unless someone else handles it). */
function onSignal(signal: NodeJS.Signals): void {
  for (const dir of live) rmSync(dir, { recursive: true, force: true })
  live.clear()
  unwatch()
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal)
}

const unwatch = (): void => {
  for (const signal of SIGNALS) process.off(signal, onSignal)
}

/** Removes scratch folders in `parent` left by processes that no longer run; a folder of a live build is left alone. */
export function removeStaleScratch(parent: string): void {
  let names: string[]
  try {
    names = readdirSync(parent)
  } catch {
    return
  }
  for (const name of names) {
    const pid = NAME.exec(name)?.[1]
    if (pid && Number(pid) !== process.pid && !isAlive(Number(pid))) rmSync(path.join(parent, name), { recursive: true, force: true })
  }
}

/** A fresh scratch folder under `parent`, removed by `close`, on SIGINT or SIGTERM, or by the next build if this one dies. */
export async function openScratch(parent: string): Promise<{ dir: string; close: () => Promise<void> }> {
  removeStaleScratch(parent)
  const dir = await mkdtemp(path.join(parent, `${PREFIX}${process.pid}-`))
  if (live.size === 0) for (const signal of SIGNALS) process.on(signal, onSignal)
  live.add(dir)
  const close = async (): Promise<void> => {
    if (!live.delete(dir)) return
    if (live.size === 0) unwatch()
    // At once, not through the promise API: its recursive removal is a round trip through the event loop per entry, about
    // ten times the time of this for a delta's 20 files (1 against 10 ms here), and far more when the machine is busy.
    rmSync(dir, { recursive: true, force: true })
  }
  return { dir, close }
}

/** Runs `use` with a fresh scratch folder under `parent` (see `openScratch`), removed afterwards. */
export async function withScratch<T>(parent: string, use: (dir: string) => Promise<T>): Promise<T> {
  const { dir, close } = await openScratch(parent)
  try {
    return await use(dir)
  } finally {
    await close()
  }
}
