import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const REPO = path.resolve(import.meta.dirname, '..')
const CLI = path.join(REPO, 'dist/cli.js')
const root = mkdtempSync(path.join(os.tmpdir(), 'hindsight-debug-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

const POSTMORTEM = '---\ntitle: Disk filled on the log host\ndate: 2024-03-04\n---\n# Disk filled on the log host\n\n## Summary\n\nLogs stopped.\n'

function run(dir: string, env: Record<string, string>, ...args: string[]) {
  const { NODE_DEBUG: _, ...rest } = process.env
  return spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...rest, ...env } })
}

describe('debug output (NODE_DEBUG=hindsight, node:util debuglog)', () => {
  const project = path.join(root, 'project')
  mkdirSync(path.join(project, 'content'), { recursive: true })
  writeFileSync(path.join(project, 'content', 'disk.md'), POSTMORTEM)
  writeFileSync(path.join(project, 'hindsight.config.json'), JSON.stringify({ search: false }))

  it('prints each build phase with its time and memory only when NODE_DEBUG names hindsight', () => {
    const quiet = run(project, {}, 'build')
    expect(quiet.status).toBe(0)
    expect(quiet.stderr).not.toMatch(/HINDSIGHT|hindsight-timing/)
    rmSync(path.join(project, 'site'), { recursive: true, force: true })
    const loud = run(project, { NODE_DEBUG: 'hindsight' }, 'build')
    expect(loud.status).toBe(0)
    expect(loud.stderr).toMatch(/^HINDSIGHT \d+: phase load \d+ ms, cpu \d+ ms, rss \d+ MB, heap \d+ MB$/m)
  })

  it('says why a warm build with one edited postmortem leaves the edited-only pass for the full one', () => {
    const warm = path.join(root, 'warm')
    mkdirSync(path.join(warm, 'content'), { recursive: true })
    const file = path.join(warm, 'content', 'disk.md')
    writeFileSync(file, POSTMORTEM)
    writeFileSync(path.join(warm, 'hindsight.config.json'), JSON.stringify({ search: false }))
    expect(run(warm, {}, 'build').status).toBe(0)
    // The summary is what list pages show of it: the edited-only pass declines, and the debug line says which file and why.
    writeFileSync(file, POSTMORTEM.replace('Logs stopped.', 'Logs stopped for an hour.'))
    const loud = run(warm, { NODE_DEBUG: 'hindsight' }, 'build')
    expect(loud.status).toBe(0)
    expect(loud.stderr).toMatch(/^HINDSIGHT \d+: scope edited$/m)
    expect(loud.stderr).toMatch(/^HINDSIGHT \d+: edited-only declined: disk\.md shows other pages something new/m)
  })

  it('shows the full stack of a failing command instead of its one line', () => {
    const broken = path.join(root, 'broken')
    mkdirSync(broken, { recursive: true })
    writeFileSync(path.join(broken, 'hindsight.config.json'), '{"pagesize": 20}')
    expect(run(broken, {}, 'check').stderr).toBe('hindsight.config.json: unknown key `pagesize`; did you mean `pageSize`?\n')
    expect(run(broken, { NODE_DEBUG: 'hindsight' }, 'check').stderr).toMatch(/^\s+at /m)
  })
})

describe("the benchmark's peak-RSS hook and the test seam", () => {
  it('bench/report-rss.mjs, preloaded, prints the peak RSS on stderr at exit', () => {
    const child = spawnSync(process.execPath, ['--import', path.join(REPO, 'bench/report-rss.mjs'), '-e', ''], { encoding: 'utf8' })
    expect(child.stderr).toMatch(/^hindsight-max-rss-kb [1-9]\d*\n$/)
  })

  it('no product module reads a HINDSIGHT_TEST_ or debug variable except the test seam', () => {
    const offenders: string[] = []
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name)
        if (entry.isDirectory()) walk(full)
        else if (entry.name !== 'test-seam.ts' && /HINDSIGHT_(TEST_|TIMINGS|REPORT_RSS|DEBUG)/.test(readFileSync(full, 'utf8'))) offenders.push(entry.name)
      }
    }
    walk(path.join(REPO, 'src'))
    expect(offenders).toEqual([])
  })
})
