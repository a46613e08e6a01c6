import { readFile } from 'node:fs/promises'
import { createBuilder } from './builder.js'
import { discoverContent } from './content/discover.js'
import { selectPublished } from './site/publish.js'
import { unreadableDiagnostic } from './content/unreadable.js'
import { lockOutput } from './site/out-lock.js'
import type { SiteDocument } from './site/pages.js'
import type { ResolvedConfig } from './types.js'
import { byCodePoint } from './compare.js'
import type { BuildProgress, BuildResult, FileReport } from './build/types.js'

export type { BuildProgress, BuildResult, FileReport } from './build/types.js'

/** Options of `build` for tools: a progress callback, and how many threads normalize (see `threadCount` in src/workers/pool.ts). */
export interface BuildOptions {
  onProgress?: (progress: BuildProgress) => void
  workers?: number
}

/** Reads, decodes and normalizes every content file (no cache, no output); bad files become reports, never exceptions. */
export async function loadDocuments(config: ResolvedConfig): Promise<{ documents: SiteDocument[]; files: FileReport[] }> {
  const { files: found, refused, images } = await discoverContent(config.contentDir)
  const { loadDocument } = await import('./document.js')
  const unreadable: FileReport[] = []
  const read = await Promise.all(
    found.map(async (file) =>
      readFile(file.absolutePath).then(
        (bytes) => ({ file, bytes }),
        (error: unknown) => {
          unreadable.push({ source: file.source, slug: null, diagnostics: [unreadableDiagnostic(error)] })
          return null
        },
      ),
    ),
  )
  const loaded = read.flatMap((r) => (r ? [loadDocument(r.file.source, r.bytes, config)] : []))
  const imageSources = new Set(images.map((i) => i.source))
  const { documents, reports } = selectPublished(loaded, config, [], (source) => imageSources.has(source))
  const files: FileReport[] = [...refused.map((r) => ({ source: r.source, slug: null, diagnostics: [r.diagnostic] })), ...unreadable, ...reports]
  return { documents, files: files.sort((a, b) => byCodePoint(a.source, b.source)) }
}

/** Builds the whole archive from `config.contentDir` into `config.outDir`, incrementally through the cache, swapping the site in atomically. */
export async function build(config: ResolvedConfig, options: BuildOptions = {}): Promise<BuildResult> {
  const release = lockOutput(config.outDir)
  try {
    return await createBuilder(config, { onProgress: options.onProgress, workers: options.workers }).build()
  } finally {
    release()
  }
}
