/**
 * An incremental search index (a base index plus a delta of what changed since, see src/search/delta.ts) answers as a
 * freshly built full index does: the same results for every query (an edited postmortem by its new words only, a
 * deleted one never), the same order when sorted by date, and the same filter counts.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { build, type BuildResult } from '../../src/build.js'
import { loadConfig } from '../../src/config.js'
import type { ResolvedConfig } from '../../src/types.js'
import { describeBrowser, launchBrowser, PROJECT_ROOT, serveSite, watchPage, type BrowserSession, type ServedSite } from './harness.js'

const TAGS = ['dns', 'database', 'network', 'storage']
const WORDS = ['replica', 'resolver', 'certificate', 'partition', 'rollback', 'throttling']

/** Ten postmortems whose tags, years and words overlap, so filters and queries select different subsets. */
function archive(): Map<string, string> {
  const files = new Map<string, string>()
  for (let i = 0; i < 10; i++) {
    const tags = [TAGS[i % 4]!, ...(i % 3 === 0 ? [TAGS[(i + 1) % 4]!] : [])]
    const words = [WORDS[i % 6]!, WORDS[(i * 2 + 1) % 6]!]
    const date = `${2019 + (i % 4)}-0${1 + (i % 9)}-1${i % 10}`
    files.set(
      `p${i}.md`,
      `---\ntitle: Outage ${i}\ndate: ${date}\ntags: [${tags.join(', ')}]\n---\n# Outage ${i}\n\n## Summary\n\nAn outage of service ${i}.\n\n## Impact\n\nThe ${words.join(' and the ')} failed.\n`,
    )
  }
  return files
}

interface Built {
  root: string
  config: ResolvedConfig
}

async function project(files: Map<string, string>): Promise<Built> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'hindsight-search-incremental-'))
  for (const [rel, text] of files) {
    await mkdir(path.dirname(path.join(root, 'content', rel)), { recursive: true })
    await writeFile(path.join(root, 'content', rel), text)
  }
  const config = loadConfig(root, {
    templatesDir: path.join(PROJECT_ROOT, 'templates'),
    cacheDir: path.join(root, '.cache'),
    contentDir: path.join(root, 'content'),
    outDir: path.join(root, 'site'),
    base: '/',
  })
  return { root, config }
}

const deltaManifest = (b: Built): { delta: string | null; pages: unknown[]; superseded: unknown[] } =>
  JSON.parse(readFileSync(path.join(b.config.outDir, 'pagefind', 'delta.json'), 'utf8'))

/** What the search page shows for a URL state: the status line, the listed titles with their dates, and every open filter's counts. */
async function answer(page: Page, server: ServedSite, query: string): Promise<{ status: string; listed: string[]; counts: Record<string, string[]> }> {
  await page.goto(`${server.url('search/')}?${query}`)
  await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 20_000 }).toMatch(/postmortems?\b.*\.$/)
  const listed = await page
    .locator('#search-results .entry')
    .evaluateAll((items) => items.map((li) => `${li.querySelector('h2')?.textContent} ${li.querySelector('time')?.textContent}`))
  const counts: Record<string, string[]> = {}
  for (const facet of await page.locator('.facet[open]').all()) {
    const key = (await facet.getAttribute('data-key'))!
    await expect.poll(() => facet.locator('.facet-empty').count()).toBe(0)
    counts[key] = (await facet.locator('li').allTextContents()).map((t) => t.trim()).sort()
  }
  return { status: (await page.locator('#search-status').textContent())!, listed, counts }
}

const QUERIES = [
  'q=replica',
  'q=resolver',
  'q=certificate',
  'q=outage',
  'q=quokka',
  'q=wombat',
  'q=outage&sort=newest',
  'q=outage&sort=oldest',
  'sort=newest',
  // A word only the delta has, beside one every page has: Pagefind leaves out a word its index lacks, a full index does not.
  'q=quokka+failed',
  'q=wombat+failed&tag=dns',
  'q=failed+resolver',
  'tag=dns',
  'tag=database&tag=network',
  'q=outage&tag=storage',
  'year=2021',
  'q=replica&year=2020&tag=dns',
  'q=failed&sort=oldest&tag=network',
]

describeBrowser('an incremental search index answers as a full index does', () => {
  let incremental: Built
  let fresh: Built
  let servers: ServedSite[] = []
  let browser: BrowserSession
  const results: BuildResult[] = []

  beforeAll(async () => {
    const files = archive()
    incremental = await project(files)
    results.push(await build(incremental.config))
    // Edit one (new words, tag and year), delete one, add one: a full pass with a delta beside the base.
    const edited = files
      .get('p3.md')!
      .replace(/The .* failed/, 'The quokka failed')
      .replace(/tags: \[.*\]/, 'tags: [storage]')
      .replace(/date: \d{4}/, 'date: 2024')
    files.set('p3.md', edited)
    writeFileSync(path.join(incremental.config.contentDir, 'p3.md'), edited)
    files.delete('p5.md')
    rmSync(path.join(incremental.config.contentDir, 'p5.md'))
    const added =
      '---\ntitle: Outage new\ndate: 2021-05-05\ntags: [dns]\n---\n# Outage new\n\n## Summary\n\nAn outage of service 10.\n\n## Impact\n\nThe wombat replica failed.\n'
    files.set('p10.md', added)
    writeFileSync(path.join(incremental.config.contentDir, 'p10.md'), added)
    results.push(await build(incremental.config))
    // Then one prose edit alone: the edited-only pass, the delta growing.
    const prose = files.get('p7.md')!.replace('failed', 'failed with a certificate expiry')
    files.set('p7.md', prose)
    writeFileSync(path.join(incremental.config.contentDir, 'p7.md'), prose)
    results.push(await build(incremental.config))
    fresh = await project(files)
    await build(fresh.config)
    servers = [await serveSite(incremental.config.outDir), await serveSite(fresh.config.outDir)]
    browser = await launchBrowser()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    for (const s of servers) await s.close()
    for (const b of [incremental, fresh]) if (b) await rm(b.root, { recursive: true, force: true })
  })

  test('the warm builds wrote a delta, not a new base, and the fresh build none', () => {
    expect(results.map((r) => r.scope)).toEqual(['full', 'full', 'edited'])
    const delta = deltaManifest(incremental)
    expect(delta.delta).toBe('delta/')
    // p3 and p7 edited, p10 added; p3, p5 and p7 superseded in the base.
    expect(delta.pages).toHaveLength(3)
    expect(delta.superseded).toHaveLength(3)
    expect(deltaManifest(fresh)).toEqual({ version: 1, delta: null, total: 0, pages: [], superseded: [] })
  })

  test('every query gives the same results, order by date and counts as the full index', async () => {
    const page = await browser.newPage()
    const { problems } = watchPage(page)
    for (const query of QUERIES) {
      const [mine, full] = [await answer(page, servers[0]!, query), await answer(page, servers[1]!, query)]
      // Best match is rescaled from the delta's statistics to the base's, close to a full index but not equal: only a sorted list must keep its order.
      if (!query.includes('sort=')) {
        mine.listed.sort()
        full.listed.sort()
      }
      expect({ query, ...mine }).toEqual({ query, ...full })
    }
    // The edit is searchable by its new words, not its old ones; the deleted postmortem is gone; the new one is there.
    // ("Outage 3" names no incident, so readers see the title derived from its summary.)
    expect((await answer(page, servers[0]!, 'q=quokka')).listed).toEqual(['An outage of service 3 2024-04-13'])
    expect((await answer(page, servers[0]!, 'q=partition')).listed.some((t) => t.startsWith('An outage of service 3 '))).toBe(false)
    expect((await answer(page, servers[0]!, 'q=outage')).listed.some((t) => t.startsWith('An outage of service 5 '))).toBe(false)
    expect((await answer(page, servers[0]!, 'q=wombat')).listed).toEqual(['Outage new 2021-05-05'])
    expect(problems).toEqual([])
  }, 300_000)
})
