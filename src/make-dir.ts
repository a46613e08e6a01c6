import { mkdirSync, statSync } from 'node:fs'
import path from 'node:path'

/**
 * Creates a folder and its missing parents one level at a time, failing at once with `mkdir`'s own error (path, cause): Node's
 * own `mkdirSync(…, { recursive: true })` retries forever where `mkdir` says ENOENT under an existing parent (`/proc`).
 */
export function makeDir(dir: string): void {
  const missing: string[] = []
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    if (exists(at)) break
    missing.push(at)
    if (path.dirname(at) === at) break
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && exists(folder)) continue
      throw error // names the path and the cause, one line in the CLI
    }
  }
}

function exists(dir: string): boolean {
  try {
    statSync(dir)
    return true
  } catch {
    return false
  }
}
