import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { build, type BuildResult } from '../../src/build.js'
import { loadConfig } from '../../src/config.js'
import type { Config } from '../../src/types.js'
import { idsOf, linksOf } from './html.js'
import { ROOT } from './root.js'

export { idsOf, linksOf, listedSlugs } from './html.js'
export { ROOT } from './root.js'

/** A site built into a temp folder. */
export interface TestSite {
  outDir: string
  result: BuildResult
  /** Output paths (with `/`) of every file, sorted. */
  files: string[]
  read(rel: string): string
  cleanup(): Promise<void>
}

function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const rel = prefix ? `${prefix}/${name}` : name
      return statSync(path.join(dir, name)).isDirectory() ? walk(path.join(dir, name), rel) : [rel]
    })
}

/** Builds `contentDir` (default: the bundled archive) with the project's templates into a fresh temp folder. */
export async function buildSite(overrides: Config = {}, contentDir = path.join(ROOT, 'content')): Promise<TestSite> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'hindsight-site-'))
  const outDir = path.join(tmp, 'site')
  const config = loadConfig(ROOT, { search: false, ...overrides, contentDir, outDir, cacheDir: path.join(tmp, 'cache') })
  const result = await build(config)
  return {
    outDir,
    result,
    files: walk(outDir),
    read: (rel) => readFileSync(path.join(outDir, rel), 'utf8'),
    cleanup: () => rm(tmp, { recursive: true, force: true }),
  }
}

/**
 * Checks every internal link of every HTML page: it must start with `base`, and with the prefix stripped it must name
 * a file of the output (a folder means its `index.html`); same-page `#fragments` must name an id. Returns problems.
 */
export function brokenLinks(site: TestSite, base = '/'): string[] {
  const problems: string[] = []
  for (const page of site.files.filter((f) => f.endsWith('.html'))) {
    const html = site.read(page)
    const ids = idsOf(html)
    for (const link of linksOf(html)) {
      if (/^(https?:|mailto:|data:)/i.test(link)) continue
      if (link.startsWith('#')) {
        if (!ids.has(decodeURIComponent(link.slice(1)))) problems.push(`${page}: missing anchor ${link}`)
        continue
      }
      if (!link.startsWith(base)) {
        problems.push(`${page}: ${link} does not start with ${base}`)
        continue
      }
      const rel = decodeURIComponent(link.slice(base.length).replace(/[?#].*$/, ''))
      const target = rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel
      if (!existsSync(path.join(site.outDir, target))) problems.push(`${page}: ${link} -> ${target} not found`)
    }
  }
  return problems
}
