// Search payload measurement in headless Chromium (playwright-core, a dev dependency): for the bench and the browser tests only.
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { serveSite } from './serve-site.mjs'
import { CHROMIUM_ARGS } from './chromium-args.mjs'
/**
 * Serves `siteDir` under `base`, opens `/search/` in headless Chromium, types `query`, then ticks the `filters`
 * checkboxes, and sums the body bytes of every response of each step (as served, without transfer compression).
 * Needs the dev dependency playwright-core and Chromium; meant for `npm run bench`, not for readers.
 */
export async function measureSearchPayload(siteDir, base, query, filters, options = {}) {
  const { chromium } = await import('playwright-core')
  const timeout = options.timeoutMs ?? 60_000
  const server = await serveSite(siteDir, base)
  const origin = server.origin
  const profile = await mkdtemp(path.join(os.tmpdir(), 'hindsight-payload-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: options.chromiumPath ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  })
  const requests = []
  let step = 'first'
  let pending = 0
  const bodies = []
  context.on('request', () => void pending++)
  context.on('requestfailed', () => void pending--)
  context.on('requestfinished', (request) => {
    const at = step
    bodies.push(
      request
        .response()
        .then(async (response) => {
          const body = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0)
          const text = /text\/|javascript|json/.test(response?.headers()['content-type'] ?? '')
          const gzipBytes = text ? gzipSync(body).byteLength : body.byteLength
          requests.push({ step: at, path: new URL(request.url()).pathname.slice(base.length - 1), bytes: body.byteLength, gzipBytes })
        })
        .finally(() => void pending--),
    )
  })
  try {
    const page = await context.newPage()
    const status = page.locator('#search-status')
    const settle = async (pattern) => {
      await page.waitForFunction((source) => new RegExp(source).test(globalThis.document.getElementById('search-status')?.textContent ?? ''), pattern.source, {
        timeout,
      })
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
          const box = boxes.find((b) => b.value === v)
          box?.click()
          return box !== undefined
        }, value)
        if (!found) throw new Error(`No ${key} filter \`${value}\` among the first query's results`)
        await settle(new RegExp(`with .*${key} ${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
      }
    }
    const filteredQueryResults = (await status.textContent()) ?? ''
    const sum = (s, only, gzip = false) =>
      requests.filter((r) => r.step === s && (!only || r.path.startsWith(only))).reduce((n, r) => n + (gzip ? r.gzipBytes : r.bytes), 0)
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
    await server.close()
  }
}
