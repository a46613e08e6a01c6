import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { packagePath } from './package-root.js'

/**
 * Hindsight's own version, read from package.json beside `src/` (or `dist/`), so caches written by another release
 * are not reused; read once at load, and `0.0.0-unknown` if the file is missing rather than failing every command.
 */
export const PACKAGE_VERSION: string = (() => {
  try {
    const pkg = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version?: unknown }
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0-unknown'
  } catch {
    return '0.0.0-unknown'
  }
})()

/**
 * A digest of the bundled code this process runs (`dist/code-id.txt`, written by `npm run compile`), so a cache
 * written by other code of the same release (another commit, a local patch) is never reused; `source` when running
 * from `src/` (the tests), `unknown` for a `dist/` without it.
 */
export const CODE_ID: string = (() => {
  if (!fileURLToPath(import.meta.url).startsWith(packagePath('dist') + path.sep)) return 'source'
  try {
    return readFileSync(packagePath('dist', 'code-id.txt'), 'utf8').trim() || 'unknown'
  } catch {
    return 'unknown'
  }
})()
