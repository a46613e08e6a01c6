import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { ConfigError } from '../errors.js'
import type { ResolvedConfig } from '../types.js'
import { filesUnder } from './files-under.js'
import { SITE_MARKER } from './out-guard.js'
import type { PlannedFile } from './pages.js'
import { byCodePoint } from '../compare.js'

/** A file copied verbatim into the site: where it goes, where it comes from, and a stamp that changes when it does. */
export interface PassthroughFile {
  path: string
  file: string
  stamp: string
}

const isUrl = (value: string): boolean => /^https?:\/\//i.test(value)

/** Where the `logo` or `favicon` of the config appears in the site: its URL, or the site path of its copy (`assets/logo.svg`, `favicon.ico`). */
export function brandTarget(kind: 'logo' | 'favicon', value: string | null): string | null {
  if (!value) return null
  if (isUrl(value)) return value
  const ext = path
    .extname(value)
    .toLowerCase()
    .replace(/[^.a-z0-9]/g, '')
  return kind === 'logo' ? `assets/logo${ext}` : `favicon${ext}`
}

const stampOf = (size: number, mtimeMs: number, ino: number): string => `${size}:${mtimeMs}:${ino}`

/** Every regular file under the static folder (sub-folders too; symbolic links are not followed), by its path in the site. */
function walkStatic(dir: string): PassthroughFile[] {
  return filesUnder(dir)
    .filter(({ rel }) => rel !== SITE_MARKER)
    .map(({ rel, file }) => {
      const info = statSync(file)
      return { path: rel, file, stamp: stampOf(info.size, info.mtimeMs, info.ino) }
    })
}

/** The `logo` or `favicon` file named in the config, or a `ConfigError` naming the path when it is not a file. */
function brandFile(kind: 'logo' | 'favicon', value: string | null): PassthroughFile | null {
  const target = brandTarget(kind, value)
  if (!value || !target || isUrl(value)) return null
  let info
  try {
    info = statSync(value)
  } catch {
    throw new ConfigError(`\`${kind}\` names ${value}, which does not exist`)
  }
  if (!info.isFile()) throw new ConfigError(`\`${kind}\` names ${value}, which is not a file`)
  return { path: target, file: value, stamp: stampOf(info.size, info.mtimeMs, info.ino) }
}

/**
 * Files the site takes as they are: the static folder's (so a `CNAME` or a verification file survives every
 * rebuild), then the logo and favicon; later ones win a shared path. Sorted by site path.
 */
export function passthroughFiles(config: Pick<ResolvedConfig, 'staticDir' | 'logo' | 'favicon'>): PassthroughFile[] {
  const byPath = new Map<string, PassthroughFile>()
  for (const file of walkStatic(config.staticDir)) byPath.set(file.path, file)
  for (const file of [brandFile('logo', config.logo), brandFile('favicon', config.favicon)]) if (file) byPath.set(file.path, file)
  return [...byPath.values()].sort((a, b) => byCodePoint(a.path, b.path))
}

/** Passthrough files as planned output: keyed by their stamp, so an unchanged file is carried over without being read. */
export const plannedPassthrough = (files: PassthroughFile[]): PlannedFile[] =>
  files.map((f) => ({ path: f.path, key: `static:${f.stamp}`, content: () => readFileSync(f.file) }))
