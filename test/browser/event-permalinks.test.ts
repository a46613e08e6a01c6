/** Event permalinks in Chromium: each timeline event has a visible link to itself, and it still leads there after an edit elsewhere in the timeline. */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { build } from '../../src/build.js'
import { describeBrowser, useServedSite, watchPage } from './harness.js'

const TEXT = [
  '---',
  'title: Queue backlog',
  'date: 2024-05-06',
  '---',
  '# Queue backlog',
  '',
  '## Timeline',
  '',
  '- 10:00 Deploy of the consumer began',
  '- 10:07 Queue depth alert fired',
  '- 10:20 Consumers rolled back',
  '- 10:45 Backlog drained',
  '',
].join('\n')

describeBrowser('timeline event permalinks in Chromium', () => {
  const suite = useServedSite({ files: { 'queue.md': TEXT } })

  test('the permalink of an event survives an edit elsewhere in the timeline', async () => {
    const slug = suite.site.result.files.find((f) => f.source === 'queue.md')!.slug!
    const page = await suite.browser.newPage({ width: 1280, height: 900 })
    const { problems } = watchPage(page)
    await page.goto(suite.server.url(`${slug}/`))
    const row = page.locator('.timeline-entry', { hasText: 'Consumers rolled back' })
    const link = row.locator('a.permalink')
    await expect.poll(() => link.isVisible()).toBe(true)
    const href = (await link.getAttribute('href'))!
    expect(href).toMatch(/^#ev-/)
    await link.click()
    expect(new URL(page.url()).hash).toBe(href)
    expect(await page.locator(':target').textContent()).toContain('Consumers rolled back')

    // An event added before it, and another one's text edited: the link still leads to the same event.
    const file = path.join(suite.site.config.contentDir, 'queue.md')
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('- 10:00 Deploy of the consumer began', '- 09:50 Change approved\n- 10:00 Deploy of consumer v2 began')
        .replace('Queue depth alert fired', 'Queue depth alert fired (PagerDuty)'),
    )
    await build(suite.site.config)
    // A fresh load of the rebuilt page (the same URL with the same hash would only scroll the old one).
    await page.goto('about:blank')
    await page.goto(suite.server.url(`${slug}/${href}`))
    expect(await page.locator(':target').textContent()).toContain('Consumers rolled back')
    expect(await page.locator('.timeline-entry').count()).toBe(5)
    const ids = await page.locator('.timeline-entry').evaluateAll((rows) => rows.map((r) => r.id))
    expect(new Set(ids).size).toBe(ids.length)
    expect(problems).toEqual([])
    await page.close()
  })
})
