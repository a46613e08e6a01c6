import { expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { describeBrowser, useServedSite, watchPage } from './harness.js'

/** A small archive whose tags and years overlap, so OR within a filter and AND across filters give different lists. */
const FILES: Record<string, string> = {
  'a.md': '---\ntitle: Alpha outage\ndate: 2021-03-01\ntags: [dns, network]\n---\n# Alpha outage\n\nDNS broke.\n',
  'b.md': '---\ntitle: Bravo outage\ndate: 2022-04-02\ntags: [dns]\n---\n# Bravo outage\n\nDNS broke again.\n',
  'c.md': '---\ntitle: Charlie outage\ndate: 2022-05-03\ntags: [database]\n---\n# Charlie outage\n\nThe database filled up.\n',
  'e.md': '---\ntitle: Echo outage\ndate: 2020-07-05\n---\n# Echo outage\n\nThe TLS certificate expired; the expired certificate broke every client.\n',
  'd.md': '---\ntitle: Delta outage\ndate: 2021-06-04\ntags: [database, network]\n---\n# Delta outage\n\nA network partition split the database.\n',
}

async function titles(page: Page): Promise<string[]> {
  return (await page.locator('#search-results .entry h2 a').allTextContents()).sort()
}

async function waitForStatus(page: Page, pattern: RegExp): Promise<void> {
  await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 20_000 }).toMatch(pattern)
}

/** The count a filter value shows beside its label, e.g. `(3)`. */
async function shownCount(page: Page, facet: string, value: string): Promise<string> {
  const id = await page.locator(`.facet-${facet} input[value="${value}"]`).getAttribute('id')
  return (await page.locator(`label[for="${id}"] .count`).textContent()) ?? ''
}

describeBrowser('search filters in Chromium: OR within a filter, AND across, with counts', () => {
  const suite = useServedSite({ files: FILES })

  test('ticking two tags lists postmortems with either; each value counts what ticking it would give', async () => {
    const page = await suite.browser.newPage()
    const { problems } = watchPage(page)
    await page.goto(`${suite.server.url('search/')}?tag=dns`)
    await waitForStatus(page, /^2 postmortems with tag dns\./)
    // With dns ticked, database still counts its own two postmortems (OR), not the overlap with dns (none).
    await expect.poll(() => shownCount(page, 'tag', 'database')).toBe('(2)')
    await expect.poll(() => shownCount(page, 'tag', 'dns')).toBe('(2)')
    await page.locator('.facet-tag input[value="database"]').check()
    await waitForStatus(page, /^4 postmortems with tag dns or database\./)
    expect(await titles(page)).toEqual(['Alpha outage', 'Bravo outage', 'Charlie outage', 'Delta outage'])
    expect(new URL(page.url()).searchParams.getAll('tag')).toEqual(['dns', 'database'])

    // A second filter narrows: years are ANDed with the tags, and the tag counts follow the year.
    await page.locator('.facet-year > summary').click()
    await page.locator('.facet-year input[value="2021"]').check()
    await waitForStatus(page, /^2 postmortems with tag dns or database, year 2021\./)
    expect(await titles(page)).toEqual(['Alpha outage', 'Delta outage'])
    await expect.poll(() => shownCount(page, 'tag', 'dns')).toBe('(1)')
    await expect.poll(() => shownCount(page, 'year', '2022')).toBe('(2)')
    expect(problems).toEqual([])
    await page.close()
  })

  test('the tag filter agrees with the tag pages: a suggested tag finds the same postmortems, marked as suggested', async () => {
    const echo = suite.site.result.documents.find((d) => d.record.title === 'Echo outage')!.record
    expect(echo.tags).toEqual([])
    const suggested = echo.derivedTags[0]
    if (!suggested) throw new Error('The vocabulary should suggest a tag for a postmortem about an expired certificate')
    const page = await suite.browser.newPage()
    await page.goto(suite.server.url(`tags/${suggested}/`))
    const listed = (await page.locator('main .entry h2 a, main li h2 a, main h2 a').allTextContents()).sort()
    await page.goto(`${suite.server.url('search/')}?tag=${suggested}`)
    await waitForStatus(page, new RegExp(`^${listed.length} postmortems? with tag ${suggested}\\.`))
    expect(await titles(page)).toEqual(listed)
    await expect(page.locator('#search-results .tags .derived').first().textContent()).resolves.toBe(`${suggested} (suggested)`)
    await page.close()
  })

  test('two years ticked are alternatives too', async () => {
    const page = await suite.browser.newPage()
    await page.goto(`${suite.server.url('search/')}?year=2021&year=2022&tag=network`)
    await waitForStatus(page, /^2 postmortems with year 2021 or 2022, tag network\.|^2 postmortems with tag network, year 2021 or 2022\./)
    expect(await titles(page)).toEqual(['Alpha outage', 'Delta outage'])
    await page.close()
  })
})
