/**
 * Real-browser test harness: Debian's Chromium driven by playwright-core, against a built site served by a real
 * static server (sirv on node:http) on 127.0.0.1.
 *
 * API (reuse it in any `test/browser/*.test.ts`):
 * - `describeBrowser(name, fn)`: a vitest `describe` (90 s per test) that runs only when Chromium is installed; in CI
 *   (`process.env.CI` set) a missing browser throws instead of skipping.
 * - `buildSite({ contentDir?, base?, files?, config? })`: builds an archive into a fresh temp folder with
 *   `build(loadConfig(...))`; `files` ({ 'a/b.md': text }) writes a content folder for you. Returns
 *   `{ root, outDir, config, result, cleanup() }`.
 * - `serveSite(dir, prefix = '/')`: serves `dir` under `prefix` (e.g. `/archive/`) on a free port; anything outside
 *   the prefix is a 404. Returns `{ origin, url(path), close() }`; `url('search/')` gives the full URL under the prefix.
 * - `useServedSite({ ...buildSite options, prefix?, hookTimeout? })`: in a suite, builds, serves (under `prefix`, default
 *   the `base`) and launches Chromium before its tests and closes all three after; returns `{ site, server, browser }`,
 *   filled once the suite's first `beforeAll` ran.
 * - `launchBrowser()`: Chromium with a fresh user-data-dir (CSP stays enforced); requests to any host but 127.0.0.1
 *   are refused, so tests never reach the network. Returns
 *   `{ context, newPage(viewport?), close() }`.
 * - `watchPage(page, { allowExternal? })`: records console errors, uncaught page errors, dialogs (dismissed), HTTP
 *   errors, failed requests and attempts to reach other hosts (unless `allowExternal`, for content that links remote
 *   images); returns `{ problems }`, a live list of strings.
 * - `axeSource()` and `runAxe(page)`: axe-core injected through `page.evaluate` (not a script tag, which the CSP
 *   would block); `runAxe` returns the violations as `{ id, impact, help, targets }`.
 * - `OUTPUT_DIR`: `test-output/` (git-ignored) for screenshots.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe } from 'vitest'
import { build, type BuildResult } from '../../src/build.js'
import { loadConfig } from '../../src/config.js'
import type { Config, ResolvedConfig } from '../../src/types.js'
import { serveSite, type ServedSite } from '../../bench/serve-site.mjs'
import { CHROMIUM_ARGS } from '../../bench/chromium-args.mjs'

/** Debian's Chromium, installed by `.ci/run` with apt-get. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** Project root. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/** Git-ignored folder for screenshots and other artefacts a person may want to look at. */
export const OUTPUT_DIR = path.join(PROJECT_ROOT, 'test-output')

const available = existsSync(CHROMIUM_PATH)
if (!available && process.env.CI) {
  throw new Error(`Chromium not found at ${CHROMIUM_PATH}: the browser tests cannot run in CI without it (apt-get install -y chromium)`)
}

/** A `describe` block for browser suites: skipped locally without Chromium, with a message saying how to install it. */
export function describeBrowser(name: string, fn: () => void): void {
  if (!available) {
    console.warn(`Skipping browser tests "${name}": Chromium not found at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium`)
    describe.skip(name, fn)
    return
  }
  describe(name, { timeout: BROWSER_TEST_TIMEOUT }, fn)
}

/** Per-test time limit in browser suites: generous, because CI runs them beside every other suite on two cores. */
export const BROWSER_TEST_TIMEOUT = 90_000

/** A built test archive in a temp folder. */
export interface BuiltSite {
  root: string
  outDir: string
  config: ResolvedConfig
  result: BuildResult
  cleanup: () => Promise<void>
}

/** What `buildSite` builds: the bundled seeds, another content folder, or the given files; with a base and config. */
export interface BuildSiteOptions {
  contentDir?: string
  base?: string
  files?: Record<string, string | Uint8Array>
  config?: Config
}

/** Builds an archive into a fresh temp folder, from `contentDir` (default: the bundled seeds) or from `files`. */
export async function buildSite(options: BuildSiteOptions = {}): Promise<BuiltSite> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'hindsight-browser-'))
  let contentDir = options.contentDir ?? path.join(PROJECT_ROOT, 'content')
  if (options.files) {
    contentDir = path.join(root, 'content')
    for (const [rel, text] of Object.entries(options.files)) {
      const target = path.join(contentDir, rel)
      await mkdir(path.dirname(target), { recursive: true })
      await writeFile(target, text)
    }
  }
  const config = loadConfig(root, {
    templatesDir: path.join(PROJECT_ROOT, 'templates'),
    cacheDir: path.join(root, '.cache'),
    ...options.config,
    contentDir,
    outDir: path.join(root, 'site'),
    base: options.base ?? options.config?.base ?? '/',
  })
  const result = await build(config)
  return { root, outDir: config.outDir, config, result, cleanup: () => rm(root, { recursive: true, force: true }) }
}

export { serveSite, type ServedSite } from '../../bench/serve-site.mjs'

/** A browser suite's built site, its server and its Chromium, set by the `beforeAll` that `useServedSite` registers. */
export interface ServedSuite {
  site: BuiltSite
  server: ServedSite
  browser: BrowserSession
}

/** Registers a suite's build, serve and launch before its tests and their teardown after, so suites do not repeat them. */
export function useServedSite(options: BuildSiteOptions & { prefix?: string; hookTimeout?: number } = {}): ServedSuite {
  const { prefix, hookTimeout, ...build } = options
  const suite = {} as ServedSuite
  beforeAll(async () => {
    suite.site = await buildSite(build)
    suite.server = await serveSite(suite.site.outDir, prefix ?? build.base ?? '/')
    suite.browser = await launchBrowser()
  }, hookTimeout)
  afterAll(async () => {
    await suite.browser?.close()
    await suite.server?.close()
    await suite.site?.cleanup()
  })
  return suite
}

/** A Chromium instance with its own throwaway profile. */
export interface BrowserSession {
  context: BrowserContext
  newPage: (viewport?: { width: number; height: number }) => Promise<Page>
  close: () => Promise<void>
}

/** Launches headless Debian Chromium with a fresh user-data-dir; the page CSP is enforced as in a reader's browser. */
export async function launchBrowser(): Promise<BrowserSession> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'hindsight-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
  })
  // Tests never touch the network: anything not served from 127.0.0.1 is refused (and reported by watchPage).
  await context.route(
    (url) => url.hostname !== '127.0.0.1' && url.protocol !== 'data:',
    (route) => route.abort('blockedbyclient'),
  )
  return {
    context,
    newPage: async (viewport) => {
      const page = await context.newPage()
      if (viewport) await page.setViewportSize(viewport)
      return page
    },
    close: async () => {
      await context.close()
      await rm(profile, { recursive: true, force: true })
    },
  }
}

/** Records everything on a page that suggests something ran or broke: console errors, page errors, dialogs, failed requests. */
export function watchPage(page: Page, options: { allowExternal?: boolean } = {}): { problems: string[] } {
  const problems: string[] = []
  page.on('console', (msg) => {
    // A failed load is reported below with its URL; the console line repeats it without one.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(`console error: ${msg.text()}`)
  })
  page.on('response', (response) => {
    // Chromium asks for /favicon.ico on its own; a site without one is not broken.
    if (response.status() >= 400 && new URL(response.url()).pathname !== '/favicon.ico') problems.push(`HTTP ${response.status()}: ${response.url()}`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('dialog', (dialog) => {
    problems.push(`dialog (${dialog.type()}): ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('requestfailed', (request) => {
    const external = new URL(request.url()).hostname !== '127.0.0.1'
    if (external && options.allowExternal) return
    problems.push(`${external ? 'external request (blocked)' : 'request failed'}: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`)
  })
  return { problems }
}

let axeText: string | null = null
/** The axe-core browser bundle's source, read once. */
export function axeSource(): string {
  axeText ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  return axeText
}

/** One axe-core violation, trimmed to what a failing assertion should show. */
export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

/** Runs axe-core (WCAG 2 A/AA and best practices) on the loaded page and returns its violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource())
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }>
        }
      }
    ).axe
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
    return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }))
  })
}

/** Makes sure `test-output/` exists and returns the path of a file in it. */
export function outputPath(name: string): string {
  mkdirSync(OUTPUT_DIR, { recursive: true })
  return path.join(OUTPUT_DIR, name)
}
