/** Where Hindsight's own files are: the folder of the nearest package.json above this module, in any layout. */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The package's root folder, found by walking up from `from` to the nearest folder holding a package.json, so the same
 * code finds `templates/` from `src/site/`, from `dist/site/` and from a bundled chunk in `dist/chunks/`.
 */
export function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir
    if (path.dirname(dir) === dir) return path.resolve(from, '..', '..')
  }
}

/** Hindsight's package root (the folder of its package.json). */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)))

/** A path inside Hindsight's package, e.g. `packagePath('templates')`. */
export function packagePath(...segments: string[]): string {
  return path.join(PACKAGE_ROOT, ...segments)
}
