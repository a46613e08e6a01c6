/** The full pass: plans every output of the archive, renders what changed, writes what differs, and the search index. */
import { readFileSync } from 'node:fs'
import { inArchiveOrder, planSite, type ArchiveDocument, type ImageContent, type PlannedFile } from '../site/pages.js'
import { SITE_MARKER, SITE_MARKER_TEXT } from '../site/out-guard.js'
import { listingKey } from '../site/listing-key.js'
import { passthroughFiles, plannedPassthrough, type PassthroughFile } from '../site/static-files.js'
import { listLayered, templateLayers } from '../site/templates-layers.js'
import type { RecordHead, ResolvedConfig } from '../types.js'
import type { DocumentSet } from './documents.js'
import { runPass, type PassContext, type PassOutcome } from './pass.js'
import { renderOffload } from './render-offload.js'
import type { RelatedStore } from './related-store.js'
import type { ArchiveEntry, BuildState } from './state.js'
import { SEARCH_DIR } from '../constants.js'

/** Assets only `dev` serves (from `/__hindsight/`), never part of a published site. */
const DEV_ONLY_ASSETS = new Set(['live-reload.js'])

/** What the full pass works with. */
export interface FullPass {
  pass: PassContext
  documents: DocumentSet
  related: RelatedStore
  image: ImageContent
}

/** What a full pass did, and what the next build needs of it. */
export interface FullOutcome extends PassOutcome {
  searchKey: string | null
  archive: ArchiveEntry[]
  relatedId: string | null
  /** The documents planned, in archive order, with their output keys: `dev` patches saved ones in for its pages-first pass. */
  plan: { docs: ArchiveDocument[]; keys: Map<ArchiveDocument, string> }
}

/** The assets (sub-folders too), each from the project's templates folder when it has it, else the bundled one. */
function assetFiles(config: ResolvedConfig): PlannedFile[] {
  return listLayered(templateLayers(config.templatesDir), 'assets')
    .filter(({ rel }) => !DEV_ONLY_ASSETS.has(rel))
    .map(({ rel, file }) => ({ path: `assets/${rel}`, content: () => readFileSync(file) }))
}

/** The planned files with the static folder, logo and favicon on top (a static `robots.txt` replaces the generated one), and the marker last. */
function withPassthrough(planned: PlannedFile[], passthrough: PassthroughFile[]): PlannedFile[] {
  const taken = new Set([...passthrough.map((f) => f.path), SITE_MARKER])
  return [...planned.filter((f) => !taken.has(f.path)), ...plannedPassthrough(passthrough), { path: SITE_MARKER, content: SITE_MARKER_TEXT }]
}

/**
 * Plans the site, renders only files whose inputs changed, writes only files whose bytes changed. `previous` is the
 * last build's state when its manifest describes site/; `withSearch` builds the search index (when the config has it).
 */
export async function fullPass(
  full: FullPass,
  outputKeys: Map<ArchiveDocument, string>,
  previous: BuildState | null,
  withSearch: boolean,
): Promise<FullOutcome> {
  const { config, mode } = full.pass
  const { documents } = full
  const docs = inArchiveOrder([...outputKeys.keys()])
  // Records as loaded have their JSON in the cache already.
  const knownLine = (record: RecordHead): Uint8Array | null => {
    const entry = documents.asLoaded(record)
    return entry ? documents.recordJson(entry.key) : null
  }
  let searchKey: string | null = null
  let related = full.related.current()
  /** What the search passes leave to remove once their files are written (a base's scratch folder), the retry's too. */
  const closing: Array<() => Promise<void>> = []
  const outcome = await runPass(
    full.pass,
    previous?.manifest ?? null,
    async (trusted) => {
      const plan = planSite(docs, config, (d) => outputKeys.get(d)!, knownLine, full.image, related, documents.readBody)
      related = plan.related
      const files = withPassthrough([...plan.files, ...assetFiles(config)], passthroughFiles(config))
      const offload = await renderOffload(full.pass, documents, docs)
      const searchFiles = trusted ? [...trusted.keys()].filter((p) => p.startsWith(`${SEARCH_DIR}/`)) : []
      searchKey = trusted ? (previous?.searchKey ?? null) : null
      if (!withSearch || !config.search) return { files, outputKeys, carried: searchFiles, offload }
      // A base index and a delta of what changed since (see `search/delta.ts`), or a new base.
      const sources = [...outputKeys].map(([doc, key]) => ({ key, doc: () => doc }))
      const search = await (
        await import('../search/incremental.js')
      ).startSearch(trusted ? (previous?.searchKey ?? null) : null, sources, config, full.pass.renderKey, documents.readBody)
      searchKey = search.key
      if (search.close) closing.push(search.close)
      return { files, outputKeys, carried: searchFiles.filter((p) => search.keeps(p)), later: search.files, offload }
    },
    { retryUntrusted: true, keep: (p) => mode === 'dev' && p.startsWith(`${SEARCH_DIR}/`) },
  ).finally(async () => {
    for (const close of closing) await close()
  })
  full.related.save(related)
  const archive = docs.map((d): ArchiveEntry => ({
    source: d.record.source,
    slug: d.record.slug,
    listingKey: listingKey(d.record),
    renamed: !documents.asLoaded(d.record),
  }))
  return { ...outcome, searchKey, archive, relatedId: related?.id ?? null, plan: { docs, keys: outputKeys } }
}
