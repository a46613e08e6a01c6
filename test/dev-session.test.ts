import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDev, type DevSession } from '../src/dev/session.js'
import { until as waitUntil } from './helpers/until.js'

const SOURCE = '2023-06-10-database-outage-and-recovery.md'

let dir: string
let session: DevSession
const lines: string[] = []

/** Polls `probe` (the shared helper), with the dev output in the timeout error. */
const until = <T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> =>
  waitUntil(what, probe, { context: () => `Dev output:\n${lines.join('\n')}` })

const fetchText = async (rel: string): Promise<{ status: number; body: string }> => {
  const res = await fetch(new URL(rel, session.url))
  return { status: res.status, body: await res.text() }
}
const problems = async (): Promise<Array<{ file: string; diagnostics: Array<{ severity: string; ruleId: string }> }>> =>
  ((await (await fetch(new URL('/__hindsight/diagnostics', session.url))).json()) as { problems: [] }).problems
const slugOf = async (source: string): Promise<string | undefined> =>
  (JSON.parse((await fetchText('postmortems.json')).body) as Array<{ source: string; slug: string }>).find((r) => r.source === source)?.slug

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hindsight-devsession-'))
  cpSync('content', path.join(dir, 'content'), { recursive: true })
  cpSync('templates', path.join(dir, 'templates'), { recursive: true })
  session = await startDev({ cwd: dir, port: 0, host: '127.0.0.1', searchDelayMs: 200, log: (line) => lines.push(line) })
}, 120_000)

afterAll(async () => {
  await session?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('dev session', () => {
  it('rebuilds the search index a moment after the last change', async () => {
    const pagefind = path.join(dir, 'site', 'pagefind')
    const newest = (): number =>
      Math.max(
        0,
        ...readdirSync(pagefind, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => statSync(path.join(e.parentPath, e.name)).mtimeMs),
      )
    const before = newest()
    const file = path.join(dir, 'content', SOURCE)
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n\nZebrafish-search-marker\n`)
    await until('the search rebuild', () => (lines.some((l) => l.startsWith('Search index updated')) ? true : undefined))
    expect(newest()).toBeGreaterThan(before)
  })

  it('follows a rename: the old page goes, the new one appears', async () => {
    const oldSlug = await slugOf(SOURCE)
    renameSync(path.join(dir, 'content', SOURCE), path.join(dir, 'content', '2023-06-10-renamed-outage.md'))
    // chokidar may report the add and the unlink in separate batches; wait for the settled state.
    await until('the old source to leave the index', async () => ((await slugOf(SOURCE)) === undefined ? true : undefined))
    const newSlug = await until('the renamed page', async () => slugOf('2023-06-10-renamed-outage.md'))
    expect((await fetchText(`${newSlug}/`)).status).toBe(200)
    if (oldSlug !== newSlug) expect((await fetchText(`${oldSlug}/`)).status).toBe(404)
  })

  it('rebuilds every page after a template change', async () => {
    const header = path.join(dir, 'templates', 'partials', 'header.eta')
    writeFileSync(header, readFileSync(header, 'utf8').replace('<header class="site-header">', '<header class="site-header" data-edited="template-test">'))
    await until('the edited template', async () => ((await fetchText('')).body.includes('data-edited="template-test"') ? true : undefined))
    const slug = (await slugOf('2023-03-01-login-service-database-lock.md'))!
    expect((await fetchText(`${slug}/`)).body).toContain('data-edited="template-test"')
  })

  it('reports a broken template in the overlay and keeps serving, then recovers', async () => {
    const home = path.join(dir, 'templates', 'home.eta')
    const good = readFileSync(home, 'utf8')
    writeFileSync(home, `${good}\n<%= it.nothing.here %>\n`)
    await until('the template error', async () => ((await problems()).some((p) => p.file === '(build)') ? true : undefined))
    expect((await fetchText('')).status).toBe(200)
    writeFileSync(home, good)
    await until('the recovery', async () => ((await problems()).length === 0 ? true : undefined))
  })

  it('applies a config change, and keeps the last good site when the config is invalid', async () => {
    const config = path.join(dir, 'hindsight.config.json')
    writeFileSync(config, JSON.stringify({ title: 'Renamed archive' }))
    await until('the new title', async () => ((await fetchText('')).body.includes('Renamed archive') ? true : undefined))
    writeFileSync(config, JSON.stringify({ titel: 'Typo' }))
    const problem = await until('the config error', async () => (await problems()).find((p) => p.file === 'hindsight.config.json'))
    expect(problem.diagnostics[0]).toMatchObject({ severity: 'error', ruleId: 'config-invalid' })
    expect((await fetchText('')).body).toContain('Renamed archive')
    writeFileSync(config, JSON.stringify({ title: 'Fixed archive' }))
    await until('the fixed config', async () => ((await fetchText('')).body.includes('Fixed archive') ? true : undefined))
    expect(await problems()).toEqual([])
  })

  it('queues rapid saves and ends on the last one', async () => {
    const file = path.join(dir, 'content', '2023-03-01-login-service-database-lock.md')
    const original = readFileSync(file, 'utf8')
    const count = lines.length
    for (let i = 0; i < 8; i++) writeFileSync(file, `${original}\n\nRapid-save-${i}\n`)
    const slug = (await slugOf('2023-03-01-login-service-database-lock.md'))!
    await until('the last save', async () => ((await fetchText(`${slug}/`)).body.includes('Rapid-save-7') ? true : undefined))
    expect(lines.slice(count).filter((l) => l.startsWith('Build failed'))).toEqual([])
  })

  it('ignores editor swap files and files outside the watched folders', async () => {
    const count = lines.length
    writeFileSync(path.join(dir, 'content', '.draft.md.swp'), 'x')
    writeFileSync(path.join(dir, 'notes.md'), 'x')
    const real = path.join(dir, 'content', '2023-03-01-login-service-database-lock.md')
    writeFileSync(real, `${readFileSync(real, 'utf8')}\n\nAfter the ignored files.\n`)
    await until('the real edit', () =>
      lines.slice(count).some((l) => l.startsWith('Rebuilt content/2023-03-01-login-service-database-lock.md')) ? true : undefined,
    )
    expect(lines.slice(count).filter((l) => /\.swp|notes\.md/.test(l))).toEqual([])
  })
})
