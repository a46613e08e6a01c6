import { beforeAll, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { describeBrowser, outputPath, runAxe, useServedSite, watchPage } from './harness.js'

describeBrowser('accessibility and small screens in Chromium', () => {
  const pages: Array<[string, string]> = []
  const suite = useServedSite()

  beforeAll(async () => {
    const records = suite.site.result.documents.map((d) => d.record).sort((a, b) => (a.slug < b.slug ? -1 : 1))
    // The postmortem with the most timeline entries shows the most of the page.
    const postmortem = [...records].sort((a, b) => b.timeline.length - a.timeline.length)[0]
    pages.push(['home', ''])
    if (postmortem) pages.push(['postmortem', `${postmortem.slug}/`])
    pages.push(['tag', (await firstTagPage()) ?? 'tags/no-tag-page-linked-from-tags/'])
    pages.push(['stats', 'stats/'])
    pages.push(['actions', 'actions/'])
    pages.push(['categories', 'categories/'])
    const cause = records.find((r) => r.derivedCauses?.length)?.derivedCauses?.[0]
    if (cause) pages.push(['category', `categories/${cause}/`])
    pages.push(['search', 'search/?q=database'])
  })

  // The first tag page linked from /tags/, however the templates spell tag slugs.
  async function firstTagPage(): Promise<string | null> {
    const page = await suite.browser.newPage()
    await page.goto(suite.server.url('tags/'))
    const paths = await page.locator('main a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname))
    await page.close()
    return paths.find((p) => /^\/tags\/[^/]+\/$/.test(p))?.slice(1) ?? null
  }

  async function open(rel: string, page: Page): Promise<void> {
    const response = await page.goto(suite.server.url(rel))
    expect(response?.status(), `${rel} should exist`).toBe(200)
    if (rel.startsWith('search/')) {
      await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 20_000 }).toMatch(/postmortem/)
      // Check the filter controls too, not only the closed disclosures.
      await page.locator('.facet-tag > summary').click()
      await page.locator('.facet-tag input').first().waitFor()
    }
  }

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe-core finds no violations on home, a postmortem, a tag, stats, actions, cause categories and search (${scheme} scheme)`, async () => {
      expect(pages.map(([name]) => name)).toEqual(['home', 'postmortem', 'tag', 'stats', 'actions', 'categories', 'category', 'search'])
      const page = await suite.browser.newPage()
      await page.emulateMedia({ colorScheme: scheme })
      const found: Record<string, unknown> = {}
      for (const [name, rel] of pages) {
        const ok = await open(rel, page).then(
          () => true,
          (error: Error) => {
            found[name] = error.message
            return false
          },
        )
        if (!ok) continue
        const violations = await runAxe(page)
        if (violations.length) found[name] = violations
      }
      await page.close()
      expect(found).toEqual({})
    })
  }

  test('at 375 px wide nothing scrolls sideways (screenshots in test-output/)', async () => {
    const page = await suite.browser.newPage({ width: 375, height: 812 })
    // Seeds embed remote images (the harness blocks them): not a layout problem.
    const { problems } = watchPage(page, { allowExternal: true })
    const widths: Record<string, number> = {}
    for (const [name, rel] of pages) {
      const ok = await open(rel, page).then(
        () => true,
        () => false,
      )
      if (!ok) {
        widths[name] = -1
        continue
      }
      widths[name] = await page.evaluate(() => document.documentElement.scrollWidth)
      await page.screenshot({ path: outputPath(`mobile-${name}.png`), fullPage: true })
    }
    await page.close()
    expect(widths).toEqual(Object.fromEntries(pages.map(([name]) => [name, expect.toSatisfy((w: number) => w > 0 && w <= 375)])))
    expect(problems).toEqual([])
  })

  test('the timeline visual has one mark per timed event on every postmortem page', async () => {
    const page = await suite.browser.newPage()
    const counts: Record<string, [number, number]> = {}
    for (const { record } of suite.site.result.documents) {
      await page.goto(suite.server.url(`${record.slug}/`))
      const marks = await page.locator('.timeline-event').count()
      counts[record.slug] = [marks, record.timeline.filter((e) => e.at !== null || e.time !== null).length]
    }
    await page.close()
    expect(
      Object.values(counts).some(([, timed]) => timed > 0),
      'at least one seed should have a timed timeline',
    ).toBe(true)
    for (const [slug, [marks, timed]] of Object.entries(counts)) expect(marks, slug).toBe(timed)
  })
})
