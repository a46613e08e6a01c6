/**
 * Writes output files on libuv's threads, a bounded number and size at once, so the main thread renders the next page
 * while the disk work of the last ones (mkdir, open, write, close) runs on the otherwise idle cores.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { OutputError } from '../errors.js'
import type { MadeFolders } from './made-folders.js'

/** Writes in flight at most: libuv's pool has four threads, and more only queue inside it. */
const MAX_IN_FLIGHT = 8
/** Bytes queued or in flight at most, so a fast renderer never holds much of the site in memory. */
const MAX_PENDING_BYTES = 16 * 2 ** 20

/** A queue of file writes; the first failure is thrown by the next `room()`, `drain()` or `add()`. */
export interface WriteQueue {
  /** Queues a file's bytes for `target`, named `name` in an error; its folder is made first (once per folder). */
  add(target: string, bytes: Uint8Array, name: string): void
  /** Null while the queue can take more, else a promise that settles when it can. */
  room(): Promise<void> | null
  /** Waits for every queued write. */
  drain(): Promise<void>
  /** Starts nothing more and waits for the writes in flight, failed or not: then nothing of the queue touches the disk. */
  close(): Promise<void>
}

interface QueuedWrite {
  target: string
  bytes: Uint8Array
  name: string
}

/** A folder known to exist. */
const MADE: Promise<void> = Promise.resolve()

/** A write queue that makes the folders `folders` does not know of, and tells it of each (shared with the writer's own writes). */
export function createWriteQueue(folders: MadeFolders): WriteQueue {
  // Folders made are the recent ones only (`made-folders.ts`); a promise is kept only while its folder is being made.
  const making = new Map<string, Promise<void>>()
  const waiting: QueuedWrite[] = []
  const running = new Set<Promise<void>>()
  let pendingBytes = 0
  let failure: { error: unknown } | null = null
  let closed = false
  let waiters: Array<() => void> = []

  const folder = (dir: string): Promise<void> => {
    if (folders.has(dir)) return MADE
    let made = making.get(dir)
    if (!made) {
      made = mkdir(dir, { recursive: true })
        .then(() => void folders.add(dir))
        .finally(() => making.delete(dir))
      making.set(dir, made)
    }
    return made
  }
  const start = (): void => {
    while (!closed && !failure && running.size < MAX_IN_FLIGHT && waiting.length > 0) {
      const { target, bytes, name } = waiting.shift()!
      const job: Promise<void> = folder(path.dirname(target))
        .then(() => writeFile(target, bytes))
        .catch((cause: Error) => {
          failure ??= { error: new OutputError(`Cannot write ${name}: ${cause.message}`, { cause }) }
        })
        .finally(() => {
          running.delete(job)
          pendingBytes -= bytes.byteLength
          start()
          const woken = waiters
          waiters = []
          for (const resolve of woken) resolve()
        })
      running.add(job)
    }
  }
  const throwFailure = (): void => {
    if (failure) throw failure.error
  }
  const full = (): boolean => running.size + waiting.length >= MAX_IN_FLIGHT * 2 || pendingBytes >= MAX_PENDING_BYTES
  /** Settles at the next finished write. */
  const next = (): Promise<void> => new Promise((resolve) => waiters.push(resolve))

  return {
    add(target, bytes, name) {
      throwFailure()
      waiting.push({ target, bytes, name })
      pendingBytes += bytes.byteLength
      start()
    },
    room() {
      throwFailure()
      if (!full()) return null
      return (async () => {
        while (full() && !failure) await next()
        throwFailure()
      })()
    },
    async drain() {
      while ((running.size > 0 || waiting.length > 0) && !failure) await next()
      throwFailure()
    },
    async close() {
      closed = true
      waiting.length = 0
      await Promise.all(running)
    },
  }
}
