import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'
import { createBodyPlaceReader } from '../cache/body-place.js'
import { hashParts } from '../cache/hash.js'
import { postmortemJson, postmortemPageData } from '../site/own-files.js'
import { createRenderer } from '../site/render.js'
import { utf8Bytes, utf8View } from '../site/utf8.js'
import type { SiteDocument } from '../site/site-document.js'
import { crashWorkerOn } from '../test-seam.js'
import type { RenderJob, RenderReply, RenderWorkerData } from './render-pool.js'

// Worker thread: renders the postmortem pages and JSON the pool sends, with the same templates and the same page data
// as the main thread (`own-files.ts`), reading each body from its cache pack itself; writes the UTF-8 bytes to the
// job's target (the staging folder) and posts back their hash, or posts the bytes (transferred) and their hash when
// the job has no target, or the error the render or write failed with.
const { config, slugs } = workerData as RenderWorkerData
const render = createRenderer(config)
const reader = createBodyPlaceReader()
const slugOf = (source: string): string | undefined => slugs.get(source)
/** The folder written to last: a postmortem's page and JSON share one, made once. */
let madeDir = ''
/** The last body read: a postmortem's page and JSON come one after the other, and read it once. */
let last: { at: string; doc: SiteDocument } | null = null

function bodyOf(job: RenderJob): SiteDocument {
  const body = job.body!
  const at = `${body.file}\0${body.place.offset}`
  if (last?.at !== at) last = { at, doc: reader.read(body).document! }
  return last.doc
}

function content(job: RenderJob): string {
  if (job.plain) return render({ path: job.path, template: job.plain.template, data: job.plain.data }) as string
  const whole = bodyOf(job)
  if (job.kind === 'json') return postmortemJson(whole.record)
  const data = (site: { base: string }): Record<string, unknown> => postmortemPageData(whole, job.related, { base: site.base, source: job.source, slugOf })
  return render({ path: job.path, source: job.source, template: 'postmortem', data }) as string
}

parentPort!.on('message', (job: RenderJob) => {
  crashWorkerOn([job.source])
  let reply: RenderReply
  try {
    const text = content(job)
    if (job.target === null) {
      const bytes = utf8Bytes(text)
      reply = { id: job.id, bytes, hash: hashParts(bytes) }
    } else {
      // Written and hashed before the next job reuses the view's buffer.
      const bytes = utf8View(text)
      const dir = path.dirname(job.target)
      if (dir !== madeDir) mkdirSync(dir, { recursive: true })
      madeDir = dir
      writeFileSync(job.target, bytes)
      reply = { id: job.id, written: true, hash: hashParts(bytes) }
    }
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error))
    reply = { id: job.id, error: { name, message } }
  }
  parentPort!.postMessage(reply, 'bytes' in reply ? [reply.bytes.buffer as ArrayBuffer] : [])
})
