/**
 * The CI recipes in examples/ are parsed, and the commands they run (those that involve Hindsight) are run as they are
 * written in a temporary repository that has Hindsight installed, so a recipe cannot drift from the CLI.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import matter from 'gray-matter'
import { afterAll, describe, expect, test } from 'vitest'

const REPO = path.resolve(import.meta.dirname, '..')
const VERSION = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version
const roots: string[] = []
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })))

/** A parsed YAML document read loosely in assertions: any key may hold text, a list or another document. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- YAML of any shape; each assertion states the shape it expects
type Yaml = Record<string, any>

/** gray-matter's YAML engine (js-yaml's safe loader), which the normalizer uses for front matter too. */
const parseYaml = (text: string): unknown => (matter as unknown as { engines: { yaml: { parse: (t: string) => unknown } } }).engines.yaml.parse(text)
const recipe = (name: string): Yaml => parseYaml(readFileSync(path.join(REPO, 'examples', name), 'utf8')) as Yaml

/** A repository as a user has it: postmortems (one with a warning), a package.json, and Hindsight installed in node_modules. */
function repository(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'hindsight-ci-'))
  roots.push(root)
  mkdirSync(path.join(root, 'content'))
  writeFileSync(
    path.join(root, 'content', '2024-05-01-db-failover.md'),
    '---\ntitle: Database failover\ndate: 2024-05-01\n---\n# Database failover\n\nWrites failed for 40 minutes.\n\n## Timeline (UTC)\n\n- 10:00 Writes failed\n- 10:40 Writes recovered\n',
  )
  writeFileSync(path.join(root, 'content', 'undated.md'), '# Undated outage\n\nSomething broke once.\n')
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'our-postmortems', private: true, devDependencies: { hindsight: VERSION } }))
  mkdirSync(path.join(root, 'node_modules', '.bin'), { recursive: true })
  symlinkSync(REPO, path.join(root, 'node_modules', 'hindsight'), 'dir')
  // What npm links as the `hindsight` bin (npm also makes its target executable; a wrapper leaves dist/ as it is).
  writeFileSync(path.join(root, 'node_modules', '.bin', 'hindsight'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(REPO, 'dist', 'cli.js')}" "$@"\n`, {
    mode: 0o755,
  })
  return root
}

/** Runs shell lines in the repository as a CI runner would (bash, stop at the first failure). */
function run(root: string, script: string, env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('bash', ['-e', '-c', script], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...env,
      PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`,
      npm_config_offline: 'true',
      npm_config_update_notifier: 'false',
    },
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

const everyFile = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name)

describe('examples/github-pages.yml', () => {
  const workflow = recipe('github-pages.yml')
  const steps = workflow.jobs.build.steps as Array<Yaml>
  const uses = (action: string): Yaml => steps.find((s) => String(s.uses ?? '').startsWith(`${action}@`))!

  test('checks with annotations, keeps .hindsight/cache keyed on the Hindsight version, uploads site/ and deploys it', () => {
    expect(steps.some((s) => /hindsight check --format github/.test(s.run ?? ''))).toBe(true)
    const cache = uses('actions/cache')
    expect(cache.with.path).toBe('.hindsight/cache')
    expect(cache.with.key).toContain('${{ steps.hindsight.outputs.version }}')
    expect(cache.with['restore-keys']).toContain('${{ steps.hindsight.outputs.version }}')
    expect(uses('actions/upload-pages-artifact').with.path).toBe('site')
    expect(workflow.jobs.deploy.needs).toBe('build')
    expect((workflow.jobs.deploy.steps as Array<{ uses?: string }>).some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true)
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' })
  })

  test('its Hindsight commands, run as written, check, build under the Pages base path and fill the cache it keeps', () => {
    const root = repository()
    const output = path.join(root, 'github-output')
    writeFileSync(output, '')
    const outputs: Record<string, string> = { 'steps.pages.outputs.base_path': '/our-postmortems' }
    const commands = steps.filter((s) => /hindsight/.test(s.run ?? ''))
    expect(commands.length).toBeGreaterThanOrEqual(3)
    for (const step of commands) {
      const script = (step.run as string).replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => {
        if (!Object.hasOwn(outputs, name)) throw new Error(`the test does not know ${name}, used by: ${step.run}`)
        return outputs[name]!
      })
      const result = run(root, script, { GITHUB_OUTPUT: output, GITHUB_ACTIONS: 'true', CI: 'true' })
      expect(result.status, `${script}\n${result.stderr}`).toBe(0)
      if (/check --format github/.test(script)) expect(result.stdout).toMatch(/^::warning file=content\/undated\.md,line=\d+,col=\d+,title=no-date::/m)
    }
    expect(readFileSync(output, 'utf8')).toBe(`version=${VERSION}\n`)
    const home = readFileSync(path.join(root, uses('actions/upload-pages-artifact').with.path, 'index.html'), 'utf8')
    expect(home).toContain('href="/our-postmortems/2024-05-01-db-failover/"')
    expect(everyFile(path.join(root, uses('actions/cache').with.path)).length).toBeGreaterThan(0)
  }, 120_000)
})

describe('examples/gitlab-pages.yml', () => {
  const pipeline = recipe('gitlab-pages.yml')

  test('reports Code Quality from check --format gitlab, caches .hindsight/cache, publishes public/ from the default branch', () => {
    const check = pipeline.postmortems
    expect(check.script.join('\n')).toMatch(/hindsight check --format gitlab > gl-code-quality-report\.json/)
    expect(check.artifacts.reports.codequality).toBe('gl-code-quality-report.json')
    expect(check.artifacts.when).toBe('always')
    for (const job of [check, pipeline.pages]) expect((job.cache as Array<{ paths: string[] }>).flatMap((c) => c.paths)).toContain('.hindsight/cache/')
    expect(pipeline.pages.artifacts.paths).toEqual(['public'])
    expect(JSON.stringify(pipeline.pages.rules)).toContain('$CI_DEFAULT_BRANCH')
  })

  test('its scripts, run as written (npm ci aside), write a Code Quality report GitLab reads and a site under the Pages path', () => {
    const root = repository()
    const env = { CI: 'true', GITLAB_CI: 'true', CI_PROJECT_DIR: root, CI_PAGES_URL: 'https://team.gitlab.io/our-postmortems' }
    for (const job of ['postmortems', 'pages']) {
      const script = (pipeline[job].script as string[]).filter((line) => line.trim() !== 'npm ci').join('\n')
      const result = run(root, script, env)
      expect(result.status, `${script}\n${result.stderr}`).toBe(0)
    }
    const report = JSON.parse(readFileSync(path.join(root, pipeline.postmortems.artifacts.reports.codequality), 'utf8')) as Array<Yaml>
    const undated = report.find((i) => i.location.path === 'content/undated.md')!
    expect(undated).toMatchObject({ check_name: 'no-date', severity: 'minor', location: { lines: { begin: expect.any(Number) } } })
    expect(undated.fingerprint).toMatch(/^[0-9a-f]{32}$/)
    const home = readFileSync(path.join(root, pipeline.pages.artifacts.paths[0], 'index.html'), 'utf8')
    expect(home).toContain('href="/our-postmortems/2024-05-01-db-failover/"')
    expect(everyFile(path.join(root, '.hindsight', 'cache')).length).toBeGreaterThan(0)
  }, 120_000)
})
