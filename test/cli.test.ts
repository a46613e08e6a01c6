import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { COMMANDS, synopsis } from '../src/commands/spec.js'
import { plural } from '../src/report/format.js'
import { createProgressLine, progressText } from '../src/report/progress.js'

const REPO = path.resolve(import.meta.dirname, '..')
const CLI = path.join(REPO, 'dist/cli.js')
const made: string[] = []
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

const hindsight = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 })

function project(files: Record<string, string> = {}): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'hindsight-cli-'))
  made.push(root)
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    writeFileSync(path.join(root, rel), text)
  }
  return root
}

const POSTMORTEM = '---\ntitle: Disk filled on the log host\ndate: 2024-03-04\n---\n# Disk filled on the log host\n\n## Summary\n\nLogs stopped for an hour.\n'

/** A user's mistake: exit 2 and exactly one line on stderr, never a stack trace. */
function expectOneLine(run: ReturnType<typeof hindsight>, pattern: RegExp): void {
  expect(run.status).toBe(2)
  const lines = run.stderr.trimEnd().split('\n')
  expect(lines, run.stderr).toHaveLength(1)
  expect(lines[0]).toMatch(pattern)
  expect(run.stderr).not.toMatch(/^\s+at /m)
}

describe('help and version come from the same definitions as the parser', () => {
  const root = project()

  for (const spec of COMMANDS) {
    it(`hindsight ${spec.name} --help lists every option the parser accepts, and the README shows the same synopsis`, () => {
      const run = hindsight(root, spec.name, '--help')
      expect(run.status).toBe(0)
      expect(run.stdout).toContain(`Usage: hindsight ${synopsis(spec)}`)
      for (const option of Object.keys(spec.options)) expect(run.stdout).toContain(`--${option}`)
      expect(readFileSync(path.join(REPO, 'README.md'), 'utf8')).toContain(`\`hindsight ${synopsis(spec).replaceAll('|', '\\|')}\``)
    })
  }

  it('`new --help` documents --severity and --content (missing from the old usage text)', () => {
    const run = hindsight(root, 'new', '-h')
    expect(run.stdout).toContain('--severity S')
    expect(run.stdout).toContain('--content DIR')
  })

  it('--version prints the package version; --help lists every command', () => {
    const version = hindsight(root, '--version')
    expect(version.status).toBe(0)
    expect(version.stdout).toBe(`${(JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version}\n`)
    const help = hindsight(root, '--help')
    expect(help.status).toBe(0)
    for (const spec of COMMANDS) expect(help.stdout).toMatch(new RegExp(`^  ${spec.name} +\\S`, 'm'))
  })

  it('the README names the port `dev` really listens on', () => {
    const dev = COMMANDS.find((c) => c.name === 'dev')!
    expect(readFileSync(path.join(REPO, 'README.md'), 'utf8')).toContain(`127.0.0.1:${dev.options.port!.default}`)
  })
})

describe('a user mistake is one line and exit 2', () => {
  it('an unknown command suggests the nearest', () => {
    expectOneLine(hindsight(project(), 'biuld'), /^hindsight: unknown command biuld; did you mean build\?/)
    expectOneLine(hindsight(project(), 'frobnicate'), /^hindsight: unknown command frobnicate \(hindsight --help/)
  })

  it('an unknown option names it and suggests the nearest of that command', () => {
    expectOneLine(hindsight(project(), 'build', '--outt', 'x'), /^hindsight build: unknown option --outt; did you mean --out\?/)
    expectOneLine(hindsight(project(), 'check', '--stict'), /^hindsight check: unknown option --stict; did you mean --strict\?/)
    expectOneLine(hindsight(project(), 'dev', '--prot=5'), /^hindsight dev: unknown option --prot; did you mean --port\?/)
    expectOneLine(hindsight(project(), 'build', '--out'), /^hindsight build: .*--out.* \(see hindsight build --help\)$/)
  })

  it('a thread count that is not a whole number from 1 to 64 is refused before anything is built', () => {
    const root = project({ 'content/a.md': POSTMORTEM })
    expectOneLine(hindsight(root, 'build', '--workers', '0'), /^hindsight build: --workers must be a whole number from 1 to 64, not `0`$/)
    expect(existsSync(path.join(root, 'site'))).toBe(false)
    expect(hindsight(root, 'build', '--workers', '1', '--quiet').status).toBe(0)
  })

  it('a missing content folder names it, for build, dev and check', () => {
    expectOneLine(hindsight(project(), 'build', '--content', 'postmortems'), /^The content folder postmortems does not exist/)
    expectOneLine(hindsight(project(), 'dev', '--port', '0', '--content', 'postmortems'), /^The content folder postmortems does not exist/)
    expectOneLine(hindsight(project(), 'check', '--content', 'postmortems'), /postmortems/)
  })

  it('a bad config names the file', () => {
    expectOneLine(
      hindsight(project({ 'content/a.md': POSTMORTEM, 'hindsight.config.json': '{"title": 3' }), 'build'),
      /^hindsight\.config\.json: cannot parse JSON/,
    )
    expectOneLine(
      hindsight(project({ 'content/a.md': POSTMORTEM, 'hindsight.config.json': '{"ttle": "x"}' }), 'build'),
      /^hindsight\.config\.json: unknown key `ttle`; did you mean `title`\?/,
    )
    expectOneLine(
      hindsight(project({ 'content/a.md': POSTMORTEM, 'hindsight.config.json': '{"logo": "brand/none.svg"}' }), 'build'),
      /`logo` names .*none\.svg, which does not exist/,
    )
  })

  it('a file-system failure names the path instead of a stack trace', () => {
    const root = project({ 'content/a.md': POSTMORTEM, 'notes.txt': 'notes\n' })
    expectOneLine(hindsight(root, 'build', '--out', 'notes.txt/site'), /^hindsight: ENOTDIR: .*notes\.txt/)
  })
})

describe('counts read as English', () => {
  it('one of a thing is singular', () => {
    expect(plural(1, 'warning')).toBe('1 warning')
    expect(plural(0, 'warning')).toBe('0 warnings')
    expect(plural(2, 'error')).toBe('2 errors')
  })

  it('the build summary says "1 postmortem from 1 file"', () => {
    const run = hindsight(project({ 'content/a.md': POSTMORTEM }), 'build')
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^Built 1 postmortem from 1 file: \d+ files? written, 0 errors, \d+ warnings? in \d+ ms$/m)
  })
})

describe('a build reports as it goes and names what went wrong', () => {
  const files = {
    'content/a.md': POSTMORTEM,
    'content/team/binary.md': 'abc\u0000\u0001def',
    'content/b.md': POSTMORTEM.replace('2024-03-04', 'not a date').replace('Disk filled', 'Disk full'),
  }

  it('each error is printed with its file and line, as check prints it, before the summary', () => {
    const run = hindsight(project(files), 'build')
    expect(run.status).toBe(1)
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^content\/team\/binary\.md:1:1: error .* {2}file-binary$/)
    expect(lines.some((l) => l.includes(': warning '))).toBe(false)
    expect(lines.at(-1)).toMatch(/^Built 2 postmortems from 3 files: .*1 error, [1-9]\d* warnings? in \d+ ms \(warnings: hindsight check, or --verbose\)$/)
  })

  it('--verbose adds the warnings and the time of each phase; --quiet prints the errors only', () => {
    const root = project(files)
    const verbose = hindsight(root, 'build', '--verbose')
    expect(verbose.stdout).toMatch(/^content\/b\.md:\d+:\d+: warning /m)
    expect(verbose.stdout).toMatch(/^Phases: load \d+ ms, emit \d+ ms, cache \d+ ms$/m)
    writeFileSync(path.join(root, 'content/c.md'), POSTMORTEM.replace('Disk filled', 'Disk emptied'))
    const quiet = hindsight(root, 'build', '--quiet')
    expect(quiet.status).toBe(1)
    expect(quiet.stdout.trimEnd().split('\n')).toEqual([expect.stringMatching(/^content\/team\/binary\.md:1:1: error /)])
    expect(quiet.stderr).toBe('')
  })

  it('the progress line rewrites itself on a terminal and prints a line every few seconds elsewhere', () => {
    let clock = 0
    const tty: string[] = []
    const line = createProgressLine((t) => tty.push(t), { tty: true, now: () => clock })
    for (let done = 1; done <= 10; done++) {
      clock += 50
      line.update({ phase: 'normalize', done, total: 10 })
    }
    line.clear()
    expect(tty).toEqual([
      '\r\x1b[K2 of 10 files normalized',
      '\r\x1b[K4 of 10 files normalized',
      '\r\x1b[K6 of 10 files normalized',
      '\r\x1b[K8 of 10 files normalized',
      '\r\x1b[K10 of 10 files normalized',
      '\r\x1b[K',
    ])
    clock = 0
    const ci: string[] = []
    const log = createProgressLine((t) => ci.push(t), { tty: false, intervalMs: 5000, now: () => clock })
    for (let done = 1; done <= 12_000; done++) {
      clock += 1
      log.update({ phase: 'write', done, total: 12_000 })
    }
    log.clear()
    expect(ci).toEqual(['hindsight: 5,000 of 12,000 files written or kept\n', 'hindsight: 10,000 of 12,000 files written or kept\n'])
    expect(progressText({ phase: 'write', done: 1, total: 1 })).toBe('1 of 1 files written or kept')
  })
})
