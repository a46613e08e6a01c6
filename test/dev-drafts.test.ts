import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { get } from './helpers/process.js'

const children: ChildProcess[] = []
const dirs: string[] = []
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** Starts `hindsight dev` (the CLI, so its defaults are what is tested) on a project with one published postmortem and one draft; resolves with its URL. */
async function dev(...flags: string[]): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-dev-drafts-'))
  dirs.push(dir)
  mkdirSync(path.join(dir, 'content'))
  writeFileSync(path.join(dir, 'content', 'shown.md'), '---\ntitle: Shown outage\ndate: 2024-01-02\n---\n# Shown outage\n\nPublished.\n')
  writeFileSync(
    path.join(dir, 'content', 'pending.md'),
    '---\ntitle: Pending review outage\ndate: 2024-01-03\ndraft: true\n---\n# Pending review outage\n\nUnder review.\n',
  )
  writeFileSync(path.join(dir, 'hindsight.config.json'), JSON.stringify({ templatesDir: path.resolve('templates'), search: false }))
  const child = spawn(process.execPath, [path.resolve('dist/cli.js'), 'dev', '--port', '0', ...flags], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  for (let i = 0; i < 600; i++) {
    const url = /Serving (http:\/\/\S+)/.exec(output)?.[1]
    if (url) return url
    if (child.exitCode !== null) throw new Error(`dev exited: ${output}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`dev did not start: ${output}`)
}

describe('hindsight dev and drafts', () => {
  it('shows drafts with a Draft banner and label by default', async () => {
    const base = await dev()
    const page = await get(`${base}pending/`)
    expect(page.status).toBe(200)
    expect(page.body).toContain('class="draft-banner"')
    expect((await get(base)).body).toMatch(/Pending review outage<\/a> <span class="draft-label">Draft<\/span>/)
    expect((await get(`${base}shown/`)).body).not.toContain('draft-banner')
  }, 120_000)

  it('leaves them out with --no-drafts', async () => {
    const base = await dev('--no-drafts')
    expect((await get(`${base}pending/`)).status).toBe(404)
    expect((await get(base)).body).not.toContain('Pending review')
    expect((await get(`${base}shown/`)).status).toBe(200)
  }, 120_000)
})
