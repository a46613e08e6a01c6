import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

/** Bytes a reader downloads for search, measured in Chromium against the built site. */
export interface SearchPayload {
  /** Everything fetched from opening `/search/` to the first query's results (page, library, index chunks, fragments). */
  firstQueryBytes: number
  /** Everything fetched for the follow-up query that adds the filters. */
  filteredQueryBytes: number
  /** Of `firstQueryBytes`, the bytes under `pagefind/` (library, index, filters, fragments). */
  firstQuerySearchBytes: number
  /** The same two steps over a host that gzips text (HTML, CSS, JS, JSON); Pagefind's index files are gzipped already. */
  firstQueryGzipBytes: number
  filteredQueryGzipBytes: number
  /** Results shown for the first and the filtered query. */
  firstQueryResults: string
  filteredQueryResults: string
  /** Every response of both steps: site-relative path and body bytes. */
  requests: Array<{ step: 'first' | 'filtered'; path: string; bytes: number; gzipBytes: number }>
}

/** Options for the measurement; the defaults match the browser tests. */
export interface PayloadOptions {
  chromiumPath?: string
  timeoutMs?: number
}

/**
 * Serves `siteDir` under `base`, opens `/search/` in headless Chromium, types `query`, then ticks the `filters`
 * checkboxes, and sums the body bytes of every response of each step (as served, without transfer compression).
 * Needs the dev dependency playwright-core and Chromium; meant for `npm run bench`, not for readers.
 */
export async function measureSearchPayload(siteDir: string, base: string, query: string, filters: Record<string, string[]>, options: PayloadOptions = {}): Promise<SearchPayload> {
  const { chromium } = await import('playwright-core')
  const { default: sirv } = await import('sirv')
  const timeout = options.timeoutMs ?? 60_000
  const serve = sirv(siteDir, { dev: true })
  const server = createServer((req, res) => {
    const raw = req.url ?? '/'
    if (!raw.startsWith(base)) {
      res.statusCode = 404
      return res.end()
    }
    req.url = '/' + raw.slice(base.length)
    serve(req, res, () => {
      res.statusCode = 404
      res.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const profile = await mkdtemp(path.join(os.tmpdir(), 'hindsight-payload-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: options.chromiumPath ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  })
  const requests: SearchPayload['requests'] = []
  let step: 'first' | 'filtered' = 'first'
  let pending = 0
  const bodies: Array<Promise<void>> = []
  context.on('request', () => void pending++)
  context.on('requestfailed', () => void pending--)
  context.on('requestfinished', (request) => {
    const at = step
    bodies.push(request.response().then(async (response) => {
      const body = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0)
      const text = /text\/|javascript|json/.test(response?.headers()['content-type'] ?? '')
      const gzipBytes = text ? gzipSync(body).byteLength : body.byteLength
      requests.push({ step: at, path: new URL(request.url()).pathname.slice(base.length - 1), bytes: body.byteLength, gzipBytes })
    }).finally(() => void pending--))
  })
  try {
    const page = await context.newPage()
    const status = page.locator('#search-status')
    const settle = async (pattern: RegExp): Promise<string> => {
      await page.waitForFunction(
        (source) => new RegExp(source).test(document.getElementById('search-status')?.textContent ?? ''),
        pattern.source,
        { timeout },
      )
      while (pending > 0) await page.waitForTimeout(50)
      await Promise.all(bodies)
      return (await status.textContent()) ?? ''
    }
    await page.goto(`${origin}${base}search/`, { timeout })
    await settle(/Type words/)
    await page.locator('#search-q').fill(query)
    const firstQueryResults = await settle(/postmortems? for/)
    step = 'filtered'
    for (const [key, values] of Object.entries(filters)) {
      const opener = page.locator(`.facet-${key} > summary`)
      await opener.click()
      await page.locator(`.facet-${key} input`).first().waitFor({ timeout })
      for (const value of values) {
        const found = await page.locator(`.facet-${key} input`).evaluateAll((boxes, v) => {
          const box = (boxes as HTMLInputElement[]).find((b) => b.value === v)
          box?.click()
          return box !== undefined
        }, value)
        if (!found) throw new Error(`No ${key} filter \`${value}\` among the first query's results`)
        await settle(new RegExp(`with .*${key} ${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
      }
    }
    const filteredQueryResults = (await status.textContent()) ?? ''
    const sum = (s: 'first' | 'filtered', only?: string, gzip = false): number => requests.filter((r) => r.step === s && (!only || r.path.startsWith(only))).reduce((n, r) => n + (gzip ? r.gzipBytes : r.bytes), 0)
    return {
      firstQueryBytes: sum('first'),
      filteredQueryBytes: sum('filtered'),
      firstQuerySearchBytes: sum('first', '/pagefind/'),
      firstQueryGzipBytes: sum('first', undefined, true),
      filteredQueryGzipBytes: sum('filtered', undefined, true),
      firstQueryResults,
      filteredQueryResults,
      requests: requests.sort((a, b) => (a.step === b.step ? (a.path < b.path ? -1 : 1) : a.step === 'first' ? -1 : 1)),
    }
  } finally {
    await context.close()
    await rm(profile, { recursive: true, force: true })
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
}
