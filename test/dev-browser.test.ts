import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startDev, type DevSession } from '../src/dev/session.js'
import { describeBrowser, launchBrowser, watchPage, type BrowserSession } from './browser/harness.js'

const SOURCE = '2023-03-01-login-service-database-lock.md'

describeBrowser('dev live reload and overlay in Chromium', () => {
  let dir: string
  let session: DevSession
  let browser: BrowserSession

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hindsight-devbrowser-'))
    cpSync('content', path.join(dir, 'content'), { recursive: true })
    cpSync('templates', path.join(dir, 'templates'), { recursive: true })
    session = await startDev({ cwd: dir, port: 0, host: '127.0.0.1', searchDelayMs: 60_000, log: () => {} })
    browser = await launchBrowser()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await session?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('reloads on save, shows a broken save in an overlay without reloading, and clears it once fixed', async () => {
    const records = (await (await fetch(new URL('postmortems.json', session.url))).json()) as Array<{ source: string; slug: string }>
    const slug = records.find((r) => r.source === SOURCE)!.slug
    const page = await browser.newPage()
    const watched = watchPage(page)
    await page.goto(new URL(`${slug}/`, session.url).href)
    await page.waitForSelector('html[data-hindsight-live]')
    const other = await browser.newPage()
    await other.goto(new URL('tags/', session.url).href)
    await other.waitForSelector('html[data-hindsight-live]')
    await other.evaluate(() => {
      ;(window as unknown as { untouched: boolean }).untouched = true
    })

    const file = path.join(dir, 'content', SOURCE)
    const original = readFileSync(file, 'utf8')
    writeFileSync(file, `${original}\n\nLive-reload-marker-one\n`)
    await page.waitForFunction(() => document.body.textContent?.includes('Live-reload-marker-one'))
    await page.waitForSelector('html[data-hindsight-live]')
    // The tags page did not change, so it was not reloaded.
    expect(await other.evaluate(() => (window as unknown as { untouched?: boolean }).untouched)).toBe(true)

    writeFileSync(file, `---\ntitle: "unclosed\n---\n\n# Broken\n`)
    const overlay = await page.waitForSelector('.hindsight-overlay', { state: 'visible' })
    expect(await overlay.textContent()).toContain(`content/${SOURCE}`)
    expect(await overlay.textContent()).toContain('front-matter-invalid')
    expect(await page.textContent('body')).toContain('Live-reload-marker-one')
    expect(await overlay.evaluate((el) => getComputedStyle(el).position)).toBe('fixed')

    writeFileSync(file, `${original}\n\nLive-reload-marker-two\n`)
    await page.waitForFunction(() => document.body.textContent?.includes('Live-reload-marker-two'))
    await page.waitForSelector('html[data-hindsight-live]')
    await page.waitForSelector('.hindsight-overlay', { state: 'detached' })

    // A reload aborts the open event stream; that is the only failed request allowed.
    expect(watched.problems.filter((p) => !/request failed: .*\/__hindsight\/events/.test(p))).toEqual([])
  })
})
