import {
  closeSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  rmdirSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import path from 'node:path'
import { makeDir } from '../make-dir.js'
import { OutputError } from '../errors.js'
import { pausePoint, pausePointSync } from '../test-seam.js'
import { assertOwnedOutDir } from './out-guard.js'
import { isAlive } from '../alive.js'
import { createWriteQueue } from './write-queue.js'
import { madeFolders, type MadeFolders } from './made-folders.js'

/** Resolves an output path under `root`, refusing any that would escape it. */
export function safeJoin(root: string, rel: string): string {
  const target = path.resolve(root, rel)
  if (target !== root && !target.startsWith(root + path.sep)) {
    throw new OutputError(`Refusing to write outside the output folder: ${rel}`)
  }
  return target
}

/** Identity of the output folder (inode and mtime), to tell whether it is still the one a manifest describes. */
export function siteIdentity(outDir: string): { ino: number; mtimeMs: number } | null {
  try {
    const info = statSync(outDir)
    return info.isDirectory() ? { ino: info.ino, mtimeMs: info.mtimeMs } : null
  } catch {
    return null
  }
}

/** Leftovers of builds of `outDir` that are no longer running: `.site-staging-<pid>`, `.site-old-<pid>`, `.site-txn-<pid>` beside it. */
function leftovers(outDir: string): { staging: string[]; old: string[]; txn: string[] } {
  const parent = path.dirname(outDir)
  const pattern = new RegExp(`^\\.${path.basename(outDir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(staging|old|txn)-(\\d+)$`)
  const found = { staging: [] as string[], old: [] as string[], txn: [] as string[] }
  for (const name of existsSync(parent) ? readdirSync(parent) : []) {
    const match = pattern.exec(name)
    if (match && !isAlive(Number(match[2]))) found[match[1] as 'staging' | 'old' | 'txn'].push(path.join(parent, name))
  }
  return found
}

/**
 * Repairs what a killed build may have left: if it died between its two renames (the only instant without a
 * `site/`), the previous site is put back; a small change whose journal was complete is rolled forward;
 * then dead staging, old and transaction folders are removed.
 */
export function recoverOutDir(outDir: string): void {
  const { staging, old, txn } = leftovers(outDir)
  if (!existsSync(outDir) && old.length > 0) renameSync(old.sort().pop()!, outDir)
  for (const dir of txn) {
    if (existsSync(outDir) && existsSync(path.join(dir, 'JOURNAL'))) applyJournal(outDir, dir)
    rmSync(dir, { recursive: true, force: true })
  }
  for (const dir of [...staging, ...old]) if (dir !== outDir) rmSync(dir, { recursive: true, force: true })
}

/** Receives a build's output file by file: new bytes, an unchanged file to carry over, or a path that went away. */
export interface SiteWriter {
  /** Takes a file; it may reach the disk later (by `commit`), and a failure surfaces at a later call. */
  write(rel: string, content: WrittenContent): void
  /** Null while the writer can take more now, else a promise that settles when it can (it bounds what is held). */
  room(): Promise<void> | null
  /** Carries the current file over unchanged; `false` when it is missing, so the caller renders it instead. */
  keep(rel: string): boolean
  remove(rel: string): void
  /**
   * Where another thread may write `rel` itself (making its folder), or null when the writer must take the bytes: a
   * render thread then writes what it rendered, so the pages never cross back to the main thread to be written.
   */
  direct(rel: string): string | null
  commit(): Promise<void>
  /** Drops what was written; settles once nothing of this writer touches the disk any more. */
  abort(): Promise<void>
}

/** A file's bytes, or its text in pieces for files too large to hold twice (the JSON export of 10,000 postmortems). */
export type FileContent = string | Uint8Array | Iterable<string | Uint8Array>

/**
 * What a writer takes: bytes or text, or bytes in pieces (the builder encodes streamed content once, to hash and write
 * it); a piece may be a view of a reused buffer, so it is written before the next is asked for, never held.
 */
export type WrittenContent = string | Uint8Array | Iterable<Uint8Array>

/** Whether content comes in pieces. */
export const isStreamed = <T extends FileContent | WrittenContent>(content: T): content is Exclude<T, string | Uint8Array> =>
  typeof content !== 'string' && !(content instanceof Uint8Array)

/** Writes content to a file, pieces one after another, so only one piece is held at a time. */
function writeContent(target: string, content: WrittenContent): void {
  if (!isStreamed(content)) return writeFileSync(target, content)
  const fd = openSync(target, 'w')
  try {
    for (const piece of content) writeSync(fd, piece)
  } finally {
    closeSync(fd)
  }
}

function ensureDir(made: MadeFolders, file: string): void {
  const dir = path.dirname(file)
  if (made.has(dir)) return
  mkdirSync(dir, { recursive: true })
  made.add(dir)
}

/**
 * Atomic writer: a staging folder beside `outDir` gets hard links to unchanged files and fresh files for changed
 * ones (never written through a link, so the live site is never modified), then replaces `outDir` by rename.
 */
export function openStagedSite(outDir: string): SiteWriter {
  const parent = path.dirname(outDir)
  const name = path.basename(outDir)
  const staging = path.join(parent, `.${name}-staging-${process.pid}`)
  const old = path.join(parent, `.${name}-old-${process.pid}`)
  rmSync(staging, { recursive: true, force: true })
  makeDir(staging)
  const made = madeFolders([staging])
  const queue = createWriteQueue(made)
  return {
    write(rel, content) {
      const target = safeJoin(staging, rel)
      if (!isStreamed(content)) return queue.add(target, typeof content === 'string' ? Buffer.from(content) : content, rel)
      ensureDir(made, target)
      writeContent(target, content)
    },
    room: () => queue.room(),
    keep(rel) {
      const target = safeJoin(staging, rel)
      const current = safeJoin(outDir, rel)
      ensureDir(made, target)
      try {
        linkSync(current, target)
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'ENOENT') return false
        if (code === 'EEXIST') return true
        copyFileSync(current, target) // file systems without hard links
      }
      return true
    },
    remove() {},
    direct: (rel) => safeJoin(staging, rel),
    async commit() {
      await queue.drain()
      await pausePoint('before-swap')
      // The swap deletes the folder it replaces: once more, right before, it must be a site Hindsight wrote.
      assertOwnedOutDir(outDir)
      try {
        if (existsSync(outDir)) renameSync(outDir, old)
        await pausePoint('between-renames')
        renameSync(staging, outDir)
      } catch (cause) {
        if (!existsSync(outDir) && existsSync(old)) renameSync(old, outDir)
        throw new OutputError(`Cannot swap the new site into ${outDir}: ${(cause as Error).message}`, { cause })
      }
      await pausePoint('after-swap')
      rmSync(old, { recursive: true, force: true })
    },
    async abort() {
      await queue.close()
      rmSync(staging, { recursive: true, force: true })
    },
  }
}

/** Thrown when a file the manifest says is unchanged is missing from the site, so the build re-renders everything. */
export class MissingOutputError extends OutputError {}

/** Above this many changed files, the copy-and-swap writer is used: its only window is two renames, whatever the count. */
const LARGE_CHANGE_FILES = 400

function applyJournal(outDir: string, txn: string): void {
  const ops = JSON.parse(readFileSync(path.join(txn, 'JOURNAL'), 'utf8')) as Array<['put' | 'rm', string]>
  for (const [op, rel] of ops) {
    const target = safeJoin(outDir, rel)
    if (op === 'put') {
      const staged = safeJoin(path.join(txn, 'files'), rel)
      if (!existsSync(staged)) continue // already moved by an earlier, interrupted apply
      mkdirSync(path.dirname(target), { recursive: true })
      renameSync(staged, target)
    } else {
      rmSync(target, { force: true })
      for (let dir = path.dirname(target); dir !== outDir && dir.startsWith(outDir + path.sep); dir = path.dirname(dir)) {
        try {
          rmdirSync(dir)
        } catch {
          break
        }
      }
    }
    pausePointSync('mid-apply')
  }
}

/**
 * Writer for small changes to an existing site: changed files are staged in `.site-txn-<pid>`, then a journal
 * listing them is written, then each is renamed into place. Cost follows the change, not the archive. The site is
 * mixed only while those few renames run (microseconds); a build killed then is rolled forward by the next
 * `recoverOutDir`, because the journal was complete before the first rename. Large changes switch to the staged
 * copy-and-swap writer, where no such window exists.
 */
export function openSiteWriter(outDir: string, options: { incremental: boolean }): SiteWriter {
  if (!options.incremental) return openStagedSite(outDir)
  const txn = path.join(path.dirname(outDir), `.${path.basename(outDir)}-txn-${process.pid}`)
  const files = path.join(txn, 'files')
  rmSync(txn, { recursive: true, force: true })
  mkdirSync(files, { recursive: true })
  const made = madeFolders([files])
  const ops: Array<['put' | 'rm', string]> = []
  const kept: string[] = []
  let staged: SiteWriter | null = null
  const switchToStaged = (): void => {
    staged = openStagedSite(outDir)
    for (const rel of kept) if (!staged.keep(rel)) throw new MissingOutputError(`${rel} is missing from ${outDir}`)
    for (const [op, rel] of ops) if (op === 'put') staged.write(rel, readFileSync(safeJoin(files, rel)))
    rmSync(txn, { recursive: true, force: true })
  }
  return {
    write(rel, content) {
      if (staged) return staged.write(rel, content)
      const target = safeJoin(files, rel)
      safeJoin(outDir, rel)
      ensureDir(made, target)
      writeContent(target, content)
      ops.push(['put', rel])
      if (ops.length > LARGE_CHANGE_FILES) switchToStaged()
    },
    room: () => staged?.room() ?? null,
    keep(rel) {
      if (staged) return staged.keep(rel)
      kept.push(rel)
      return true
    },
    remove(rel) {
      if (staged) return
      safeJoin(outDir, rel)
      ops.push(['rm', rel])
    },
    // A small change's files are journaled one by one here: only the staged writer takes files written elsewhere.
    direct: (rel) => staged?.direct(rel) ?? null,
    async commit() {
      if (staged) return staged.commit()
      if (ops.length === 0) return rmSync(txn, { recursive: true, force: true })
      const journal = path.join(txn, 'JOURNAL')
      writeFileSync(`${journal}.tmp`, JSON.stringify(ops))
      renameSync(`${journal}.tmp`, journal)
      await pausePoint('before-apply')
      applyJournal(outDir, txn)
      rmSync(txn, { recursive: true, force: true })
    },
    async abort() {
      if (staged) await staged.abort()
      rmSync(txn, { recursive: true, force: true })
    },
  }
}
