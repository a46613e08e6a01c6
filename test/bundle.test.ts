import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const REPO = path.resolve(import.meta.dirname, '..')
const CLI = path.join(REPO, 'dist/cli.js')
const root = mkdtempSync(path.join(os.tmpdir(), 'hindsight-bundle-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** Runs the compiled CLI with a module hook that lists every file module the process (and its worker threads) loads. */
function loadedModules(cwd: string, ...args: string[]): { status: number | null; modules: string[]; stderr: string } {
  const hooks = path.join(root, 'hooks.mjs')
  writeFileSync(
    hooks,
    "export async function load(url, context, next) {\n  if (url.startsWith('file:')) process.stderr.write(`LOADED ${url}\\n`)\n  return next(url, context)\n}\n",
  )
  const register = path.join(root, 'register.mjs')
  writeFileSync(register, `import { register } from 'node:module'\nregister(${JSON.stringify(pathToFileURL(hooks).href)})\n`)
  // CommonJS `require` calls do not pass the hook: a preload lists what they ask for (Node's own modules aside).
  const required = path.join(root, 'required.cjs')
  writeFileSync(
    required,
    "const Module = require('node:module')\nconst load = Module._load\nModule._load = function (request, ...rest) {\n" +
      '  if (!Module.isBuiltin(request)) process.stderr.write(`REQUIRED ${request}\\n`)\n  return load.call(this, request, ...rest)\n}\n',
  )
  const run = spawnSync(process.execPath, ['--require', required, '--import', register, CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000 })
  const lines = (prefix: string): string[] => run.stderr.split('\n').flatMap((line) => (line.startsWith(prefix) ? [line.slice(prefix.length)] : []))
  return { status: run.status, modules: [...lines('LOADED '), ...lines('REQUIRED ')], stderr: run.stderr }
}

describe('the compiled CLI is bundled', () => {
  it('builds a postmortem from a few bundled files instead of hundreds of modules', () => {
    const project = path.join(root, 'project')
    mkdirSync(path.join(project, 'content'), { recursive: true })
    writeFileSync(path.join(project, 'hindsight.config.json'), JSON.stringify({ search: false }))
    const text = readFileSync(path.join(REPO, 'content', '2023-03-01-login-service-database-lock.md'), 'utf8')
    writeFileSync(path.join(project, 'content', 'outage.md'), text)
    const run = loadedModules(project, 'build', '--quiet')
    expect(run.status, run.stderr).toBe(0)
    const fromPackages = run.modules.filter((url) => url.includes('/node_modules/'))
    // The unbundled build loaded ~580 modules, ~390 of them from node_modules (micromark, mdast, chrono-node...); and
    // js-yaml's require of esprima (283 kB, for a YAML type gray-matter never parses) is refused.
    expect(fromPackages, fromPackages.join('\n')).toEqual([])
    expect(run.modules.filter((m) => !m.startsWith('file:'))).toEqual([])
    expect(run.modules.length).toBeLessThan(60)
    expect(run.modules.every((url) => url.includes('/dist/cli.js') || url.includes('/dist/chunks/'))).toBe(true)
  })
})

describe('the code id', () => {
  it('is a digest the bundle writes, and the compiled code keys every cache with it', async () => {
    const id = readFileSync(path.join(REPO, 'dist', 'code-id.txt'), 'utf8').trim()
    expect(id).toMatch(/^[0-9a-f]{16}$/)
    const compiled = (await import(pathToFileURL(path.join(REPO, 'dist', 'cache', 'hash.js')).href)) as { codeVersionKey: () => string }
    expect(compiled.codeVersionKey()).toContain(`/code-${id}`)
    // The bundled CLI too: its document cache's index names the id.
    const project = path.join(root, 'code-id')
    mkdirSync(path.join(project, 'content'), { recursive: true })
    writeFileSync(path.join(project, 'hindsight.config.json'), JSON.stringify({ search: false }))
    writeFileSync(path.join(project, 'content', 'outage.md'), '# Outage\n\nThe site was down from 10:00 to 10:20 UTC.\n')
    const run = spawnSync(process.execPath, [CLI, 'build', '--quiet'], { cwd: project, encoding: 'utf8', timeout: 120_000 })
    expect(run.status, run.stderr).toBe(0)
    const index = readFileSync(path.join(project, '.hindsight', 'cache', 'documents', 'index.bin'))
    expect(index.includes(`code-${id}`)).toBe(true)
  })
})

describe('the normalize pool in the bundle', () => {
  /** The bundled files a chunk loads as it is imported (its static imports, transitively), itself included. */
  const staticClosure = (file: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(file)) return seen
    seen.add(file)
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^;'"]*?(?:from\s*)?"(\.[^"]+)"/gm))
      staticClosure(path.resolve(path.dirname(file), spec!), seen)
    return seen
  }

  it('does not load the normalizer on the main thread when worker threads normalize (it loads it only to work inline)', () => {
    const chunks = path.join(REPO, 'dist', 'chunks')
    const defines = (name: string) => (file: string) => readFileSync(file, 'utf8').includes(`function ${name}(`)
    const all = readdirSync(chunks)
      .filter((name) => name.endsWith('.js'))
      .map((name) => path.join(chunks, name))
    const pool = all.filter(defines('normalizeMany'))
    expect(pool).toHaveLength(1)
    expect(all.some(defines('loadDocument'))).toBe(true)
    const loaded = [...staticClosure(pool[0]!)]
    expect(loaded.filter(defines('loadDocument')).map((file) => path.basename(file))).toEqual([])
    expect(loaded.filter(defines('createBatches'))).toHaveLength(1)
  })

  it('does not load the feed writer in a normalize or render thread (feed, xml-js and sax: about 100 kB each thread compiles)', () => {
    for (const worker of ['normalize-worker.js', 'render-worker.js']) {
      const loaded = [...staticClosure(path.join(REPO, 'dist', 'workers', worker))]
      const feedWriter = loaded.filter((file) => /node_modules\/(feed|xml-js|sax)\//.test(readFileSync(file, 'utf8')))
      expect(
        feedWriter.map((file) => path.basename(file)),
        worker,
      ).toEqual([])
    }
  })
})
