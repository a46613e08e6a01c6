import { watch, type FSWatcher } from 'chokidar'
import { existsSync, readdirSync } from 'node:fs'
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
  /** How often a watched folder that was removed is looked for, to watch it again when it is back. Default: 250 ms. */
  pollMs?: number
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
  const report = (changed: string): void => {
    batch.add(changed)
    timer ??= setTimeout(flush, options.batchMs ?? 10)
  }
  // A watched folder moved away or deleted is no longer watched when it comes back (chokidar drops it): poll for its
  // return, then watch it again and report every path in it, as they may all have changed meanwhile.
  const roots = new Set(targets.map((t) => path.resolve(t)))
  const gone = new Map<string, NodeJS.Timeout>()
  const awaitReturn = (root: string): void => {
    if (gone.has(root)) return
    gone.set(
      root,
      setInterval(() => {
        if (!existsSync(root)) return
        clearInterval(gone.get(root))
        gone.delete(root)
        watcher.unwatch(root)
        watcher.add(root)
        report(root)
        for (const rel of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
          const at = path.join(root, rel)
          if (!isIgnored(at) && !rel.split(path.sep).some((part) => part.startsWith('.'))) report(at)
        }
      }, options.pollMs ?? 250),
    )
  }
  watcher.on('all', (event, changed) => {
    const at = path.resolve(changed)
    report(at)
    if (event === 'unlinkDir' && roots.has(at)) awaitReturn(at)
  })
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  return {
    ready,
    async close() {
      if (timer) clearTimeout(timer)
      for (const poll of gone.values()) clearInterval(poll)
      gone.clear()
      await watcher.close()
    },
  }
}
