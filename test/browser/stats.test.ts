import { expect, test } from 'vitest'
import { describeBrowser, outputPath, useServedSite, watchPage } from './harness.js'

/** Thirty postmortems over three years: a month chart long enough to need thinning and collapsing. */
function archive(): Record<string, string> {
  const files: Record<string, string> = {}
  for (let i = 0; i < 30; i++) {
    const year = 2021 + Math.floor(i / 10)
    const month = String(1 + ((i * 7) % 12)).padStart(2, '0')
    files[`p${i}.md`] =
      `---\ntitle: Outage number ${i}\ndate: ${year}-${month}-10\n---\n# Outage number ${i}\n\n## Timeline\n\n- 10:00 UTC errors begin\n- 10:${String(10 + i).padStart(2, '0')} UTC service restored\n`
  }
  return files
}

describeBrowser('stats page in Chromium', () => {
  const suite = useServedSite({ files: archive() })

  for (const width of [1280, 375]) {
    test(`at ${width} px: readable axis labels, none clipped or overlapping, no sideways scroll, monthly detail collapsed`, async () => {
      const page = await suite.browser.newPage({ width, height: 900 })
      const { problems } = watchPage(page)
      await page.goto(suite.server.url('stats/'))
      expect(await page.locator('#st-month').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false)
      await page.locator('#st-month > summary').click()
      for (const chart of await page.locator('svg.bar-chart').all()) {
        const box = (await chart.boundingBox())!
        const labels = await chart.locator('text').evaluateAll((nodes) =>
          nodes
            .filter((n) => (n as SVGTextElement).getBBox().width > 0)
            .map((n) => {
              const r = n.getBoundingClientRect()
              return { text: n.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom, size: parseFloat(getComputedStyle(n).fontSize) }
            }),
        )
        expect(labels.length).toBeGreaterThan(0)
        for (const l of labels) {
          expect(l.size, `${l.text} is readable`).toBeGreaterThanOrEqual(12)
          expect(l.left, `${l.text} not clipped`).toBeGreaterThanOrEqual(box.x - 1)
          expect(l.right, `${l.text} not clipped`).toBeLessThanOrEqual(box.x + box.width + 1)
        }
        const axis = labels.filter((l) => /^\d{4}/.test(l.text ?? ''))
        axis.forEach((a, i) =>
          axis.slice(i + 1).forEach((b) => {
            if (a.top < b.bottom && b.top < a.bottom) expect(a.right <= b.left || b.right <= a.left, `${a.text} × ${b.text}`).toBe(true)
          }),
        )
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
      expect(await page.locator('main').textContent()).not.toMatch(/Missing a date/)
      await page.screenshot({ path: outputPath(`stats-chart-${width}.png`), fullPage: true })
      expect(problems).toEqual([])
      await page.close()
    })
  }

  test('a bar leads to the postmortems behind it (a plain link to a year or month page)', async () => {
    const page = await suite.browser.newPage({ width: 1280, height: 900 })
    await page.goto(suite.server.url('stats/'))
    const bar = page.locator('#per-year-title').locator('xpath=..').locator('a.bar-link').first()
    const label = (await bar.getAttribute('aria-label'))!
    const [year, count] = /^(\d{4}): (\d+) incidents?$/.exec(label)!.slice(1)
    await bar.click()
    await page.waitForURL(/\/years\/\d{4}\/$/)
    expect(page.url()).toContain(`/years/${year}/`)
    expect(await page.locator('.entry').count()).toBe(Number(count))
    await page.goto(suite.server.url('stats/'))
    await page.locator('#st-month > summary').click()
    const month = page.locator('#st-month a.bar-link').first()
    const [m, n] = /^(\d{4}-\d{2}): (\d+) incidents?$/.exec((await month.getAttribute('aria-label'))!)!.slice(1)
    await month.click()
    await page.waitForURL(/\/years\/\d{4}\/\d{2}\/$/)
    expect(page.url()).toContain(`/years/${m!.slice(0, 4)}/${m!.slice(5)}/`)
    expect(await page.locator('.entry').count()).toBe(Number(n))
    await page.close()
  })
})
