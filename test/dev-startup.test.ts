import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { startDev, type DevSession } from '../src/dev/session.js'
import { until as waitUntil } from './helpers/until.js'

let dir: string
let session: DevSession | undefined
const lines: string[] = []

afterAll(async () => {
  await session?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Polls `probe` (the shared helper), with the dev output in the timeout error. */
const until = <T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> =>
  waitUntil(what, probe, { context: () => `Dev output:\n${lines.join('\n')}` })

it('starts serving even when the first build fails, shows why, and builds once the template is fixed', async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hindsight-devstartup-'))
  cpSync('content', path.join(dir, 'content'), { recursive: true })
  cpSync('templates', path.join(dir, 'templates'), { recursive: true })
  const home = path.join(dir, 'templates', 'home.eta')
  const good = readFileSync(home, 'utf8')
  writeFileSync(home, `${good}\n<%= it.nothing.here %>\n`)
  session = await startDev({ cwd: dir, port: 0, host: '127.0.0.1', searchDelayMs: 60_000, log: (line) => lines.push(line) })
  expect(lines.some((l) => l.startsWith('Build failed'))).toBe(true)
  const problems = (await (await fetch(new URL('/__hindsight/diagnostics', session.url))).json()) as {
    problems: Array<{ file: string; diagnostics: Array<{ ruleId: string }> }>
  }
  expect(problems.problems).toEqual([expect.objectContaining({ file: '(build)', diagnostics: [expect.objectContaining({ ruleId: 'build-failed' })] })])
  const missing = await fetch(session.url)
  expect(missing.status).toBe(404)
  expect(await missing.text()).toContain('/__hindsight/live-reload.js')

  writeFileSync(home, good)
  await until('the first good build', async () => ((await fetch(session!.url)).status === 200 ? true : undefined))
  const after = (await (await fetch(new URL('/__hindsight/diagnostics', session.url))).json()) as { problems: unknown[] }
  expect(after.problems).toEqual([])
})
