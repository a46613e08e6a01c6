import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.js'
import { loadConfig } from '../src/config.js'
import { UnsafeOutputError } from '../src/errors.js'
import { SITE_MARKER } from '../src/site/out-guard.js'
import { openStagedSite } from '../src/site/write.js'

const REPO = path.resolve(import.meta.dirname, '..')
const CLI = path.join(REPO, 'dist/cli.js')
const made: string[] = []
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

const POSTMORTEM =
  '---\ntitle: Database failover left writes queued\ndate: 2024-02-03\n---\n# Database failover left writes queued\n\n## Summary\n\nWrites queued for ten minutes.\n'

/** A repository as a user has it: content in `postmortems/`, a package.json, a config, templates and node_modules. */
function project(config: Record<string, unknown> = { contentDir: 'postmortems' }): string {
  const outer = mkdtempSync(path.join(os.tmpdir(), 'hindsight-guard-'))
  made.push(outer)
  const root = path.join(outer, 'repo')
  mkdirSync(path.join(root, 'postmortems', 'team'), { recursive: true })
  writeFileSync(path.join(root, 'postmortems', 'team', 'failover.md'), POSTMORTEM)
  writeFileSync(path.join(root, 'package.json'), '{"name":"ops-archive","private":true}\n')
  writeFileSync(path.join(root, 'hindsight.config.json'), JSON.stringify(config))
  cpSync(path.join(REPO, 'templates'), path.join(root, 'templates'), { recursive: true })
  mkdirSync(path.join(root, 'node_modules', 'left-pad'), { recursive: true })
  writeFileSync(path.join(root, 'node_modules', 'left-pad', 'index.js'), 'module.exports = 1\n')
  mkdirSync(path.join(root, '.hindsight', 'cache'), { recursive: true })
  writeFileSync(path.join(root, '.hindsight', 'cache', 'keep.txt'), 'cache\n')
  mkdirSync(path.join(root, 'docs'))
  writeFileSync(path.join(root, 'docs', 'handbook.md'), '# On-call handbook\n')
  writeFileSync(path.join(root, 'notes.txt'), 'notes\n')
  writeFileSync(path.join(outer, 'sibling.txt'), 'outside the repository\n')
  return root
}

/** Every entry under `dir` (files by content hash, links by target, folders as such), to compare trees before and after. */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name)
      const rel = path.relative(dir, full)
      if (entry.isSymbolicLink()) out.set(rel, `link ${readlinkSync(full)}`)
      else if (entry.isDirectory()) {
        out.set(rel, 'dir')
        walk(full)
      } else out.set(rel, createHash('sha256').update(readFileSync(full)).digest('hex'))
    }
  }
  walk(dir)
  return out
}

const cli = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 })

/** Each dangerous output folder, as given to `--out`, and the folder it would have destroyed as the message names it. */
const REFUSED: Array<{ out: string; names: string; setup?: (root: string) => void }> = [
  { out: 'postmortems', names: 'postmortems' },
  { out: 'postmortems/team', names: 'postmortems' },
  { out: 'postmortems/site', names: 'postmortems' },
  { out: '.', names: 'project root' },
  { out: '..', names: 'project root' },
  { out: 'templates', names: 'templates' },
  { out: 'templates/partials', names: 'templates' },
  { out: '.hindsight', names: path.join('.hindsight', 'cache') },
  { out: '.hindsight/cache', names: path.join('.hindsight', 'cache') },
  { out: 'node_modules', names: 'node_modules' },
  { out: 'node_modules/left-pad', names: 'node_modules' },
  { out: 'docs', names: 'not written by Hindsight' },
  { out: 'notes.txt', names: 'not a folder' },
  { out: 'site', names: 'postmortems', setup: (root) => symlinkSync(path.join(root, 'postmortems'), path.join(root, 'site')) },
]

describe('an output folder whose replacement would delete what Hindsight did not write', () => {
  for (const { out, names, setup } of REFUSED) {
    it(`build --out ${out} is refused with exit 2, one line naming both folders, and every file left in place`, () => {
      const root = project()
      setup?.(root)
      const before = tree(path.dirname(root))
      const run = cli(root, 'build', '--out', out)
      expect(run.status).toBe(2)
      const lines = run.stderr.trim().split('\n')
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(/^Refusing to build into /)
      expect(lines[0]).toContain(`into ${out === '..' ? path.dirname(root) : path.normalize(out)}`)
      expect(lines[0]).toContain(names)
      expect(lines[0]).toContain('nothing was changed')
      expect(tree(path.dirname(root))).toEqual(before)
    })
  }

  it('the same folders are refused as `outDir` in the config', () => {
    for (const outDir of ['postmortems', '.', 'docs']) {
      const root = project({ contentDir: 'postmortems', outDir })
      const before = tree(path.dirname(root))
      const run = cli(root, 'build')
      expect(run.status, outDir).toBe(2)
      expect(run.stderr).toMatch(/^Refusing to build into /)
      expect(tree(path.dirname(root))).toEqual(before)
    }
  })

  it('a cache folder that is or holds the project root or the content is refused too, before anything is touched', () => {
    for (const cacheDir of ['.', 'postmortems', 'postmortems/.cache', 'templates']) {
      const root = project({ contentDir: 'postmortems', cacheDir })
      mkdirSync(path.join(root, 'documents'))
      writeFileSync(path.join(root, 'documents', 'contract.txt'), 'signed\n')
      const before = tree(path.dirname(root))
      const run = cli(root, 'build')
      expect(run.status, cacheDir).toBe(2)
      expect(run.stderr).toMatch(
        /^Refusing to (use .* as the cache folder: it (is|contains|lies inside) the (project root|content folder|templates folder) |build into site: it lies inside the cache folder)/,
      )
      expect(tree(path.dirname(root))).toEqual(before)
    }
  })

  it('the JS API refuses with an UnsafeOutputError and changes nothing', async () => {
    const root = project()
    const before = tree(path.dirname(root))
    await expect(build(loadConfig(root, { outDir: 'postmortems' }))).rejects.toThrow(UnsafeOutputError)
    await expect(build(loadConfig(root, { outDir: root }))).rejects.toThrow(/project root/)
    expect(tree(path.dirname(root))).toEqual(before)
  })

  it('`dev` refuses before it builds or serves anything', async () => {
    const root = project({ contentDir: 'postmortems', outDir: 'postmortems' })
    const before = tree(path.dirname(root))
    const child = spawn(process.execPath, [CLI, 'dev', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
      child.on('exit', (status) => {
        clearTimeout(timer)
        resolve(status)
      })
    })
    expect(code).toBe(2)
    expect(stderr.trim()).toMatch(/^Refusing to build into postmortems: it is the content folder postmortems/)
    expect(tree(path.dirname(root))).toEqual(before)
  })

  it('the swap itself refuses to replace a folder that is not a site, even when reached without the build', async () => {
    const root = project()
    const before = tree(path.dirname(root))
    const writer = openStagedSite(path.join(root, 'docs'))
    writer.write('index.html', '<p>site</p>')
    await expect(writer.commit()).rejects.toThrow(UnsafeOutputError)
    await writer.abort()
    expect(tree(path.dirname(root))).toEqual(before)
  })
})

describe('an output folder Hindsight may replace', () => {
  it('a new folder, then the site it wrote (marker), then an empty one are built into', () => {
    const root = project()
    expect(cli(root, 'build', '--out', 'public').status).toBe(0)
    expect(existsSync(path.join(root, 'public', SITE_MARKER))).toBe(true)
    expect(existsSync(path.join(root, 'public', 'index.html'))).toBe(true)
    expect(cli(root, 'build', '--out', 'public').status).toBe(0)
    mkdirSync(path.join(root, 'empty'))
    expect(cli(root, 'build', '--out', 'empty').status).toBe(0)
    expect(readFileSync(path.join(root, 'postmortems', 'team', 'failover.md'), 'utf8')).toBe(POSTMORTEM)
  })

  it('a site written before the marker existed (recognised by its export and feed) is rebuilt, not refused', () => {
    const root = project()
    expect(cli(root, 'build', '--out', 'site').status).toBe(0)
    rmSync(path.join(root, 'site', SITE_MARKER))
    rmSync(path.join(root, '.hindsight'), { recursive: true, force: true })
    const run = cli(root, 'build', '--out', 'site')
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(existsSync(path.join(root, 'site', SITE_MARKER))).toBe(true)
  })
})
