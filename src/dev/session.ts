import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { assertContentDir, CONFIG_FILE, loadConfig } from '../config.js'
import { RULE } from '../constants.js'
import { UsageError } from '../errors.js'
import { formatDiagnostic, plural, type FileDiagnostics } from '../report/format.js'
import { buildSearchIndex } from '../search/index.js'
import { assertSafeOutDir } from '../site/out-guard.js'
import { url as pageUrl } from '../site/paths.js'
import type { Config, ResolvedConfig } from '../types.js'
import { createBuilder, type Builder, type UpdateResult } from '../builder.js'
import { createEventHub, readClientScript } from './live-reload.js'
import { BUILD_PROBLEM, createProblemBoard } from './problems.js'
import { createBuildQueue } from './queue.js'
import { createDevServer, LOOPBACK_HOSTS } from './server.js'
import { watchPaths } from './watch.js'

/** How `dev` was started; `log` receives every terminal line (tests capture it). */
export interface DevOptions {
  cwd: string
  overrides?: Config
  port: number
  host: string
  /** Delay after the last change before the search index is rebuilt. Default: 3000 ms. */
  searchDelayMs?: number
  log?: (line: string) => void
}

/** A running dev session. */
export interface DevSession {
  url: string
  config(): ResolvedConfig
  close(): Promise<void>
}

const SEARCH = '\0search'
/** Quiet time after a save before the indexes, feeds and export are rebuilt. */
const INDEX_DELAY_MS = 300

/** Builds the archive, serves it with live reload, and rebuilds what each save touches until closed. */
export async function startDev(options: DevOptions): Promise<DevSession> {
  const log = options.log ?? ((line: string) => console.log(line))
  const show = (file: string): string => (path.relative(options.cwd, file) || file).split(path.sep).join('/')
  const searchDelay = options.searchDelayMs ?? 3000
  let config = loadConfig(options.cwd, options.overrides)
  // Refused before serving: an unsafe output folder is a usage error, not a build failure to show in the overlay.
  assertSafeOutDir(config)
  assertContentDir(config)
  /** The incremental builder in dev mode: writes in place, keeps the last good page of a broken save, leaves search to this session. */
  let builder: Builder = createBuilder(config, { mode: 'dev' })
  const fullBuild = async (): Promise<UpdateResult> => {
    const { files, durationMs } = await builder.build()
    return { written: [], removed: [], files, durationMs, full: true }
  }
  const configPath = path.join(config.root, CONFIG_FILE)
  const sourcePath = (source: string): string => path.join(config.contentDir, ...source.split('/'))
  const board = createProblemBoard()
  const hub = createEventHub()
  const shown = (result: UpdateResult): FileDiagnostics[] => result.files.map((f) => ({ file: show(sourcePath(f.source)), diagnostics: f.diagnostics }))
  let searchTimer: NodeJS.Timeout | null = null
  let needsFull = false
  const scheduleSearch = (): void => {
    if (searchTimer) clearTimeout(searchTimer)
    searchTimer = setTimeout(() => queue.push([SEARCH]), searchDelay)
  }

  const reportChanged = (result: UpdateResult, changed: string[]): void => {
    const touched = new Set(changed.map(show))
    for (const { file, diagnostics } of shown(result).filter((f) => touched.has(f.file) && f.diagnostics.length)) {
      if (diagnostics.some((d) => d.severity === 'error')) log(`${file} has errors; still serving its last good page:`)
      for (const d of diagnostics) log(`  ${formatDiagnostic(file, d)}`)
    }
  }

  const rebuild = async (paths: string[]): Promise<void> => {
    const changed = paths.filter((p) => p !== SEARCH)
    if (changed.length === 0) {
      if (!config.search) return
      const { files } = await buildSearchIndex([...builder.documents.values()].map(builder.readBody), config.outDir, config)
      return log(`Search index updated (${files} files)`)
    }
    if (paths.includes(SEARCH)) scheduleSearch()
    const sent: string[] = []
    let result: UpdateResult
    if (changed.includes(configPath)) {
      try {
        const next = loadConfig(options.cwd, options.overrides)
        assertSafeOutDir(next)
        config = next
      } catch (error) {
        board.fail(show(configPath), (error as Error).message, RULE.configInvalid)
        log(`${(error as Error).message}; still serving the last good site`)
        return hub.send('diagnostics', board.payload())
      }
      builder = createBuilder(config, { mode: 'dev' })
      result = await fullBuild()
    } else {
      const started = performance.now()
      const early = (pages: string[]): void => {
        sent.push(...pages)
        log(
          `Updated ${pages
            .filter((p) => p.endsWith('.html'))
            .map((p) => pageUrl(config.base, p))
            .join(', ')} in ${Math.round(performance.now() - started)} ms; indexes follow`,
        )
        hub.send('reload', { full: false, pages: pages.map((p) => pageUrl(config.base, p)) })
      }
      // A save is often followed by another (autosave, a quick fix): wait a moment before planning the indexes, and
      // leave them to the next save if one came, so each save's page updates at once and the indexes once per burst.
      const moreSaves = async (): Promise<boolean> => {
        const waiting = (): boolean => queue.pending().some((p) => p.startsWith(config.contentDir + path.sep))
        for (let waited = 0; waited < INDEX_DELAY_MS && !waiting(); waited += 10) await new Promise((resolve) => setTimeout(resolve, 10))
        return waiting()
      }
      result = needsFull ? await fullBuild() : await builder.update(changed, { keepLastGood: true, onPages: early, deferIndexes: moreSaves })
    }
    needsFull = false
    board.record(shown(result), {
      full: result.full,
      gone: changed.filter((p) => !existsSync(p)).map(show),
      cleared: changed.includes(configPath) ? [show(configPath)] : [],
    })
    reportChanged(result, changed)
    hub.send('diagnostics', board.payload())
    if (result.full || result.written.length > 0 || result.removed.length > 0) {
      log(`Rebuilt ${changed.map(show).join(', ')} in ${Math.round(result.durationMs)} ms`)
      const pages = [...result.written, ...result.removed].filter((p) => !sent.includes(p))
      if (result.full || pages.length) hub.send('reload', { full: result.full, pages: pages.map((p) => pageUrl(config.base, p)) })
      scheduleSearch()
    }
  }

  const failed = (error: unknown): void => {
    needsFull = true
    board.fail(BUILD_PROBLEM, (error as Error).message, RULE.buildFailed)
    log(`Build failed: ${(error as Error).message}; still serving the last good site`)
    hub.send('diagnostics', board.payload())
  }
  const queue = createBuildQueue(rebuild, failed)

  try {
    const first = await fullBuild()
    board.record(shown(first), { full: true, gone: [], cleared: [] })
    const all = first.files.flatMap((f) => f.diagnostics)
    log(
      `Built ${plural(first.files.length, 'file')} in ${Math.round(first.durationMs)} ms: ${plural(all.filter((d) => d.severity === 'error').length, 'error')}, ${plural(all.filter((d) => d.severity === 'warning').length, 'warning')} (details: hindsight check)`,
    )
    for (const { file, diagnostics } of board.payload().problems)
      for (const d of diagnostics.filter((d) => d.severity === 'error')) log(`  ${formatDiagnostic(file, d)}`)
  } catch (error) {
    // Serve anyway: the overlay shows the failure and the next save builds again.
    failed(error)
  }

  const server = createDevServer({
    root: config.outDir,
    base: config.base,
    hub,
    diagnostics: board.payload,
    allowedHosts: ['127.0.0.1', 'localhost', '::1'].includes(options.host) ? LOOPBACK_HOSTS : null,
    clientScript: () => readClientScript(config.templatesDir),
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new UsageError(`Port ${options.port} is already in use; choose another with --port`) : error)
    })
    server.listen(options.port, options.host, resolve)
  })
  const { port } = server.address() as AddressInfo
  const host = options.host.includes(':') ? `[${options.host}]` : options.host
  const url = `http://${host}:${port}${config.base}`

  // The templates and static folders and the logo and favicon files too, when they exist at start (chokidar misses events otherwise): a change to any of them is a full rebuild (see `builder.update`).
  const extra = [config.templatesDir, config.staticDir, config.logo, config.favicon].filter(
    (f): f is string => f !== null && path.isAbsolute(f) && existsSync(f),
  )
  const watcher = watchPaths([config.contentDir, ...extra, configPath], (paths) => queue.push(paths), { ignored: [config.outDir, config.cacheDir] })
  await watcher.ready
  log(`Serving ${url}  (Ctrl-C to stop)`)
  log(`Watching ${[config.contentDir, config.templatesDir, configPath].map(show).join(', ')}`)
  if (config.search) log(`Search index lags in dev: it is rebuilt ${searchDelay / 1000} s after the last change`)

  return {
    url,
    config: () => config,
    async close() {
      if (searchTimer) clearTimeout(searchTimer)
      await watcher.close()
      await queue.close()
      hub.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
}
