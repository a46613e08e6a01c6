import { readFileSync } from 'node:fs'
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
