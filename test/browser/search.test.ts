import { beforeAll, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { siteLabel, sitesOf } from '../../src/site/taxonomy.js'
import { describeBrowser, outputPath, useServedSite, watchPage } from './harness.js'

// A word that appears only in the root cause of the Open Build Service staging-workflow seed.
const ROOT_CAUSE_WORD = 'i586'
const ROOT_CAUSE_SLUG = '2023-06-20-staging-workflow-unavailable'

async function resultLinks(page: Page): Promise<string[]> {
  return page.locator('#search-results .entry h2 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname))
}

async function waitForStatus(page: Page, pattern: RegExp): Promise<string> {
  await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 20_000 }).toMatch(pattern)
  return (await page.locator('#search-status').textContent()) ?? ''
}

for (const base of ['/', '/archive/']) {
  describeBrowser(`search in Chromium (base ${base})`, () => {
    let tag: string | undefined
    let tagged: string[]
    const suite = useServedSite({ base })

    beforeAll(async () => {
      const records = suite.site.result.documents.map((d) => d.record)
      const counts = new Map<string, number>()
      for (const r of records) for (const t of r.tags) counts.set(t, (counts.get(t) ?? 0) + 1)
      // The tag on the fewest postmortems (ties by name), so filtering by it visibly narrows the results.
      const chosen = [...counts].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))[0]
      tag = chosen?.[0]
      tagged = records
        .filter((r) => tag !== undefined && r.tags.includes(tag))
        .map((r) => `${base}${r.slug}/`)
        .sort()
    })

    test("typing a word from a seed's root cause finds that postmortem, and clicking it opens the page", async () => {
      const page = await suite.browser.newPage()
      const { problems } = watchPage(page)
      await page.goto(suite.server.url('search/'))
      await page.locator('#search-q').fill(ROOT_CAUSE_WORD)
      await waitForStatus(page, /^1 postmortem for/)
      expect(await resultLinks(page)).toEqual([`${base}${ROOT_CAUSE_SLUG}/`])
      await expect.poll(() => page.locator('#search-results mark').first().textContent()).toMatch(new RegExp(ROOT_CAUSE_WORD, 'i'))
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(ROOT_CAUSE_WORD)
      if (base === '/') {
        await page.locator('.facet-site > summary').click()
        await page.locator('.facet-site input').first().waitFor()
        await page.screenshot({ path: outputPath('search.png'), fullPage: true })
      }
      await page.locator('#search-results .entry h2 a').first().click()
      await page.waitForURL(suite.server.url(`${ROOT_CAUSE_SLUG}/`))
      const record = suite.site.result.documents.find((d) => d.record.slug === ROOT_CAUSE_SLUG)?.record
      await expect(page.locator('h1').textContent()).resolves.toContain(record?.title ?? ROOT_CAUSE_SLUG)
      expect(problems).toEqual([])
      await page.close()
    })

    test('the header search box works without the search page open: it lands on /search/?q=', async () => {
      const page = await suite.browser.newPage()
      await page.goto(suite.server.url(''))
      await page.getByRole('searchbox', { name: 'Search postmortems' }).fill(ROOT_CAUSE_WORD)
      await page.getByRole('searchbox', { name: 'Search postmortems' }).press('Enter')
      await page.waitForURL(`${suite.server.url('search/')}?q=${ROOT_CAUSE_WORD}`)
      await waitForStatus(page, /^1 postmortem for/)
      expect(await resultLinks(page)).toEqual([`${base}${ROOT_CAUSE_SLUG}/`])
      await page.close()
    })

    test('a filter with no query lists postmortems, newest first, and a tag filter narrows them to that tag', async () => {
      const page = await suite.browser.newPage()
      const { problems } = watchPage(page)
      await page.goto(suite.server.url('search/'))
      await waitForStatus(page, /open a filter/)
      await page.locator('.facet-site > summary').click()
      const firstSite = page.locator('.facet-site input[type=checkbox]').first()
      await firstSite.check()
      const siteName = await firstSite.getAttribute('value')
      const siteCount = suite.site.result.documents.filter((d) => sitesOf(d.record).some((s) => siteLabel(suite.site.config.sites, s) === siteName)).length
      await waitForStatus(page, new RegExp(`^${siteCount} postmortems? with site`))
      expect((await resultLinks(page)).length).toBe(siteCount)
      await firstSite.uncheck()

      if (tag === undefined) throw new Error('The bundled seeds produced no tags: this test needs the normalizer to read front-matter tags')
      await page.locator('.facet-tag > summary').click()
      await page.locator(`.facet-tag input[value="${tag}"]`).check()
      await waitForStatus(page, new RegExp(`^${tagged.length} postmortems? with tag ${tag}`))
      expect((await resultLinks(page)).sort()).toEqual(tagged)
      expect(new URL(page.url()).searchParams.getAll('tag')).toEqual([tag])
      const dates = await page.locator('#search-results time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''))
      expect(dates).toEqual([...dates].sort().reverse())
      expect(problems).toEqual([])
      await page.close()
    })

    test('query and filters live in the URL: a shared link restores them, and back returns to the previous search', async () => {
      if (tag === undefined) throw new Error('The bundled seeds produced no tags: this test needs the normalizer to read front-matter tags')
      const page = await suite.browser.newPage()
      await page.goto(`${suite.server.url('search/')}?tag=${encodeURIComponent(tag)}`)
      await waitForStatus(page, new RegExp(`^${tagged.length} postmortems? with tag`))
      await expect(page.locator(`.facet-tag input[value="${tag}"]`).isChecked()).resolves.toBe(true)
      await page.locator('#search-q').fill('database')
      await page.locator('#search-q').press('Enter')
      await waitForStatus(page, /for “database” with tag/)
      await page.goBack()
      await waitForStatus(page, new RegExp(`^${tagged.length} postmortems? with tag`))
      await expect(page.locator('#search-q').inputValue()).resolves.toBe('')
      await page.getByRole('button', { name: 'Clear filters' }).click()
      await waitForStatus(page, /open a filter to browse/)
      expect(new URL(page.url()).search).toBe('')
      await expect(page.getByRole('button', { name: 'Clear filters' }).isVisible()).resolves.toBe(false)
      await page.close()
    })

    test('results can be ordered by date, oldest or newest first, and the order is in the URL', async () => {
      const page = await suite.browser.newPage()
      await page.goto(`${suite.server.url('search/')}?q=database&sort=oldest`)
      await waitForStatus(page, /postmortems? for “database”/)
      await expect(page.locator('#search-sort').inputValue()).resolves.toBe('oldest')
      const dates = () => page.locator('#search-results time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''))
      const oldest = await dates()
      expect(oldest.length).toBeGreaterThan(1)
      expect(oldest).toEqual([...oldest].sort())
      await page.locator('#search-sort').selectOption('newest')
      await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('newest')
      await expect.poll(dates).toEqual([...oldest].sort().reverse())
      await page.close()
    })

    test('keyboard only: a filter opens and ticks with Enter and Space, focus stays put and is visible, results are announced', async () => {
      const page = await suite.browser.newPage()
      await page.goto(`${suite.server.url('search/')}?q=database`)
      await waitForStatus(page, /postmortems? for “database”/)
      await expect(page.locator('#search-status').getAttribute('aria-live')).resolves.toBe('polite')
      await page.locator('.facet-site > summary').focus()
      await page.keyboard.press('Enter')
      await page.locator('.facet-site input').first().waitFor()
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('facet-site')
      await page.keyboard.press('Tab')
      const box = await page.evaluate(() => document.activeElement?.id ?? '')
      expect(box).toMatch(/^f-site-/)
      await page.keyboard.press('Space')
      await waitForStatus(page, /with site/)
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(box)
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)
      expect(outline).not.toBe('none')
      await page.close()
    })

    test('without JavaScript the search page says where to go instead', async () => {
      const page = await suite.browser.newPage()
      const cdp = await suite.browser.context.newCDPSession(page)
      await cdp.send('Emulation.setScriptExecutionDisabled', { value: true })
      await page.goto(`${suite.server.url('search/')}?q=${ROOT_CAUSE_WORD}`)
      const message = page.locator('#search-nojs')
      await expect(message.isVisible()).resolves.toBe(true)
      const hrefs = await message.locator('a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname))
      expect(hrefs).toEqual(expect.arrayContaining([`${base}tags/`, `${base}sites/`, `${base}years/`]))
      await page.close()
    })
  })
}

describeBrowser('search results never turn indexed text into markup', () => {
  const suite = useServedSite({
    files: {
      'hostile.md': [
        '---',
        'title: "<img src=x onerror=alert(1)> Zebra outage"',
        'tags: ["<b>bold</b>", "x\\"><script>alert(3)</script>"]',
        'date: 2024-01-02',
        '---',
        '',
        '## Root cause',
        '',
        'The zebra <img src=y onerror=alert(2)> service &lt;script&gt;alert(4)&lt;/script&gt; failed.',
        '',
      ].join('\n'),
    },
  })

  test('a postmortem with HTML in its title, tags and text is listed as text, and nothing runs', async () => {
    const page = await suite.browser.newPage()
    const { problems } = watchPage(page)
    await page.goto(`${suite.server.url('search/')}?q=zebra`)
    await waitForStatus(page, /^1 postmortem for/)
    await page.locator('.facet-tag > summary').click()
    await page.locator('.facet-tag input').first().waitFor()
    const results = page.locator('#search-results')
    await expect(results.locator('img, script, b').count()).resolves.toBe(0)
    await expect(page.locator('.search-filters').locator('img, script, b').count()).resolves.toBe(0)
    await expect(results.locator('mark').count()).resolves.toBeGreaterThan(0)
    await expect(results.locator('h2').textContent()).resolves.toContain('Zebra outage')
    expect(problems).toEqual([])
    await page.close()
  })
})
