import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { loadDocuments } from '../build.js'
import { hashParts } from '../cache/hash.js'
import { readBuildState } from '../build/state.js'
import { loadDocument } from '../document.js'
import { UsageError } from '../errors.js'
import type { SiteDocument } from '../site/pages.js'
import type { Diagnostic, ResolvedConfig } from '../types.js'
import { inSourceOrder, type FileDiagnostics } from './format.js'
import { chartGaps } from './chart-gaps.js'
import { slugChanges } from './slug-changes.js'
import { byCodePoint } from '../compare.js'

const inside = (dir: string, target: string): boolean => target === dir || target.startsWith(dir + path.sep)

const display = (cwd: string, absolute: string): string => (path.relative(cwd, absolute) || absolute).split(path.sep).join('/')

/**
 * Normalizes the given files and folders without writing anything and returns their diagnostics.
 * Targets inside the content folder are checked in the context of the whole archive, so a slug that
 * collides with any other postmortem is reported exactly as `build` would report it.
 */
export async function checkPaths(config: ResolvedConfig, targets: string[], cwd: string): Promise<FileDiagnostics[]> {
  const absolute = (targets.length ? targets : [config.contentDir]).map((t) => path.resolve(cwd, t))
  const kinds = await Promise.all(
    absolute.map(async (t) => {
      const info = await stat(t).catch(() => null)
      if (info === null) throw new UsageError(`hindsight check: no such file or folder: ${display(cwd, t)}`)
      return { target: t, isDir: info.isDirectory() }
    }),
  )
  const reports = new Map<string, FileDiagnostics>()
  const add = (absolutePath: string, diagnostics: FileDiagnostics['diagnostics']): void => {
    reports.set(absolutePath, { file: display(cwd, absolutePath), diagnostics: inSourceOrder(diagnostics) })
  }
  const inContent = kinds.filter((k) => inside(config.contentDir, k.target))
  if (inContent.length > 0) {
    const { files, documents } = await loadDocuments(config)
    const hints = await oldSlugs(config, documents)
    const gaps = new Map(documents.map((d) => [d.record.source, chartGaps(d.record)]))
    for (const report of files) {
      const file = path.join(config.contentDir, ...report.source.split('/'))
      if (inContent.some((k) => (k.isDir ? inside(k.target, file) : k.target === file)))
        add(file, [...report.diagnostics, ...(hints.get(report.source) ?? []), ...(gaps.get(report.source) ?? [])])
    }
  }
  // Files named explicitly are checked even when the archive would skip them (hidden, other extension).
  const direct = kinds.filter((k) => !inside(config.contentDir, k.target) || (!k.isDir && !reports.has(k.target)))
  for (const { target, isDir } of direct) {
    if (isDir) {
      const { files, documents } = await loadDocuments({ ...config, contentDir: target })
      const gaps = new Map(documents.map((d) => [d.record.source, chartGaps(d.record)]))
      for (const report of files) add(path.join(target, ...report.source.split('/')), [...report.diagnostics, ...(gaps.get(report.source) ?? [])])
    } else {
      const source = inside(config.contentDir, target) ? path.relative(config.contentDir, target).split(path.sep).join('/') : path.basename(target)
      const loaded = loadDocument(source, await readFile(target), config)
      add(target, [...loaded.diagnostics, ...(loaded.document ? chartGaps(loaded.document.record) : [])])
    }
  }
  return [...reports.values()].sort((a, b) => byCodePoint(a.file, b.file))
}

/** Postmortems whose address changed since the last build into the configured output folder, with the alias to add (none without a build state). */
async function oldSlugs(config: ResolvedConfig, documents: SiteDocument[]): Promise<Map<string, Diagnostic[]>> {
  const out = new Map<string, Diagnostic[]>()
  const state = readBuildState(config.cacheDir, config.outDir)
  if (!state?.archive) return out
  const slugs = new Map(state.archive.map(({ source, slug }) => [source, slug]))
  const hashes = new Map([...state.inputs].map(([source, stamp]) => [source, stamp.hash]))
  const current = await Promise.all(
    documents.map(async ({ record }) => ({
      source: record.source,
      slug: record.slug,
      aliases: record.aliases ?? [],
      // Only a file the last build did not have can be another one renamed: its bytes are read again to compare.
      hash: slugs.has(record.source) ? null : hashParts(await readFile(path.join(config.contentDir, ...record.source.split('/')))),
    })),
  )
  for (const { source, diagnostic } of slugChanges({ slugs, hashes }, current)) out.set(source, [...(out.get(source) ?? []), diagnostic])
  return out
}
