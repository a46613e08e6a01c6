/** Cause-category pages and the search facet in Chromium: /categories/ lists each derived category, each page lists its postmortems, and search filters by the same. */
import { expect, test } from 'vitest'
import { describeBrowser, useServedSite, watchPage } from './harness.js'

const FILES: Record<string, string> = {
  'a.md':
    '---\ntitle: Alpha outage\ndate: 2021-03-01\n---\n# Alpha outage\n\n## Root cause\n\nThe DNS resolver returned stale records after a nameserver change.\n',
  'b.md': '---\ntitle: Bravo outage\ndate: 2022-04-02\n---\n# Bravo outage\n\n## Root cause\n\nThe TLS certificate expired; nobody renewed it.\n',
  'c.md': '---\ntitle: Charlie outage\ndate: 2022-05-03\n---\n# Charlie outage\n\n## Root cause\n\nOur registrar changed the DNS records of the domain name.\n',
  'd.md': '---\ntitle: Delta outage\ndate: 2023-06-04\n---\n# Delta outage\n\n## Root cause\n\nNobody knows yet.\n',
}

describeBrowser('cause categories in Chromium', () => {
  const suite = useServedSite({ files: FILES })

  test('/categories/ lists each derived category once, and each category page lists exactly its postmortems', async () => {
    const page = await suite.browser.newPage({ width: 375, height: 800 })
    const { problems } = watchPage(page)
    await page.goto(suite.server.url('categories/'))
    expect(await page.locator('main').textContent()).toContain('derived')
    const links = await page.locator('main ul.groups a').evaluateAll((as) => as.map((a) => ({ text: a.textContent, href: (a as HTMLAnchorElement).pathname })))
    expect(links).toEqual([
      { text: 'Certificate or expiry', href: '/categories/certificate/' },
      { text: 'DNS', href: '/categories/dns/' },
    ])
    const expected = new Map([
      ['/categories/dns/', ['Alpha outage', 'Charlie outage']],
      ['/categories/certificate/', ['Bravo outage']],
    ])
    for (const { href } of links) {
      const response = await page.goto(suite.server.url(href.slice(1)))
      expect(response?.status()).toBe(200)
      expect((await page.locator('main h2 a').allTextContents()).sort()).toEqual(expected.get(href))
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    }
    // A postmortem's card links its categories.
    await page.goto(suite.server.url(`${suite.site.result.files.find((f) => f.source === 'a.md')!.slug}/`))
    expect(await page.locator('.card a[href="/categories/dns/"]').textContent()).toBe('DNS')
    expect(problems).toEqual([])
    await page.close()
  })

  test('search filters by cause, agreeing with the category pages', async () => {
    const page = await suite.browser.newPage()
    await page.goto(`${suite.server.url('search/')}?cause=DNS`)
    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 20_000 }).toMatch(/^2 postmortems with cause DNS\./)
    expect((await page.locator('#search-results .entry h2 a').allTextContents()).sort()).toEqual(['Alpha outage', 'Charlie outage'])
    await page.close()
  })
})
