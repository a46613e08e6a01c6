import { existsSync, realpathSync } from 'node:fs'
import path from 'node:path'
import { TemplateError } from '../errors.js'
import { filesUnder } from './files-under.js'
import { byCodePoint } from '../compare.js'
import { packagePath } from '../package-root.js'

/** The templates and assets that ship with Hindsight (beside `dist/` in the package, beside `src/` in the repository). */
export const BUNDLED_TEMPLATES = packagePath('templates')

const same = (a: string, b: string): boolean => {
  try {
    return realpathSync(a) === realpathSync(b)
  } catch {
    return path.resolve(a) === path.resolve(b)
  }
}

/**
 * Folders templates are looked up in, first match wins: the project's templates folder, then the bundled one, so a
 * repository overrides one template, partial or asset and keeps the rest.
 */
export function templateLayers(templatesDir: string): string[] {
  return same(templatesDir, BUNDLED_TEMPLATES) ? [BUNDLED_TEMPLATES] : [templatesDir, BUNDLED_TEMPLATES]
}

/** A slash-separated path under a templates folder, or null when it leaves it (`..`, absolute). */
function underLayer(rel: string): string | null {
  const clean = path.posix.normalize(rel.split(path.sep).join('/').replace(/^\/+/, ''))
  return clean === '.' || clean.startsWith('../') || clean === '..' ? null : clean
}

/** The file for `rel` in the first layer that has it, or null. */
export function findLayered(layers: string[], rel: string): string | null {
  const clean = underLayer(rel)
  if (clean === null) return null
  for (const layer of layers) {
    const file = path.join(layer, ...clean.split('/'))
    if (existsSync(file)) return file
  }
  return null
}

/**
 * Eta's `resolvePath` over layers: `/partials/x` and bare names from the templates root, other names relative to the
 * including template, each found in the first layer that has the file (memoised: a build renders thousands of pages).
 */
export function createLayeredResolver(layers: string[]): (template: string, from?: string) => string {
  const memo = new Map<string, string>()
  /** By template and including file: a page's includes are the same names from the same files, so most calls end here. */
  const calls = new Map<string, string>()
  const layerOf = (file: string): string | undefined => layers.find((layer) => file.startsWith(layer + path.sep))
  return (template, from) => {
    const call = `${template}\0${from ?? ''}`
    let file = calls.get(call)
    if (file === undefined) calls.set(call, (file = resolve(template, from)))
    return file
  }
  function resolve(template: string, from?: string): string {
    const named = path.extname(template) ? template : `${template}.eta`
    const base = from ? layerOf(from) : undefined
    const rel = named.startsWith('/') || !from || !base ? named : path.relative(base, path.join(path.dirname(from), named))
    const hit = memo.get(rel)
    if (hit) return hit
    const file = findLayered(layers, rel)
    if (!file) throw new TemplateError(`Cannot find template ${JSON.stringify(template)} in ${layers.join(' or ')}`)
    memo.set(rel, file)
    return file
  }
}

/** Every file under `sub` of the layers, as slash-separated paths under `sub`, the first layer's file winning. */
export function listLayered(layers: string[], sub: string): Array<{ rel: string; file: string }> {
  const found = new Map<string, string>()
  for (const layer of layers) for (const { rel, file } of filesUnder(path.join(layer, sub))) if (!found.has(rel)) found.set(rel, file)
  return [...found].map(([rel, file]) => ({ rel, file })).sort((a, b) => byCodePoint(a.rel, b.rel))
}
