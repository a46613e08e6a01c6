import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { PIPELINE_VERSION } from '../constants.js'
import { brandTarget } from '../site/static-files.js'
import type { ResolvedConfig } from '../types.js'
import { PACKAGE_VERSION } from '../version.js'
import { byCodePoint } from '../compare.js'

/** Hex sha256 of the parts, each length-prefixed so `ab`+`c` and `a`+`bc` differ; 32 hex digits (128 bits) are plenty for cache keys. */
export function hashParts(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256')
  // Text parts are joined into one update (the same bytes as one update each): 21,000 plan keys a warm build.
  let text = ''
  for (const part of parts) {
    if (typeof part === 'string') {
      text += `${Buffer.byteLength(part)}:${part}`
      continue
    }
    if (text) hash.update(text)
    text = ''
    hash.update(`${part.byteLength}:`)
    hash.update(part)
  }
  if (text) hash.update(text)
  return hash.digest('hex').slice(0, 32)
}

/** Which Hindsight wrote a cache entry (package version and PIPELINE_VERSION), so upgrading Hindsight invalidates the cache as a content or config change does. */
export const codeVersionKey = (): string => `hindsight-${PACKAGE_VERSION}/pipeline-${PIPELINE_VERSION}`

/** Config keys that only shape output paths or rendering, never a document's record or HTML. */
const OUTPUT_ONLY = new Set<keyof ResolvedConfig>(['root', 'configFile', 'contentDir', 'outDir', 'templatesDir', 'cacheDir', 'staticDir', 'logo', 'favicon', 'title', 'description', 'url', 'base', 'pageSize', 'search', 'drafts'])

/** Key of everything that shapes a normalized document besides its bytes and path: Hindsight's version and the normalize-relevant config. */
export function documentOptionsKey(config: ResolvedConfig): string {
  const relevant = Object.fromEntries(Object.entries(config).filter(([k]) => !OUTPUT_ONLY.has(k as keyof ResolvedConfig)).sort(([a], [b]) => (a < b ? -1 : 1)))
  return hashParts(codeVersionKey(), JSON.stringify(relevant))
}

/** Cache key of one content file: the hash of its bytes, its path under content/, and the options key. */
export const documentKey = (source: string, bytesHash: string, optionsKey: string): string => hashParts(optionsKey, source, bytesHash)

/** Key of the whole config as rendering sees it (paths aside) and Hindsight's version, so a title, base or code change re-renders every page. */
export function renderConfigKey(config: ResolvedConfig): string {
  const { root: _r, configFile: _c, contentDir: _cd, outDir: _o, templatesDir: _t, cacheDir: _ca, staticDir: _s, logo, favicon, ...rest } = config
  // The logo and favicon as pages link them (not their paths on this machine), so a moved checkout renders alike.
  return hashParts(codeVersionKey(), JSON.stringify({ ...rest, logo: brandTarget('logo', logo), favicon: brandTarget('favicon', favicon) }))
}

/** Key of every file under the template folders (the project's, then the bundled one: names and bytes), so any template or asset change is seen. */
export async function templatesKey(dirs: string[]): Promise<string> {
  const parts: (string | Uint8Array)[] = []
  async function walk(dir: string, at: string): Promise<void> {
    const entries = await readdir(at, { withFileTypes: true }).catch(() => [])
    entries.sort((a, b) => byCodePoint(a.name, b.name))
    for (const entry of entries) {
      const full = path.join(at, entry.name)
      if (entry.isDirectory()) await walk(dir, full)
      else if (entry.isFile()) parts.push(path.relative(dir, full), await readFile(full))
    }
  }
  for (const [i, dir] of dirs.entries()) {
    parts.push(`layer ${i}`)
    await walk(dir, dir)
  }
  return hashParts(...parts)
}
