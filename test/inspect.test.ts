import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PostmortemRecord } from '../src/types.js'

const run = promisify(execFile)
const CLI = path.resolve(import.meta.dirname, '../dist/cli.js')
let dir = ''

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hindsight-inspect-'))
  await writeFile(path.join(dir, '2024-01-02-a.md'), '# First\n\n## Timeline (UTC)\n\n- 2024-01-01 10:00 Broke\n- 10:05 Fixed\n')
  await writeFile(path.join(dir, 'b.md'), '---\ntitle: "unclosed\n---\n\nNo title or date here.\n')
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function inspect(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, 'inspect', ...args], { cwd: dir })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

describe('hindsight inspect --json', () => {
  it('prints one record per file in the order given and exits 0 despite diagnostics', async () => {
    const { code, stdout } = await inspect('--json', 'b.md', '2024-01-02-a.md')
    expect(code).toBe(0)
    const records = JSON.parse(stdout) as PostmortemRecord[]
    expect(records.map((r) => r.source)).toEqual(['b.md', '2024-01-02-a.md'])
    expect(records[0]?.diagnostics.some((d) => d.ruleId === 'front-matter-invalid' && d.severity === 'error')).toBe(true)
    expect(records[1]).toMatchObject({ title: 'First', date: '2024-01-01', published: '2024-01-02', timezone: 'UTC', durationMinutes: 5 })
  })

  it('exits non-zero when a file cannot be read, still printing the others', async () => {
    const { code, stdout, stderr } = await inspect('--json', 'missing.md', 'b.md')
    expect(code).not.toBe(0)
    expect(stderr).toContain('missing.md')
    expect((JSON.parse(stdout) as PostmortemRecord[]).map((r) => r.source)).toEqual(['b.md'])
  })
})
