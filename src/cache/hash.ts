import { createHash, hash as hashOnce, type Hash } from 'node:crypto'
import { PIPELINE_VERSION } from '../constants.js'
import type { ResolvedConfig } from '../types.js'
import { CODE_ID, PACKAGE_VERSION } from '../version.js'

/**
 * Hex sha256 of the parts, each length-prefixed so `ab`+`c` and `a`+`bc` differ; 32 hex digits (128 bits) are plenty for
 * cache keys. Made from the first 16 bytes, not cut from 64 digits: a cut string keeps its 64-digit parent alive, and a
 * build holds about ten of these a postmortem (manifest, listing and output keys).
 */
export function hashParts(...parts: (string | Uint8Array)[]): string {
  return hashList(parts)
}

/** Text hashed in one update at most (the same bytes however it is cut), so a list of 100,000 parts is never one string. */
const TEXT_CHUNK = 64 * 1024

/**
 * `hashParts` of a list: a call spreading an archive's worth of parts (`hashParts(...keys)`) passes them on the stack,
 * which overflows past about 120,000 parts (a build of that many files failed with "Maximum call stack size exceeded").
 */
export function hashList(parts: Iterable<string | Uint8Array>): string {
  // A list of a few strings (most plan and listing keys) is one call without a `Hash` object; longer ones stream.
  let hash: Hash | null = null
  // Text parts are joined into few updates (the same bytes as one update each): 21,000 plan keys a warm build.
  let text = ''
  for (const part of parts) {
    if (typeof part === 'string') {
      text += `${Buffer.byteLength(part)}:${part}`
      if (text.length < TEXT_CHUNK) continue
      hash ??= createHash('sha256')
      hash.update(text)
      text = ''
      continue
    }
    hash ??= createHash('sha256')
    if (text) hash.update(text)
    text = ''
    hash.update(`${part.byteLength}:`)
    hash.update(part)
  }
  if (!hash) return hashOnce('sha256', text, 'buffer').toString('hex', 0, 16)
  if (text) hash.update(text)
  return hash.digest().toString('hex', 0, 16)
}

/**
 * Which Hindsight wrote a cache entry (package version, PIPELINE_VERSION and the bundle's code id), so upgrading
 * Hindsight, or running other code of the same version, invalidates the cache as a content or config change does.
 */
export const codeVersionKey = (): string => `hindsight-${PACKAGE_VERSION}/pipeline-${PIPELINE_VERSION}/code-${CODE_ID}`

/** Config keys that only shape output paths or rendering, never a document's record or HTML. */
const OUTPUT_ONLY = new Set<keyof ResolvedConfig>([
  'root',
  'configFile',
  'contentDir',
  'outDir',
  'templatesDir',
  'cacheDir',
  'staticDir',
  'logo',
  'favicon',
  'title',
  'description',
  'url',
  'base',
  'pageSize',
  'search',
  'drafts',
])

/** Key of everything that shapes a normalized document besides its bytes and path: Hindsight's version and the normalize-relevant config. */
export function documentOptionsKey(config: ResolvedConfig): string {
  const relevant = Object.fromEntries(
    Object.entries(config)
      .filter(([k]) => !OUTPUT_ONLY.has(k as keyof ResolvedConfig))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  )
  return hashParts(codeVersionKey(), JSON.stringify(relevant))
}

/** Cache key of one content file: the hash of its bytes, its path under content/, and the options key. */
export const documentKey = (source: string, bytesHash: string, optionsKey: string): string => hashParts(optionsKey, source, bytesHash)
