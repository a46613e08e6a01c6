/** The dev watcher (issue 19 §5): a watched folder moved away and back is watched again, and its files are reported. */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, it } from 'vitest'
import { watchPaths } from '../src/dev/watch.js'

const roots: string[] = []
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true })
})

/** Resolves once `seen` holds every path in `wanted`, or rejects after `ms`. */
function waitFor(seen: Set<string>, wanted: string[], ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const poll = setInterval(() => {
      if (wanted.every((p) => seen.has(p))) {
        clearInterval(poll)
        resolve()
      } else if (Date.now() - started > ms) {
        clearInterval(poll)
        reject(new Error(`not reported: ${wanted.filter((p) => !seen.has(p)).join(', ')}`))
      }
    }, 20)
  })
}

describe('watchPaths', () => {
  it('watches a folder again after it is moved away and back, reporting its files', { timeout: 30_000 }, async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'hindsight-watch-'))
    roots.push(root)
    const content = path.join(root, 'content')
    mkdirSync(path.join(content, 'team'), { recursive: true })
    writeFileSync(path.join(content, 'a.md'), '# A\n')
    writeFileSync(path.join(content, 'team', 'b.md'), '# B\n')
    const seen = new Set<string>()
    const watcher = watchPaths([content], (paths) => paths.forEach((p) => seen.add(p)), { pollMs: 50 })
    try {
      await watcher.ready
      renameSync(content, path.join(root, 'away'))
      await waitFor(seen, [content], 5_000)
      seen.clear()
      renameSync(path.join(root, 'away'), content)
      await waitFor(seen, [path.join(content, 'a.md'), path.join(content, 'team', 'b.md')], 5_000)
      // Watched again: a later edit and a new file are reported.
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      seen.clear()
      writeFileSync(path.join(content, 'c.md'), '# C\n')
      writeFileSync(path.join(content, 'team', 'b.md'), '# B, edited\n')
      await waitFor(seen, [path.join(content, 'c.md'), path.join(content, 'team', 'b.md')], 5_000)
    } finally {
      await watcher.close()
    }
  })
})
