/** Helpers for the build-engine tests: temporary projects made from the bundled seeds, and site manifests. */
import { createHash } from 'node:crypto'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'
import { loadConfig } from '../src/config.js'
import type { Config, ResolvedConfig } from '../src/types.js'

export const REPO = path.resolve(import.meta.dirname, '..')

/** Every `.md` file under the bundled content/ folder, as [path under content/, text]. */
export function seedFiles(): Array<[string, string]> {
  const out: Array<[string, string]> = []
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name.endsWith('.md')) out.push([path.relative(path.join(REPO, 'content'), full).split(path.sep).join('/'), readFileSync(full, 'utf8')])
    }
  }
  walk(path.join(REPO, 'content'))
  return out
}

/**
 * Writes an archive of `copies` variants of each seed (distinct titles and file names) under `contentDir`,
 * in the given order of creation, so tests can vary the order the file system lists them in.
 */
export function writeArchive(contentDir: string, copies: number, order: 'forward' | 'reverse' = 'forward'): string[] {
  const files: Array<[string, string]> = []
  for (let n = 0; n < copies; n++) {
    for (const [rel, text] of seedFiles()) {
      const name = n === 0 ? rel : rel.replace(/\.md$/, `-copy-${n}.md`)
      files.push([name, n === 0 ? text : text.replace(/^(#+ .*|title: .*|Post-?mortem.*)$/m, `$1 (copy ${n})`)])
    }
  }
  if (order === 'reverse') files.reverse()
  for (const [rel, text] of files) {
    mkdirSync(path.dirname(path.join(contentDir, rel)), { recursive: true })
    writeFileSync(path.join(contentDir, rel), text)
  }
  return files.map(([rel]) => rel)
}

/** A temporary project (content, own copy of the templates, config) and its resolved config. */
export function makeProject(
  copies: number,
  overrides: Config = {},
  order: 'forward' | 'reverse' = 'forward',
): { root: string; config: ResolvedConfig; files: string[] } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'hindsight-build-test-'))
  const files = writeArchive(path.join(root, 'content'), copies, order)
  cpSync(path.join(REPO, 'templates'), path.join(root, 'templates'), { recursive: true })
  return { root, config: loadConfig(root, { search: false, ...overrides }), files }
}

/** Every file under `dir` by its slash-separated path, mapped through `describe` (sorted by path). */
function everyFile(dir: string, describe: (file: string) => string): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name)
      if (entry.isDirectory()) walk(full)
      else out.set(path.relative(dir, full).split(path.sep).join('/'), describe(full))
    }
  }
  walk(dir)
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)))
}

/** Path under the site to sha256 of its bytes, for every file of a built site (sorted). */
export function siteManifest(dir: string): Map<string, string> {
  return everyFile(dir, (file) => createHash('sha256').update(readFileSync(file)).digest('hex'))
}

/** Paths whose bytes differ between two manifests (added, removed or changed). */
export function diffManifests(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((p) => a.get(p) !== b.get(p)).sort()
}

/** Inode and mtime of every file, to tell which files a build rewrote. */
export function fileStamps(dir: string): Map<string, string> {
  return everyFile(dir, (file) => {
    const info = statSync(file)
    return `${info.ino}:${info.mtimeMs}`
  })
}

/** `makeProject` for a test file: every project it makes is removed after the file's tests. */
export function projectsForThisFile(): typeof makeProject {
  const roots: string[] = []
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true })
  })
  return (...args) => {
    const p = makeProject(...args)
    roots.push(p.root)
    return p
  }
}
