import { spawn, type ChildProcess } from 'node:child_process'
import http from 'node:http'
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { get } from './helpers/process.js'
import { until as waitUntil } from './helpers/until.js'

const SOURCE = '2023-03-01-login-service-database-lock.md'
const MARKER = 'Edited-by-the-dev-test-7d1c'

let dir: string
let child: ChildProcess
let output = ''
let base = ''
const events: Array<{ event: string; data: unknown }> = []
let stream: http.ClientRequest | null = null

/** Polls `probe` (the shared helper), giving up at once when the dev server exits unless its exit is awaited. */
const until = <T>(what: string, probe: () => Promise<T | undefined> | T | undefined, tries = 200): Promise<T> =>
  waitUntil(what, probe, {
    tries,
    context: () => `Dev output:\n${output}`,
    abort: () => (child.exitCode !== null && what !== 'exit' ? `dev exited with ${child.exitCode}` : null),
  })

function listen(url: string): void {
  let buffer = ''
  stream = http.get(url, (res) => {
    res.setEncoding('utf8')
    res.on('data', (chunk: string) => {
      buffer += chunk
      let end: number
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const frame = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const event = /^event: (.*)$/m.exec(frame)?.[1]
        const data = /^data: (.*)$/m.exec(frame)?.[1]
        if (event) events.push({ event, data: data ? JSON.parse(data) : null })
      }
    })
  })
  stream.on('error', () => {})
}

interface Problems {
  problems: Array<{ file: string; diagnostics: Array<{ severity: string; ruleId: string; line: number | null }> }>
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hindsight-dev-'))
  cpSync('content', path.join(dir, 'content'), { recursive: true })
  cpSync('templates', path.join(dir, 'templates'), { recursive: true })
  child = spawn(process.execPath, [path.resolve('dist/cli.js'), 'dev', '--port', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  base = await until('the URL', () => /Serving (http:\/\/\S+)/.exec(output)?.[1], 600)
  listen(new URL('/__hindsight/events', base).href)
  await until('the event stream', async () => ((await get(`${new URL(base).origin}/__hindsight/diagnostics`)).status === 200 ? true : undefined))
}, 120_000)

afterAll(() => {
  stream?.destroy()
  if (child.exitCode === null) child.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

describe('hindsight dev', () => {
  let slug = ''
  let page = ''
  const file = (): string => path.join(dir, 'content', SOURCE)

  it('serves the built archive on loopback with a port of its own', async () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(output).toMatch(/Search index lags in dev/)
    const records = JSON.parse((await get(`${base}postmortems.json`)).body) as Array<{ source: string; slug: string }>
    slug = records.find((r) => r.source === SOURCE)!.slug
    page = `${base}${slug}/`
    const res = await get(page)
    expect(res.status).toBe(200)
    expect(res.body).toContain('<script src="/__hindsight/live-reload.js" defer></script>')
    expect((await get(base)).body).toContain(`href="/${slug}/"`)
  })

  it('rebuilds an edited postmortem and tells open pages to reload', async () => {
    const before = events.filter((e) => e.event === 'reload').length
    writeFileSync(file(), `${readFileSync(file(), 'utf8')}\n\n${MARKER}\n`)
    await until('the edited page', async () => ((await get(page)).body.includes(MARKER) ? true : undefined))
    const reload = await until('a reload event', () => events.filter((e) => e.event === 'reload')[before])
    expect((reload.data as { pages: string[] }).pages).toContain(`/${slug}/`)
  })

  it('keeps serving the last good page when a save breaks the front matter, and reports the error', async () => {
    writeFileSync(file(), `---\ntitle: "unclosed\ndate: [2023-03-01\n---\n\n# Broken\n`)
    const problems = await until('the diagnostics of the broken save', async () => {
      const payload = JSON.parse((await get(`${new URL(base).origin}/__hindsight/diagnostics`)).body) as Problems
      return payload.problems.find((p) => p.file === `content/${SOURCE}`)
    })
    expect(problems.diagnostics.some((d) => d.severity === 'error')).toBe(true)
    expect(events.some((e) => e.event === 'diagnostics' && (e.data as Problems).problems.length > 0)).toBe(true)
    expect(output).toContain(`content/${SOURCE} has errors; still serving its last good page`)
    const res = await get(page)
    expect(res.status).toBe(200)
    expect(res.body).toContain(MARKER)
  })

  it('removes the page of a deleted file and its entry on the home page', async () => {
    unlinkSync(file())
    await until('the page to go', async () => ((await get(page)).status === 404 ? true : undefined))
    expect((await get(base)).body).not.toContain(`href="/${slug}/"`)
    const payload = JSON.parse((await get(`${new URL(base).origin}/__hindsight/diagnostics`)).body) as Problems
    expect(payload.problems).toEqual([])
  })

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(output).toContain('SIGTERM: stopping')
  })
})
