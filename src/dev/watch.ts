import { watch, type FSWatcher } from 'chokidar'
import path from 'node:path'

/** A running watcher; `close` releases every file handle. */
export interface Watcher {
  ready: Promise<void>
  close(): Promise<void>
}

/** Options of `watchPaths`; `batchMs` groups the events of one save (write, rename, unlink) into one call. */
export interface WatchOptions {
  ignored?: string[]
  batchMs?: number
}

// Editor swap files and other hidden entries (`.post.md.swp`, `.git`).
const DOTFILE = /(^|[/\\])\.[^/\\]*$/

/**
 * Watches files and folders with chokidar and reports absolute paths that were added, changed or
 * removed, a few at a time; events of folders and files under `ignored` are dropped.
 */
export function watchPaths(targets: string[], onChange: (paths: string[]) => void, options: WatchOptions = {}): Watcher {
  const ignored = (options.ignored ?? []).map((p) => path.resolve(p))
  const isIgnored = (p: string): boolean => ignored.some((dir) => p === dir || p.startsWith(dir + path.sep))
  const watcher: FSWatcher = watch(targets, {
    ignoreInitial: true,
    awaitWriteFinish: { stabilityThreshold: 25, pollInterval: 5 },
    ignored: (p: string) => isIgnored(path.resolve(p)) || (DOTFILE.test(p) && !targets.includes(p)),
  })
  let batch = new Set<string>()
  let timer: NodeJS.Timeout | null = null
  const flush = (): void => {
    timer = null
    const paths = [...batch]
    batch = new Set()
    if (paths.length) onChange(paths)
  }
  watcher.on('all', (_event, changed) => {
    batch.add(path.resolve(changed))
    timer ??= setTimeout(flush, options.batchMs ?? 10)
  })
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  return {
    ready,
    async close() {
      if (timer) clearTimeout(timer)
      await watcher.close()
    },
  }
}
