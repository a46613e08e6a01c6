/**
 * Renders postmortems' pages and JSON on worker threads during a full build's emit, so every core works: the main
 * thread plans, hands each worker a page's small context (its related links, where its body lies in the cache), and
 * writes the bytes that come back.
 */
import { Worker } from 'node:worker_threads'
import type { BodyPlace } from '../cache/body-place.js'
import { CacheError, TemplateError } from '../errors.js'
import type { RecordLink } from '../site/postmortem-view.js'
import type { Offloaded } from '../site/produce.js'
import type { ResolvedConfig } from '../types.js'
import { defaultThreads, workerScript } from './threads.js'

/** One page or JSON to render on a worker: a postmortem's from its body in the cache, a list page from its plain data. */
export interface RenderJob {
  id: number
  kind: 'page' | 'json' | 'plain'
  path: string
  source: string
  /** Where a postmortem's body lies in the cache; null for a list page. */
  body: BodyPlace | null
  related: RecordLink[]
  /** A list page's template and data (kind `plain`), rendered as the main thread would render them. */
  plain?: { template: string; data: Record<string, unknown> }
  /** Where the worker writes the file itself (its folder made first), or null to send the bytes back. */
  target: string | null
}

/** A worker's answer to a job: the bytes and their hash, the hash of the bytes it wrote to the target, or the error's name and message. */
export type RenderReply =
  { id: number; bytes: Uint8Array; hash: string } | { id: number; written: true; hash: string } | { id: number; error: { name: string; message: string } }

/** What every render worker starts with: the config (its templates) and each published postmortem's slug by source. */
export interface RenderWorkerData {
  config: ResolvedConfig
  slugs: Map<string, string>
}

/** Worker threads rendering jobs; each job's promise never rejects (see `Offloaded`). */
export interface RenderPool {
  /**
   * Renders a job (made by `job` when a thread takes it); jobs of the same `group` in a row (a postmortem's page and
   * JSON) go to the same thread. Null when every thread has `QUEUED_PER_THREAD` jobs waiting: the caller renders it.
   */
  render(job: () => Omit<RenderJob, 'id'>, group: string): Promise<Offloaded> | null
  /** Stops the threads; jobs not answered yet come back lost. */
  close(): Promise<void>
}

/** The worker's script; none from the sources (see `workerScript`). */
const WORKER_URL = workerScript('render-worker')
/** Jobs a thread holds at most (one rendering, the rest queued): past that, the main thread renders instead of waiting. */
const QUEUED_PER_THREAD = 4
/** Below this many pages, starting threads (each loads the templates and the page code) costs more than it saves. */
const MIN_PAGES_FOR_WORKERS = 64

/**
 * Render threads for `pages` postmortem pages: one fewer than normalize (`--workers`; one means the main thread alone),
 * since the main thread renders too whenever every thread has its jobs queued (each thread loads and warms the page
 * code on its own, about 0.5 s of CPU at 1,000 postmortems); none for a few pages.
 */
export function renderThreads(requested: number | undefined, pages: number, fallback = defaultThreads()): number {
  const wanted = requested ?? fallback
  return pages < MIN_PAGES_FOR_WORKERS || wanted < 2 ? 0 : wanted - 1
}

/** The error a worker's render failed with, as its class: a template's or the cache's stay what they are, others are named by the file. */
function errorOf({ name, message }: { name: string; message: string }): Error {
  if (name === 'TemplateError') return new TemplateError(message)
  if (name === 'CacheError') return new CacheError(message)
  return new Error(message)
}

/** Starts `threads` render workers (none when the worker code is not compiled JavaScript, as under vitest: then null). */
export function createRenderPool(data: RenderWorkerData, threads: number, url: URL | null = WORKER_URL): RenderPool | null {
  if (threads < 1 || !url?.pathname.endsWith('.js')) return null
  interface Thread {
    worker: Worker
    waiting: Map<number, (result: Offloaded) => void>
    alive: boolean
  }
  const lose = (thread: Thread): void => {
    thread.alive = false
    for (const resolve of thread.waiting.values()) resolve({ lost: true })
    thread.waiting.clear()
  }
  const pool: Thread[] = Array.from({ length: threads }, () => {
    const thread: Thread = { worker: new Worker(url, { workerData: data }), waiting: new Map(), alive: true }
    thread.worker.on('message', (reply: RenderReply) => {
      const resolve = thread.waiting.get(reply.id)
      thread.waiting.delete(reply.id)
      resolve?.(
        'error' in reply ? { error: errorOf(reply.error) } : 'bytes' in reply ? { bytes: reply.bytes, hash: reply.hash } : { written: true, hash: reply.hash },
      )
    })
    // A thread that dies (out of memory, an uncaught error, an exit) hands its jobs back: they render on the main thread.
    thread.worker.once('error', () => lose(thread))
    thread.worker.once('exit', () => lose(thread))
    return thread
  })
  let id = 0
  let turn = 0
  let last = { group: '', thread: 0 }
  return {
    render(job, group) {
      const free = (thread: Thread): boolean => thread.alive && thread.waiting.size < QUEUED_PER_THREAD
      // A group's next job goes where its first went (that thread has read the body), busy or not.
      let at = last.group === group && pool[last.thread]!.alive ? last.thread : -1
      for (let tries = 0; at < 0 && tries < threads; tries++, turn = (turn + 1) % threads) if (free(pool[turn]!)) at = turn
      if (at < 0) return null
      const thread = pool[at]!
      last = { group, thread: at }
      const sent = { ...job(), id: ++id }
      return new Promise<Offloaded>((resolve) => {
        thread.waiting.set(sent.id, resolve)
        thread.worker.postMessage(sent)
      })
    },
    async close() {
      await Promise.all(pool.map((thread) => thread.worker.terminate()))
      for (const thread of pool) lose(thread)
    },
  }
}
