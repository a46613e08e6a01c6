import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from 'vitest'
import { describeBrowser, useServedSite, watchPage } from './harness.js'

/** Action items in three layouts (a checklist, a table with owners, done markers), so the page gathers every kind. */
const FILES: Record<string, string> = {
  'disk.md': [
    '---\ntitle: Disk full\ndate: 2023-02-01\n---\n# Disk full\n\n## Summary\n\nThe log disk filled up.\n',
    '## Action items\n\n- [ ] Add a disk usage alert\n- [x] Rotate the logs daily\n- Write a cleanup runbook\n',
  ].join('\n'),
  'dns.md': [
    '---\ntitle: DNS outage\ndate: 2023-05-09\n---\n# DNS outage\n\n## Summary\n\nA bad zone file took DNS down.\n',
    '## Action items\n\n| Action | Owner | Status |\n|---|---|---|\n| Validate zone files in CI | @ana | Open |\n| Lower the TTL | @bo | Done |\n',
  ].join('\n'),
  'quiet.md': '---\ntitle: No follow-ups\ndate: 2023-06-01\n---\n# No follow-ups\n\n## Summary\n\nNothing to do.\n',
}

describeBrowser('the /actions/ page in Chromium', () => {
  const suite = useServedSite({ files: FILES })

  test('lists every action item of the archive exactly once, each linking to a page that exists', async () => {
    const exported = JSON.parse(await readFile(path.join(suite.site.outDir, 'postmortems.json'), 'utf8')) as unknown
    const records = (Array.isArray(exported) ? exported : (exported as { postmortems: unknown[] }).postmortems) as Array<{
      actionItems: Array<{ text: string }>
    }>
    const expected = records.flatMap((r) => r.actionItems.map((item) => item.text)).sort()
    expect(expected).toHaveLength(5)

    const page = await suite.browser.newPage({ width: 1280, height: 900 })
    const watched = watchPage(page)
    await page.goto(suite.server.url('actions/'))
    const rows = page.locator('table.actions-table tbody tr')
    const shown = (await rows.locator('td:first-child').allTextContents()).map((t) => t.trim()).sort()
    expect(shown).toEqual(expected)

    const links = await rows.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))
    for (const href of new Set(links)) {
      const response = await page.request.get(href)
      expect(response.status(), href).toBe(200)
    }
    expect(watched.problems).toEqual([])
  })

  test('groups items by status with counts that add up to the total', async () => {
    const page = await suite.browser.newPage({ width: 375, height: 800 })
    await page.goto(suite.server.url('actions/'))
    const counts = await page.locator('section.pm-block h2 .count').allTextContents()
    const sum = counts.map((c) => Number(c.replace(/\D/g, ''))).reduce((a, b) => a + b, 0)
    expect(sum).toBe(5)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
  })
})
