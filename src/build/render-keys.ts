/** Keys of what rendering reads beyond the documents: the config as pages see it, and the template folders. */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { codeVersionKey, hashParts } from '../cache/hash.js'
import { byCodePoint } from '../compare.js'
import { brandTarget } from '../site/static-files.js'
import type { ResolvedConfig } from '../types.js'

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
