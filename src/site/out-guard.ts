import { closeSync, existsSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import { UnsafeOutputError } from '../errors.js'
import type { ResolvedConfig } from '../types.js'
import { BUNDLED_TEMPLATES } from './templates-layers.js'

/** File every build writes at the root of the site: it proves the folder is Hindsight's to replace. */
export const SITE_MARKER = '.hindsight-site'

/** Text of the marker file (constant, so a warm build finds it unchanged and does not rewrite it). */
export const SITE_MARKER_TEXT =
  'This folder is written by Hindsight: every build replaces all of it.\nKeep your own files (CNAME, verification files) in the static folder; they are copied here on each build.\n'

/** Folders an output folder must stay clear of, by what they are called in an error. */
type Guarded = Pick<ResolvedConfig, 'root' | 'outDir' | 'contentDir' | 'templatesDir' | 'cacheDir' | 'staticDir'>

/** File systems that ignore case (macOS, Windows by default): paths are compared case-folded there. */
const FOLD_CASE = process.platform === 'darwin' || process.platform === 'win32'

/** A path with symlinks resolved as far as it exists, so `site -> content` is seen for what it is. */
function realPath(target: string): string {
  const rest: string[] = []
  let at = path.resolve(target)
  for (;;) {
    try {
      const real = path.join(realpathSync.native(at), ...rest.reverse())
      return FOLD_CASE ? real.toLowerCase() : real
    } catch {
      const parent = path.dirname(at)
      if (parent === at) return FOLD_CASE ? target.toLowerCase() : target
      rest.push(path.basename(at))
      at = parent
    }
  }
}

const inside = (child: string, parent: string): boolean => child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep)

/** How `outDir` relates to `other`: the same folder, an ancestor of it, inside it, or apart. */
function relation(outDir: string, other: string): 'is' | 'contains' | 'lies inside' | null {
  if (outDir === other) return 'is'
  if (inside(other, outDir)) return 'contains'
  if (inside(outDir, other)) return 'lies inside'
  return null
}

/** A folder as the user would type it: relative to the working directory when under it, else absolute. */
export function shownPath(dir: string): string {
  const rel = path.relative(process.cwd(), dir)
  return rel === '' ? '.' : !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : dir
}

/** First bytes of a file, or '' when it cannot be read. */
function head(file: string, bytes: number): string {
  let fd: number | null = null
  try {
    fd = openSync(file, 'r')
    const buffer = Buffer.alloc(bytes)
    return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0)).toString('utf8')
  } catch {
    return ''
  } finally {
    if (fd !== null) closeSync(fd)
  }
}

/**
 * Whether an existing folder is a site Hindsight wrote: it holds the marker, or it is a site of a version from before
 * the marker (its export `postmortems.json` beside an Atom feed whose generator is Hindsight), so an upgrade is not refused.
 */
export function isHindsightSite(dir: string): boolean {
  if (existsSync(path.join(dir, SITE_MARKER))) return true
  if (!existsSync(path.join(dir, 'postmortems.json'))) return false
  const feed = head(path.join(dir, 'feed.xml'), 2048)
  return feed.includes('<id>urn:hindsight:home</id>') && feed.includes('<generator>Hindsight</generator>')
}

/** Refuses an output folder that exists, is not an empty folder, and is not a site Hindsight wrote. */
export function assertOwnedOutDir(outDir: string): void {
  let info
  try {
    info = statSync(outDir)
  } catch {
    return // nothing there yet: the build creates it
  }
  const shown = shownPath(outDir)
  if (!info.isDirectory())
    throw new UnsafeOutputError(
      `Refusing to build into ${shown}: it is a file, not a folder; nothing was changed. Choose a new folder for the site (--out or outDir).`,
    )
  if (readdirSync(outDir).length === 0 || isHindsightSite(outDir)) return
  throw new UnsafeOutputError(
    `Refusing to build into ${shown}: the folder is not empty and was not written by Hindsight (no ${SITE_MARKER} file), and a build replaces everything in it; nothing was changed. Choose a new or empty folder (--out or outDir).`,
  )
}

/**
 * Refuses, before anything is touched, an output folder whose replacement would delete what Hindsight did not write:
 * one that is or contains the project root, that is, contains or lies inside the content, templates, static or cache
 * folder, the bundled templates or `node_modules`, or that holds files of someone else. Every path that writes a site (build, `dev`, the JS API)
 * passes through here.
 */
export function assertSafeOutDir(config: Guarded): void {
  const out = realPath(config.outDir)
  const shown = shownPath(config.outDir)
  const root = realPath(config.root)
  if (out === root || inside(root, out)) {
    throw new UnsafeOutputError(
      `Refusing to build into ${shown}: it ${out === root ? 'is' : 'contains'} the project root ${shownPath(config.root) === '.' ? config.root : shownPath(config.root)}, and a build replaces everything in its output folder; nothing was changed. Choose a new folder for the site (--out or outDir).`,
    )
  }
  const guarded = [
    { label: 'content folder', dir: config.contentDir },
    { label: 'templates folder', dir: config.templatesDir },
    { label: 'cache folder', dir: config.cacheDir },
    { label: 'node_modules folder', dir: path.join(config.root, 'node_modules') },
    { label: 'static folder', dir: config.staticDir },
    { label: 'bundled templates folder', dir: BUNDLED_TEMPLATES },
  ]
  for (const { label, dir } of guarded) {
    const how = relation(out, realPath(dir))
    if (how) {
      throw new UnsafeOutputError(
        `Refusing to build into ${shown}: it ${how} the ${label} ${shownPath(dir)}, and a build replaces everything in its output folder; nothing was changed. Choose a new folder for the site (--out or outDir).`,
      )
    }
  }
  assertOwnedOutDir(config.outDir)
  assertSafeCacheDir(config)
}

/**
 * Refuses a cache folder that is or contains the project root or a folder of the user's (content, templates, static):
 * a cache that went bad is removed (its `documents/` folder) and rebuilt, which must never reach the user's files.
 */
export function assertSafeCacheDir(config: Pick<ResolvedConfig, 'root' | 'contentDir' | 'templatesDir' | 'staticDir' | 'cacheDir'>): void {
  const cache = realPath(config.cacheDir)
  const guarded = [
    { label: 'project root', dir: config.root },
    { label: 'content folder', dir: config.contentDir },
    { label: 'templates folder', dir: config.templatesDir },
    { label: 'static folder', dir: config.staticDir },
  ]
  for (const { label, dir } of guarded) {
    const other = realPath(dir)
    const how = relation(cache, other)
    if (how === 'is' || how === 'contains' || (how === 'lies inside' && label !== 'project root')) {
      const shown = shownPath(dir) === '.' ? dir : shownPath(dir)
      throw new UnsafeOutputError(
        `Refusing to use ${shownPath(config.cacheDir)} as the cache folder: it ${how} the ${label} ${shown}, and Hindsight removes cache files it finds stale; nothing was changed. Point cacheDir at a folder of its own, such as .hindsight/cache.`,
      )
    }
  }
}
