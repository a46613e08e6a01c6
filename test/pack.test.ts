/**
 * Hindsight as a dependency, the way a team adopts it: `npm pack` (its `prepack` compiles from a clean slate), the
 * tarball installed into a repository that holds only content, a static CNAME and one overridden partial, then
 * `npx hindsight build` and `check`, the JS API and its types. Needs the npm registry (or npm's cache) for the
 * dependencies; HINDSIGHT_SKIP_PACK=1 skips it where there is neither.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const REPO = path.resolve(import.meta.dirname, '..')
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const work = mkdtempSync(path.join(os.tmpdir(), 'hindsight-pack-'))
const repo = path.join(work, 'repo')
let tarball = ''
let files: string[] = []

afterAll(() => rmSync(work, { recursive: true, force: true }))

const POSTMORTEM =
  '---\ntitle: Queue backlog after broker upgrade\ndate: 2024-09-12\n---\n# Queue backlog after broker upgrade\n\n## Summary\n\nMessages waited for twenty minutes.\n'

function run(cwd: string, command: string, args: string[]): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 240_000, env: { ...process.env, npm_config_update_notifier: 'false' } })
}

describe.skipIf(process.env.HINDSIGHT_SKIP_PACK === '1')('the packed package in a repository with only content', () => {
  beforeAll(() => {
    // Packed from a copy, so `prepack` (clean, then compile) does not pull dist/ from under tests running beside this one.
    const pkg = path.join(work, 'pkg')
    mkdirSync(pkg)
    for (const name of [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'tsconfig.build.json',
      'LICENSE',
      'README.md',
      'scripts',
      'src',
      'templates',
      'schema',
    ]) {
      cpSync(path.join(REPO, name), path.join(pkg, name), { recursive: true })
    }
    symlinkSync(realpathSync(path.join(REPO, 'node_modules')), path.join(pkg, 'node_modules'))
    const name = execFileSync(NPM, ['pack', '--silent', '--pack-destination', work], { cwd: pkg, encoding: 'utf8', timeout: 240_000 }).trim().split('\n').pop()!
    tarball = path.join(work, name)
    files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((f) => f.replace(/^package\//, ''))

    mkdirSync(path.join(repo, 'content'), { recursive: true })
    writeFileSync(path.join(repo, 'content', 'queue-backlog.md'), POSTMORTEM)
    mkdirSync(path.join(repo, 'static'))
    writeFileSync(path.join(repo, 'static', 'CNAME'), 'postmortems.example.com\n')
    mkdirSync(path.join(repo, 'templates', 'partials'), { recursive: true })
    writeFileSync(
      path.join(repo, 'templates', 'partials', 'footer.eta'),
      '<footer class="site-footer"><a href="https://status.example.com">Status page</a></footer>\n',
    )
    writeFileSync(path.join(repo, 'package.json'), '{"name":"ops-archive","private":true,"type":"module"}\n')
    const install = run(repo, NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball])
    if (install.status !== 0) throw new Error(`npm install of the tarball failed:\n${install.stderr}`)
  }, 480_000)

  it('ships compiled code, templates, schemas, LICENSE and types, and no source maps or bench code', () => {
    for (const file of [
      'LICENSE',
      'README.md',
      'package.json',
      'dist/cli.js',
      'dist/index.js',
      'dist/index.d.ts',
      'templates/layout.eta',
      'templates/partials/footer.eta',
      'templates/assets/style.css',
      'schema/config.schema.json',
    ]) {
      expect(files, file).toContain(file)
    }
    expect(files.filter((f) => f.endsWith('.map') || f.startsWith('src/') || f.startsWith('test/') || f.startsWith('bench/') || f.includes('payload'))).toEqual(
      [],
    )
    const manifest = JSON.parse(readFileSync(path.join(repo, 'node_modules/hindsight/package.json'), 'utf8')) as {
      exports: Record<string, unknown>
      types: string
    }
    expect(manifest.types).toBe('./dist/index.d.ts')
    expect(manifest.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' })
  })

  it('nothing under dist/ imports a package that is not a declared dependency', () => {
    const manifest = JSON.parse(readFileSync(path.join(repo, 'node_modules/hindsight/package.json'), 'utf8')) as { dependencies: Record<string, string> }
    const declared = new Set(Object.keys(manifest.dependencies))
    const builtins = new Set(builtinModules)
    const undeclared = new Set<string>()
    const dist = path.join(repo, 'node_modules/hindsight/dist')
    for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.js')) continue
      const text = readFileSync(path.join(entry.parentPath, entry.name), 'utf8')
      // TypeScript's own scanner finds static and dynamic imports, and no words in strings that merely read like one.
      for (const { fileName: spec } of ts.preProcessFile(text, true, true).importedFiles) {
        if (spec.startsWith('.') || spec.startsWith('node:') || builtins.has(spec)) continue
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!
        if (!declared.has(name)) undeclared.add(`${name} (${entry.name})`)
      }
    }
    expect([...undeclared]).toEqual([])
  })

  it('`npx hindsight build` uses the bundled templates with one overridden partial, and a static CNAME survives a rebuild', () => {
    const first = run(repo, NPX, ['hindsight', 'build'])
    expect(first.stderr).toBe('')
    expect(first.status).toBe(0)
    const home = readFileSync(path.join(repo, 'site/index.html'), 'utf8')
    expect(home).toContain('Queue backlog after broker upgrade')
    expect(home).toContain('Status page')
    expect(home).toContain('class="site-header"')
    expect(readFileSync(path.join(repo, 'site/CNAME'), 'utf8')).toBe('postmortems.example.com\n')
    writeFileSync(path.join(repo, 'content', 'queue-backlog.md'), POSTMORTEM.replace('twenty', 'thirty'))
    expect(run(repo, NPX, ['hindsight', 'build']).status).toBe(0)
    expect(readFileSync(path.join(repo, 'site/CNAME'), 'utf8')).toBe('postmortems.example.com\n')
    expect(readFileSync(path.join(repo, 'site/queue-backlog/index.html'), 'utf8')).toContain('thirty')
  })

  it('`npx hindsight check` reports on the content', () => {
    const check = run(repo, NPX, ['hindsight', 'check'])
    expect(check.status).toBe(0)
    expect(check.stdout).toContain('1 file, 0 errors')
  })

  it('`npx hindsight build --out content` is refused and the content stays', () => {
    const refused = run(repo, NPX, ['hindsight', 'build', '--out', 'content'])
    expect(refused.status).toBe(2)
    expect(refused.stderr).toMatch(/^Refusing to build into content: it is the content folder content/)
    expect(readFileSync(path.join(repo, 'content', 'queue-backlog.md'), 'utf8')).toContain('Queue backlog')
  })

  it('the JS API builds into a custom folder, and its types check in a strict TypeScript project', () => {
    writeFileSync(
      path.join(repo, 'build-site.mjs'),
      [
        "import { build, check, loadConfig } from 'hindsight'",
        "const config = loadConfig(process.cwd(), { outDir: 'public', search: false })",
        'const result = await build(config)',
        'const report = await check(config)',
        'console.log(`${result.documents.length} postmortems, ${report.errors} errors`)',
      ].join('\n'),
    )
    const api = run(repo, process.execPath, ['build-site.mjs'])
    expect(api.stderr).toBe('')
    expect(api.stdout.trim()).toBe('1 postmortems, 0 errors')
    expect(existsSync(path.join(repo, 'public', 'queue-backlog', 'index.html'))).toBe(true)
    writeFileSync(
      path.join(repo, 'consumer.mts'),
      [
        "import { build, check, loadConfig, UnsafeOutputError, type BuildResult, type CheckResult } from 'hindsight'",
        "const config = loadConfig('.', { outDir: 'public' })",
        'const result: BuildResult = await build(config)',
        'const report: CheckResult = await check(config, { strict: true })',
        "console.log(result.pagesWritten, report.format('json'), new UnsafeOutputError('x').name)",
      ].join('\n'),
    )
    writeFileSync(
      path.join(repo, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', types: [], noEmit: true },
        files: ['consumer.mts'],
      }),
    )
    const tsc = run(repo, process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'])
    expect(tsc.stdout + tsc.stderr).toBe('')
    expect(tsc.status).toBe(0)
  })
})
