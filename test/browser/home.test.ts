import { expect, test } from 'vitest'
import { describeBrowser, runAxe, useServedSite, watchPage } from './harness.js'

const doc = (title: string, date: string, severity: string, site: string, minutes: number): string =>
  `---\ntitle: ${title}\ndate: ${date}\nseverity: ${severity}\nsite: ${site}\n---\n# ${title}\n\n## Summary\n\nUsers could not reach the ${site} service.\n\n## Impact\n\nThe outage lasted ${minutes} minutes.\n`

describeBrowser('home page overview in Chromium', () => {
  const suite = useServedSite({
    files: {
      'a.md': doc('Payments declined during a database failover', '2024-05-01', 'SEV1', 'payments', 45),
      'b.md': doc('Search results stale after an index rebuild', '2023-02-01', 'sev-3', 'search-platform-and-discovery', 300),
      'c.md': doc('Login slow for a subset of users', '2024-01-15', 'minor', 'identity', 20),
    },
  })

  test('at 375 px every entry shows severity in words, duration, site and date without sideways scroll; filters and sort work without JavaScript', async () => {
    const page = await suite.browser.newPage({ width: 375, height: 812 })
    await page.route('**/*.js', (route) => route.abort())
    const { problems } = watchPage(page)
    await page.goto(suite.server.url(''))
    const facts = await page.locator('.entry .facts').allTextContents()
    expect(facts).toHaveLength(3)
    for (const text of facts) expect(text.replace(/\s+/g, ' ')).toMatch(/(SEV\d|Minor) \d{4}-\d\d-\d\d · impact \d+( h)?( \d+)?( min)? \(stated\) · \S+/)
    for (const badge of await page.locator('.entry .sev').all()) {
      expect((await badge.textContent())!.trim()).toMatch(/\S/)
      expect(await badge.isVisible()).toBe(true)
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
    await page.locator('.browse a', { hasText: 'SEV1' }).click()
    await page.waitForURL(/\/severity\/sev1\/$/)
    expect(await page.locator('.entry h2').allTextContents()).toEqual(['Payments declined during a database failover'])
    await page.goto(suite.server.url(''))
    await page.locator('.sort a', { hasText: 'longest impact' }).click()
    await page.waitForURL(/\/by-duration\/$/)
    expect((await page.locator('.entry h2').allTextContents())[0]).toBe('Search results stale after an index rebuild')
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
    expect(problems.filter((p) => !p.includes('.js'))).toEqual([])
    await page.close()
  })

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds nothing on the home, by-duration and severity pages (${scheme})`, async () => {
      const page = await suite.browser.newPage({ width: 1280, height: 900 })
      await page.emulateMedia({ colorScheme: scheme })
      const found: Record<string, unknown> = {}
      for (const rel of ['', 'by-duration/', 'severity/', 'severity/sev1/']) {
        await page.goto(suite.server.url(rel))
        const violations = await runAxe(page)
        if (violations.length) found[rel || 'home'] = violations
      }
      expect(found).toEqual({})
      await page.close()
    })
  }
})
