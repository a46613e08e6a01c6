// Builds the same content with two compiled checkouts of Hindsight and compares the output trees byte for byte.
// Usage: node bench/compare-output.mjs BASE_CHECKOUT [HEAD_CHECKOUT] [--content DIR]...
// Each checkout must hold a compiled dist/ (`npx tsc -p tsconfig.build.json`). Default content: the bundled content/
// and ../shared/corpus, ../shared/corpus-2 and ../shared/seeds (those that exist). For each content folder and each
// of search on and search off, both sides run the same steps in a scratch project: a cold build, a warm build with no
// change, a build after a prose edit (the edited-only pass when search is off), a build after a file is removed,
// and a `dev`-mode builder's first build; after every step the two output folders must be equal.
import { spawnSync } from 'node:child_process'
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const args = process.argv.slice(2)
const contentDirs = []
const sides = []
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--content') contentDirs.push(path.resolve(args[++i]))
  else sides.push(path.resolve(args[i]))
}
const repo = path.resolve(import.meta.dirname, '..')
if (sides.length === 0) {
  console.error('usage: node bench/compare-output.mjs BASE_CHECKOUT [HEAD_CHECKOUT] [--content DIR]...')
  process.exit(2)
}
if (sides.length === 1) sides.push(repo)
if (contentDirs.length === 0) {
  contentDirs.push(path.join(repo, 'content'))
  for (const set of ['corpus', 'corpus-2', 'seeds']) {
    const dir = path.resolve(repo, '..', 'shared', set)
    if (existsSync(dir)) contentDirs.push(dir)
  }
}
for (const side of sides) if (!existsSync(path.join(side, 'dist', 'cli.js'))) throw new Error(`${side} has no dist/cli.js: compile it first`)

/** Every file under `dir` (relative path, code-point order), without the build's scratch. */
function tree(dir) {
  const files = []
  const walk = (rel) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(child)
      else files.push(child)
    }
  }
  walk('')
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/** The differences between two output folders, as lines (empty when byte-identical). */
function differences(a, b) {
  const [left, right] = [tree(a), tree(b)]
  const inRight = new Set(right)
  const inLeft = new Set(left)
  const lines = [
    ...left.filter((f) => !inRight.has(f)).map((f) => `only in base: ${f}`),
    ...right.filter((f) => !inLeft.has(f)).map((f) => `only in head: ${f}`),
  ]
  for (const f of left) if (inRight.has(f) && !readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f)))) lines.push(`differs: ${f}`)
  return lines
}

/** A scratch project for one side: a copy of the content and a config. */
function project(content, search) {
  const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-compare-'))
  cpSync(content, path.join(dir, 'content'), { recursive: true })
  writeFileSync(path.join(dir, 'hindsight.config.json'), JSON.stringify({ title: 'Compare', url: 'https://example.org', search }))
  return dir
}

function build(side, dir) {
  const run = spawnSync(process.execPath, [path.join(side, 'dist', 'cli.js'), 'build', '--quiet'], { cwd: dir, encoding: 'utf8' })
  if (run.status !== 0 && run.status !== 1) throw new Error(`build failed in ${dir} with ${side}: ${run.stderr}`)
  return run.stderr.includes('HindsightCacheWarning') ? run.stderr : ''
}

/** A dev-mode builder's first build (written in place, no search), as `dev` starts. */
function devBuild(side, dir) {
  const script = `const { createBuilder } = await import(${JSON.stringify(path.join(side, 'dist', 'builder.js'))});
const { loadConfig } = await import(${JSON.stringify(path.join(side, 'dist', 'config.js'))});
const config = await loadConfig(process.cwd(), { outDir: 'dev-site' });
await createBuilder(config, { mode: 'dev' }).build();`
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`dev build failed in ${dir} with ${side}: ${run.stderr}`)
}

/** The content files of a project (relative paths), in code-point order. */
const markdown = (dir) => tree(path.join(dir, 'content')).filter((f) => /\.(md|markdown|txt)$/i.test(f))

const steps = [
  ['cold build', (side, dir) => build(side, dir)],
  ['warm build, no change', (side, dir) => build(side, dir)],
  [
    'prose edit',
    (side, dir) => {
      const [first] = markdown(dir)
      appendFileSync(path.join(dir, 'content', first), '\n\nA paragraph added at the end of the document.\n')
      return build(side, dir)
    },
  ],
  [
    'file removed',
    (side, dir) => {
      const files = markdown(dir)
      rmSync(path.join(dir, 'content', files[files.length - 1]))
      return build(side, dir)
    },
  ],
  ['dev first build', (side, dir) => devBuild(side, dir), 'dev-site'],
]

let failures = 0
for (const content of contentDirs) {
  for (const search of [true, false]) {
    const dirs = sides.map(() => project(content, search))
    for (const [name, step, out = 'site'] of steps) {
      dirs.forEach((dir, i) => step(sides[i], dir))
      const diff = differences(path.join(dirs[0], out), path.join(dirs[1], out))
      const files = tree(path.join(dirs[0], out)).length
      console.log(
        `${diff.length ? 'DIFFERENT' : 'identical'}  ${path.relative(path.dirname(repo), content) || content}  search ${search ? 'on ' : 'off'}  ${name} (${files} files)`,
      )
      for (const line of diff.slice(0, 20)) console.log(`  ${line}`)
      if (diff.length) failures++
    }
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  }
}
console.log(failures ? `${failures} step(s) differ` : 'all outputs byte-identical')
process.exit(failures ? 1 : 0)
