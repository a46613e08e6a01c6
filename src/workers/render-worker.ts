import { parentPort, workerData } from 'node:worker_threads'
import { createBodyPlaceReader } from '../cache/body-place.js'
import { hashParts } from '../cache/hash.js'
import { postmortemJson, postmortemPageData } from '../site/own-files.js'
import { createRenderer } from '../site/render.js'
import type { SiteDocument } from '../site/site-document.js'
import { crashWorkerOn } from '../test-seam.js'
import type { RenderJob, RenderReply, RenderWorkerData } from './render-pool.js'

// Worker thread: renders the postmortem pages and JSON the pool sends, with the same templates and the same page data
// as the main thread (`own-files.ts`), reading each body from its cache pack itself; posts back the UTF-8 bytes
// (transferred) and their hash, or the error the render failed with.
const { config, slugs } = workerData as RenderWorkerData
const render = createRenderer(config)
const reader = createBodyPlaceReader()
const slugOf = (source: string): string | undefined => slugs.get(source)
const encoder = new TextEncoder()
/** The last body read: a postmortem's page and JSON come one after the other, and read it once. */
let last: { at: string; doc: SiteDocument } | null = null

function bodyOf(job: RenderJob): SiteDocument {
  const at = `${job.body.file}\0${job.body.place.offset}`
  if (last?.at !== at) last = { at, doc: reader.read(job.body).document! }
  return last.doc
}

function content(job: RenderJob): string {
  const whole = bodyOf(job)
  if (job.kind === 'json') return postmortemJson(whole.record)
  const data = (site: { base: string }): Record<string, unknown> => postmortemPageData(whole, job.related, { base: site.base, source: job.source, slugOf })
  return render({ path: job.path, source: job.source, template: 'postmortem', data }) as string
}

parentPort!.on('message', (job: RenderJob) => {
  crashWorkerOn([job.source])
  let reply: RenderReply
  try {
    const bytes = encoder.encode(content(job))
    reply = { id: job.id, bytes, hash: hashParts(bytes) }
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error))
    reply = { id: job.id, error: { name, message } }
  }
  parentPort!.postMessage(reply, 'bytes' in reply ? [reply.bytes.buffer as ArrayBuffer] : [])
})
