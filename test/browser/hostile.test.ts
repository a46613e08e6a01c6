/**
 * Hostile input in a real browser: an archive of every injection trick we know is built (with search) and every page
 * is loaded in Chromium, plus search result pages for the payload words. Nothing may run (no dialog, no page error,
 * no console error such as a CSP refusal, no `window.__pwned` canary, no script request off the site), the live DOM
 * (after the search script has rendered results) must carry no handler attribute or foreign script, and every page
 * must set a CSP meta tag that forbids inline script.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, expect, test } from 'vitest'
import { forbidsInlineScript } from '../helpers/active-html.js'
import { HOSTILE_FILES } from '../helpers/hostile-content.js'
import { describeBrowser, useServedSite, watchPage } from './harness.js'

function htmlPages(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlPages(path.join(dir, e.name), `${prefix}${e.name}/`) : e.name.endsWith('.html') ? [`${prefix}${e.name}`] : [],
  )
}

/** What a page's live DOM says about active content, evaluated in the page after it settled. */
interface PageState {
  pwned: string
  violations: string[]
  handlers: string[]
  foreignScripts: string[]
  csp: string | null
}

describeBrowser('hostile content in Chromium', () => {
  let urls: string[] = []
  const suite = useServedSite({ files: HOSTILE_FILES, config: { search: true }, hookTimeout: 300_000 })

  beforeAll(async () => {
    await suite.browser.context.addInitScript(() => {
      const w = window as unknown as { __violations: string[] }
      w.__violations = []
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`))
    })
    const pages = htmlPages(suite.site.outDir).map((rel) => rel.replace(/(^|\/)index\.html$/, '$1'))
    urls = [...pages, 'search/?q=script', 'search/?q=pwned', 'search/?q=onerror', 'search/?q=etc']
  }, 300_000)

  test('the archive holds every hostile postmortem', () => {
    const built = suite.site.result.files.filter((f) => f.slug !== null).map((f) => f.source)
    for (const name of Object.keys(HOSTILE_FILES)) expect(built).toContain(name)
    expect(urls.length).toBeGreaterThan(20)
  })

  /** Loads one page and returns everything that suggests something ran or was injected. */
  async function inspect(page: Page, rel: string, problems: string[], images: Set<string>): Promise<string[]> {
    const failures: string[] = []
    problems.length = 0
    const response = await page.goto(suite.server.url(rel), { waitUntil: 'load' })
    if (response?.status() !== 200) failures.push(`${rel}: HTTP ${response?.status()}`)
    if (rel.startsWith('search/?')) {
      await page
        .waitForFunction(() => /postmortem|result|no /i.test(document.querySelector('#search-status')?.textContent ?? ''), undefined, { timeout: 20_000 })
        .catch(() => failures.push(`${rel}: search never reported results`))
    }
    await page.waitForTimeout(50)
    const state: PageState = await page.evaluate(() => {
      const w = window as unknown as { __pwned?: unknown; __violations?: string[] }
      const handlers: string[] = []
      const foreignScripts: string[] = []
      for (const el of Array.from(document.querySelectorAll('*'))) {
        for (const attr of Array.from(el.attributes)) {
          if (attr.name.toLowerCase().startsWith('on')) handlers.push(`<${el.localName} ${attr.name}>`)
          if (
            ['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attr.name) &&
            /^\s*(javascript|vbscript|data):/i.test(attr.value) &&
            !(el.localName === 'link' && attr.value === 'data:,')
          )
            handlers.push(`<${el.localName} ${attr.name}=${attr.value.slice(0, 40)}>`)
        }
        if (el.localName === 'script') {
          const src = (el as HTMLScriptElement).src
          if (!src || new URL(src).origin !== location.origin) foreignScripts.push((el as HTMLScriptElement).src || (el.textContent ?? '').slice(0, 60))
        }
        if (['iframe', 'object', 'embed', 'base', 'frame'].includes(el.localName)) foreignScripts.push(`<${el.localName}>`)
      }
      return {
        pwned: typeof w.__pwned,
        violations: w.__violations ?? [],
        handlers,
        foreignScripts,
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy" i]')?.getAttribute('content') ?? null,
      }
    })
    if (state.pwned !== 'undefined') failures.push(`${rel}: window.__pwned is ${state.pwned}`)
    if (state.violations.length) failures.push(`${rel}: CSP violations ${state.violations.join('; ')}`)
    if (state.handlers.length) failures.push(`${rel}: live DOM has ${state.handlers.join(' ')}`)
    if (state.foreignScripts.length) failures.push(`${rel}: foreign scripts ${state.foreignScripts.join(' ')}`)
    if (state.csp === null || !forbidsInlineScript(state.csp)) failures.push(`${rel}: CSP meta missing or allows inline script (${state.csp})`)
    // Relative `<img src=x>` payloads ask the site for a missing image: inert, so not a failure.
    const real = problems.filter((p) => !(p.startsWith('HTTP 404: ') && images.has(p.slice('HTTP 404: '.length))))
    if (real.length) failures.push(`${rel}: ${real.join('; ')}`)
    return failures
  }

  async function watchedPage(): Promise<{ page: Page; problems: string[]; images: Set<string> }> {
    const page = await suite.browser.newPage()
    const { problems } = watchPage(page, { allowExternal: true })
    const images = new Set<string>()
    page.on('request', (request) => {
      const type = request.resourceType()
      if (type === 'image') images.add(request.url())
      const external = new URL(request.url()).hostname !== '127.0.0.1'
      if (external && type !== 'image') problems.push(`external ${type} request: ${request.url()}`)
    })
    return { page, problems, images }
  }

  test('the checks catch a page that does run script (control)', { timeout: 120_000 }, async () => {
    const dir = path.join(suite.site.outDir, 'zz-control')
    mkdirSync(dir, { recursive: true })
    writeFileSync(
      path.join(dir, 'index.html'),
      '<!doctype html><title>c</title><p>x</p><img src="data:," onerror="window.__pwned=1"><script>window.__pwned=1</script>',
    )
    const { page, problems, images } = await watchedPage()
    const failures = await inspect(page, 'zz-control/', problems, images)
    await page.close()
    expect(failures.join('\n')).toMatch(/window.__pwned is number/)
    expect(failures.join('\n')).toMatch(/live DOM has .*<img onerror>/)
    expect(failures.join('\n')).toMatch(/CSP meta missing/)
  })

  test('loading every page runs nothing and injects nothing', { timeout: 600_000 }, async () => {
    const { page, problems, images } = await watchedPage()
    const failures: string[] = []
    for (const rel of urls) failures.push(...(await inspect(page, rel, problems, images)))
    await page.close()
    expect(failures).toEqual([])
  })

  test('the search page lists hostile titles as text', { timeout: 120_000 }, async () => {
    const page = await suite.browser.newPage()
    await page.goto(suite.server.url('search/?q=pwned'))
    await page.waitForFunction(() => /postmortem/i.test(document.querySelector('#search-status')?.textContent ?? ''), undefined, { timeout: 20_000 })
    const text = await page.locator('main').innerText()
    expect(text).toContain('window.__pwned')
    expect(await page.evaluate(() => typeof (window as unknown as { __pwned?: unknown }).__pwned)).toBe('undefined')
    await page.close()
  })
})
