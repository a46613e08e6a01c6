import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { loadDocuments } from '../build.js'
import { loadDocument } from '../document.js'
import { UsageError } from '../errors.js'
import type { ResolvedConfig } from '../types.js'
import { inSourceOrder, type FileDiagnostics } from './format.js'

const inside = (dir: string, target: string): boolean => target === dir || target.startsWith(dir + path.sep)

const display = (cwd: string, absolute: string): string => (path.relative(cwd, absolute) || absolute).split(path.sep).join('/')

/**
 * Normalizes the given files and folders without writing anything and returns their diagnostics.
 * Targets inside the content folder are checked in the context of the whole archive, so a slug that
 * collides with any other postmortem is reported exactly as `build` would report it.
 */
export async function checkPaths(config: ResolvedConfig, targets: string[], cwd: string): Promise<FileDiagnostics[]> {
  const absolute = (targets.length ? targets : [config.contentDir]).map((t) => path.resolve(cwd, t))
  const kinds = await Promise.all(absolute.map(async (t) => {
    const info = await stat(t).catch(() => null)
    if (info === null) throw new UsageError(`hindsight check: no such file or folder: ${display(cwd, t)}`)
    return { target: t, isDir: info.isDirectory() }
  }))
  const reports = new Map<string, FileDiagnostics>()
  const add = (absolutePath: string, diagnostics: FileDiagnostics['diagnostics']): void => {
    reports.set(absolutePath, { file: display(cwd, absolutePath), diagnostics: inSourceOrder(diagnostics) })
  }
  const inContent = kinds.filter((k) => inside(config.contentDir, k.target))
  if (inContent.length > 0) {
    const { files } = await loadDocuments(config)
    for (const report of files) {
      const file = path.join(config.contentDir, ...report.source.split('/'))
      if (inContent.some((k) => (k.isDir ? inside(k.target, file) : k.target === file))) add(file, report.diagnostics)
    }
  }
  // Files named explicitly are checked even when the archive would skip them (hidden, other extension).
  const direct = kinds.filter((k) => !inside(config.contentDir, k.target) || (!k.isDir && !reports.has(k.target)))
  for (const { target, isDir } of direct) {
    if (isDir) {
      const { files } = await loadDocuments({ ...config, contentDir: target })
      for (const report of files) add(path.join(target, ...report.source.split('/')), report.diagnostics)
    } else {
      const source = inside(config.contentDir, target) ? path.relative(config.contentDir, target).split(path.sep).join('/') : path.basename(target)
      const loaded = loadDocument(source, await readFile(target), config)
      add(target, loaded.diagnostics)
    }
  }
  return [...reports.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
}

