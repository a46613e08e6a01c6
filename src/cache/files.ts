/** Files of the cache folder (pack index, build state, small values kept beside the documents): every one written whole, flushed, then renamed. */
import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { codeVersionKey } from './hash.js'
import { writeDurably, type FileData } from './integrity.js'
import { makeDir } from '../make-dir.js'

/** Writes a file whole or not at all (temporary name, flushed, then rename), so a killed build never leaves a truncated cache file. */
export function writeWhole(file: string, data: FileData): void {
  try {
    writeDurably(file, data)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    makeDir(path.dirname(file))
    writeDurably(file, data)
  }
}

/**
 * Writes a cache file, or (a full disk, a read-only folder) removes the old one and warns: the cache is an
 * optimisation, never a reason to fail. Says whether it was written.
 */
export function writeOrForget(file: string, data: FileData): boolean {
  try {
    writeWhole(file, data)
    return true
  } catch (error) {
    rmSync(file, { force: true })
    cacheWarning(`Cannot write ${file} (${(error as Error).message}); the next build starts without it`)
    return false
  }
}

/** Reads a value kept in the cache folder under `name`, or null when absent, unreadable or written by another Hindsight. */
export function readCacheValue<T>(cacheDir: string, name: string): T | null {
  try {
    const stored = deserialize(readFileSync(path.join(cacheDir, `${name}.bin`))) as { version: string; value: T }
    return stored.version === codeVersionKey() ? stored.value : null
  } catch {
    return null
  }
}

/** Keeps a value in the cache folder under `name`, written whole or not at all. */
export function writeCacheValue(cacheDir: string, name: string, value: unknown): void {
  writeOrForget(path.join(cacheDir, `${name}.bin`), serialize({ version: codeVersionKey(), value }))
}

/** Warns that the cache could not be written or held damage, and what happens instead. */
export const cacheWarning = (message: string): void => void process.emitWarning(message, 'HindsightCacheWarning')
