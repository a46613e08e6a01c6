import { expect, test } from 'vitest'
import { describeBrowser, outputPath, useServedSite, watchPage } from './harness.js'

/** A lead-up the day before, then the decisive minutes in a 20-minute burst: a linear axis draws them as one dot. */
const DAY_SPANNING = `---
title: Checkout errors after a configuration change
date: 2024-03-19
---
# Checkout errors after a configuration change

## Summary
Checkout failed for twelve minutes after a configuration change from the day before reached production.

## Timeline
- 2024-03-18 15:00 UTC: Configuration change merged
- 2024-03-18 16:30 UTC: Change approved for rollout
- 2024-03-19 09:00 UTC: Checkout errors begin
- 2024-03-19 09:03 UTC: Alert fired, on-call engineer paged
- 2024-03-19 09:06 UTC: Incident declared
- 2024-03-19 09:08 UTC: Rollback started
- 2024-03-19 09:12 UTC: Rollback complete, errors stop, service restored
- 2024-03-19 09:16 UTC: Monitoring confirms recovery
- 2024-03-19 09:20 UTC: Incident resolved
`

interface Box {
  x: number
  y: number
  width: number
  height: number
  text: string
}

const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

describeBrowser('timeline overview in Chromium', () => {
  const suite = useServedSite({ files: { 'checkout.md': DAY_SPANNING } })

  for (const width of [1280, 375]) {
    test(`a day-spanning timeline at ${width} px: key moments labelled without overlap, no sideways scroll`, async () => {
      const page = await suite.browser.newPage({ width, height: 900 })
      const { problems } = watchPage(page)
      await page.goto(suite.server.url('checkout/'))
      const labels = (await page.locator('.timeline-visual text:not(.break-mark)').evaluateAll((nodes) =>
        nodes.map((n) => {
          const r = n.getBoundingClientRect()
          return { x: r.x, y: r.y, width: r.width, height: r.height, text: n.textContent ?? '' }
        }),
      )) as Box[]
      const keys = labels.filter((l) => /^(Impact start|Detected|Mitigated|Resolved)/.test(l.text)).map((l) => l.text.replace(/ \d\d:\d\d$/, ''))
      expect(keys.join(' / ')).toMatch(/Impact start/)
      expect(keys.length).toBeGreaterThanOrEqual(3)
      expect(
        labels.some((l) => /gap$/.test(l.text)),
        'the quiet night is marked as a break',
      ).toBe(true)
      const clashes: string[] = []
      labels.forEach((a, i) =>
        labels.slice(i + 1).forEach((b) => {
          if (overlaps(a, b)) clashes.push(`${a.text} × ${b.text}`)
        }),
      )
      expect(clashes).toEqual([])
      const svg = (await page.locator('.timeline-visual').boundingBox())!
      for (const l of labels) {
        expect(l.x, l.text).toBeGreaterThanOrEqual(svg.x - 1)
        expect(l.x + l.width, l.text).toBeLessThanOrEqual(svg.x + svg.width + 1)
        expect(l.height, `${l.text} is readable`).toBeGreaterThanOrEqual(12)
      }
      // The burst is spread out: the marks of the 20 decisive minutes are not piled on one spot.
      const marks = await page.locator('.timeline-event circle').evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().x))
      expect(marks[marks.length - 1]! - marks[2]!).toBeGreaterThan(svg.width / 2)
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
      expect(await page.locator('#pm-timeline-caption').textContent()).toMatch(/Impact \(shaded\)/)
      await page.locator('.timeline').screenshot({ path: outputPath(`timeline-${width}.png`) })
      expect(problems).toEqual([])
      await page.close()
    })
  }
})
