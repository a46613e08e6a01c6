/**
 * A full build's postmortem pages and JSON rendered on worker threads (src/workers/render-pool.ts, through
 * src/build/render-offload.ts): the same bytes as the main thread renders, a failing render named by its file with
 * nothing staged left behind, a lost thread's pages rendered on the main thread. Runs the compiled CLI (workers load
 * dist/), as the other worker tests do.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { createRenderPool, renderThreads } from '../src/workers/render-pool.js'
import { createRenderer } from '../src/site/render.js'
import { makeProject, REPO, siteManifest } from './build-helpers.js'

const made: string[] = []
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

/** A project of 70 postmortems (14 variants of each of the 5 seeds), search off. */
function project(): { root: string; outDir: string } {
  const { root, config } = makeProject(14)
  made.push(root)
  writeFileSync(path.join(root, 'hindsight.config.json'), JSON.stringify({ search: false, templatesDir: 'templates' }))
  return { root, outDir: config.outDir }
}

const cli = (root: string, workers: number, env: Record<string, string> = {}): SpawnSyncReturns<string> =>
  spawnSync(process.execPath, [path.join(REPO, 'dist/cli.js'), 'build', '--workers', String(workers)], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, NODE_DEBUG: 'hindsight', ...env },
  })

/** Files on render threads, from the debug line (0 when none started). */
const threaded = (run: SpawnSyncReturns<string>): number => Number(/rendered (\d+) files on \d+ threads/.exec(run.stderr)?.[1] ?? 0)

/** List pages of a site (home, by duration, facets, months): they may render on threads too, once these have started. */
const lists = (outDir: string): number =>
  [...siteManifest(outDir).keys()].filter((p) => /^(page|by-duration|tags|sites|years|severity|categories)\/(.*\/)?index\.html$|^index\.html$/.test(p)).length

/** The oldest postmortem (last in archive order, so rendered after the threads started): its slug and source. */
function lastPostmortem(outDir: string): { slug: string; source: string } {
  const records = JSON.parse(readFileSync(path.join(outDir, 'postmortems.json'), 'utf8')) as Array<{ slug: string; source: string }>
  return records.at(-1)!
}

describe('render threads', () => {
  it('start for a full build of many postmortems with --workers >= 2 only, one fewer than asked (the main thread renders too)', () => {
    expect(renderThreads(2, 1000)).toBe(1)
    expect(renderThreads(1, 1000)).toBe(0)
    expect(renderThreads(4, 10)).toBe(0)
    expect(renderThreads(4, 1000)).toBe(3)
    expect(renderThreads(undefined, 1000, 3)).toBe(2)
  })

  it('are not started from TypeScript sources (under vitest): the main thread renders', () => {
    expect(createRenderPool({ config: {} as never, slugs: new Map() }, 2, new URL('./render-worker.ts', import.meta.url))).toBeNull()
  })

  it("take a few jobs a thread, a postmortem's JSON where its page went, and leave the rest to the main thread", async () => {
    const { config } = makeProject(1)
    made.push(config.root)
    const url = pathToFileURL(path.join(REPO, 'dist/workers/render-worker.js'))
    const pool = createRenderPool({ config, slugs: new Map() }, 1, url)!
    const body = { file: path.join(config.root, 'no-such.pack'), place: { pack: 'x', offset: 0, length: 1, summaryLength: 0, jsonLength: 0, sums: '' } }
    const job = (n: number) => () => ({ kind: 'page' as const, path: `p${n}/index.html`, source: `p${n}.md`, body, related: [], target: null })
    const taken = [1, 2, 3, 4].map((n) => pool.render(job(n), `g${n}`))
    expect(taken.every((p) => p instanceof Promise)).toBe(true)
    expect(pool.render(job(5), 'g5')).toBeNull()
    const json = pool.render(job(4), 'g4')
    expect(json).toBeInstanceOf(Promise)
    // The body cannot be read: each job comes back as the cache's named error, naming the pack file.
    const first = await taken[0]!
    expect('error' in first && first.error.name).toBe('CacheError')
    expect('error' in first && first.error.message).toContain('no-such.pack')
    await pool.close()
    await Promise.all([...taken, json])
  })

  it('render a list page from its plain data to the bytes the main thread renders, and write it where they are told', async () => {
    const { config } = makeProject(1)
    made.push(config.root)
    const url = pathToFileURL(path.join(REPO, 'dist/workers/render-worker.js'))
    const pool = createRenderPool({ config, slugs: new Map() }, 1, url)!
    const data = { title: 'Page not found' }
    const expected = Buffer.from(createRenderer(config)({ path: '404.html', template: '404', data }) as string)
    const plain = { template: '404', data }
    const job = (target: string | null) => () => ({ kind: 'plain' as const, path: '404.html', source: '', body: null, related: [], plain, target })
    const sent = await pool.render(job(null), 'a')
    const target = path.join(config.root, 'direct', '404.html')
    const written = await pool.render(job(target), 'b')
    await pool.close()
    expect('bytes' in sent! && Buffer.from(sent.bytes).equals(expected)).toBe(true)
    expect(written).toEqual({ written: true, hash: 'hash' in sent! ? sent.hash : '' })
    expect(readFileSync(target).equals(expected)).toBe(true)
  })

  it('write the same site, byte for byte, as the main thread alone', () => {
    const { root, outDir } = project()
    const alone = cli(root, 1)
    expect(alone.status, alone.stderr).toBe(0)
    expect(threaded(alone)).toBe(0)
    const expected = siteManifest(outDir)
    rmSync(outDir, { recursive: true })
    rmSync(path.join(root, '.hindsight'), { recursive: true, force: true })
    const run = cli(root, 2)
    expect(run.status, run.stderr).toBe(0)
    // Of 70 pages and 70 JSON files, those after the first 32 that found a thread free.
    expect(threaded(run)).toBeGreaterThan(0)
    expect(threaded(run)).toBeLessThanOrEqual(140 - 32 + lists(outDir))
    expect(siteManifest(outDir)).toEqual(expected)
  })

  it("hand a lost thread's pages back to the main thread", () => {
    const { root, outDir } = project()
    expect(cli(root, 1).status).toBe(0)
    const expected = siteManifest(outDir)
    const { source } = lastPostmortem(outDir)
    rmSync(outDir, { recursive: true })
    const run = cli(root, 2, { HINDSIGHT_TEST_WORKER_CRASH_ON: source })
    expect(run.status, run.stderr).toBe(0)
    expect(siteManifest(outDir)).toEqual(expected)
  })

  it('name the file a failing render was making, as the main thread does, and leave the last site and no staging folder', () => {
    const { root, outDir } = project()
    expect(cli(root, 2).status).toBe(0)
    const before = siteManifest(outDir)
    const { slug } = lastPostmortem(outDir)
    const template = path.join(root, 'templates', 'postmortem.eta')
    writeFileSync(template, `<% if (it.record.slug === ${JSON.stringify(slug)}) { throw new Error('deliberate failure') } %>` + readFileSync(template, 'utf8'))
    for (const workers of [2, 1]) {
      const run = cli(root, workers)
      expect(run.status, run.stderr).not.toBe(0)
      expect(run.stderr).toContain(`TemplateError: Cannot render ${slug}/index.html with template \`postmortem\`: deliberate failure`)
      if (workers === 2) expect(run.stderr).toMatch(/rendered [1-9]\d* files on 1 threads/)
      expect(readdirSync(path.dirname(outDir)).filter((name) => name.includes('-staging-'))).toEqual([])
      expect(siteManifest(outDir)).toEqual(before)
    }
  })
})
