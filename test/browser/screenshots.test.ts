import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, expect, test } from 'vitest'
import { describeBrowser, OUTPUT_DIR, useServedSite } from './harness.js'

/** Screenshots for review beside a documentation site's look (issue 16): test-output/screenshots/<page>-<width>.png. */
const SHOTS = path.join(OUTPUT_DIR, 'screenshots')

describeBrowser('screenshots of every page type for review', () => {
  const suite = useServedSite()

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
  })

  test('home, a postmortem, tags, stats and search at 1280 and 375 px, light and dark', async () => {
    const records = suite.site.result.documents.map((d) => d.record)
    const postmortem = [...records].sort((a, b) => b.timeline.length - a.timeline.length || (a.slug < b.slug ? -1 : 1))[0]!
    const pages: Array<[string, string]> = [
      ['home', ''],
      ['postmortem', `${postmortem.slug}/`],
      ['tags', 'tags/'],
      ['stats', 'stats/'],
      ['search', 'search/?q=database'],
    ]
    const written: string[] = []
    for (const width of [1280, 375]) {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await suite.browser.newPage({ width, height: width > 800 ? 900 : 812 })
        await page.emulateMedia({ colorScheme: scheme })
        for (const [name, rel] of pages) {
          await page.goto(suite.server.url(rel))
          if (name === 'search') await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 20_000 }).toMatch(/postmortem/)
          const file = path.join(SHOTS, `${name}-${width}${scheme === 'dark' ? '-dark' : ''}.png`)
          await page.screenshot({ path: file, fullPage: true })
          written.push(file)
        }
        await page.close()
      }
    }
    expect(written).toHaveLength(20)
  })

  test('a short postmortem prints on one page', async () => {
    const records = suite.site.result.documents.map((d) => d.record)
    const short = [...records].sort((a, b) => a.sections.reduce((n, s) => n + s.text.length, 0) - b.sections.reduce((n, s) => n + s.text.length, 0))[0]!
    const page = await suite.browser.newPage({ width: 1280, height: 900 })
    await page.goto(suite.server.url(`${short.slug}/`))
    const pdf = await page.pdf({ format: 'A4', path: path.join(SHOTS, 'print-short.pdf') })
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
    expect(pages, short.slug).toBe(1)
    await page.close()
  })
})
