/** A full build's postmortem pages and JSON, and its list pages, rendered on worker threads (`workers/render-pool.ts`) while the main thread plans and writes. */
import { debug } from '../debug.js'
import type { ArchiveDocument, PlannedFile } from '../site/pages.js'
import type { DocumentSet } from './documents.js'
import type { PassContext, PassOffload } from './pass.js'
import type { RenderJob } from '../workers/render-pool.js'

/** Pages rendered here before the threads start: a pass that renders fewer (a few edits) never starts them. */
const PAGES_BEFORE_THREADS = 32

/**
 * Hands the postmortems' pages and JSON whose bodies are in the cache to render threads, started once the pass has
 * rendered `PAGES_BEFORE_THREADS` of them here, and then the list pages (plain data, made here when a thread takes
 * one); null when no threads are wanted (`build` only: `dev` renders in-process).
 */
export async function renderOffload(context: PassContext, documents: DocumentSet, docs: ArchiveDocument[]): Promise<PassOffload | null> {
  const { createRenderPool, renderThreads } = await import('../workers/render-pool.js')
  const threads = context.mode === 'build' ? renderThreads(context.threads, docs.length) : 0
  if (threads === 0) return null
  let offered = 0
  let sent = 0
  let pool: ReturnType<typeof createRenderPool> | undefined
  let closed = false
  return {
    render(file: PlannedFile, target: string | null) {
      if (file.plain && 'template' in file) {
        if (closed || !pool) return null
        const { template, data } = file
        const job = (): Omit<RenderJob, 'id'> => {
          sent++
          const plain = { template, data: typeof data === 'function' ? data({ base: context.config.base }) : data }
          return { kind: 'plain', path: file.path, source: '', body: null, related: [], plain, target }
        }
        return pool.render(job, file.path)
      }
      const body = file.own ? documents.bodyPlace(file.own.doc) : null
      if (closed || !file.own || !body || ++offered <= PAGES_BEFORE_THREADS) return null
      pool ??= createRenderPool({ config: context.config, slugs: new Map(docs.map((d) => [d.record.source, d.record.slug])) }, threads)
      if (!pool) return null
      const own = file.own
      const job = (): Omit<RenderJob, 'id'> => {
        sent++
        return { kind: own.kind, path: file.path, source: own.doc.record.source, body, related: own.related(), target }
      }
      return pool.render(job, `${body.file}\0${body.place.offset}`)
    },
    /** Stops the threads; a second call (a failed pass closes them before its staging folder goes) does nothing. */
    async close() {
      if (closed) return
      closed = true
      await pool?.close()
      if (pool) debug(`rendered ${sent} files on ${threads} threads`)
    },
  }
}
