/**
 * The edited-only pass: a warm build in which every edited postmortem shows the rest of the archive what it showed
 * before (same slug, same listing key, see `site/listing-key.ts`) writes only its own page and JSON and the export
 * (the last export with its lines replaced, `export-splice.ts`); nothing else is planned and the other documents are
 * not read. About 1 s of 3 s at 10,000 postmortems.
 */
import path from 'node:path'
import { renamedDocument } from '../dedupe-slugs.js'
import { CacheError } from '../errors.js'
import { exportJson, ownFiles, type ArchiveDocument, type ImageContent, type PlannedFile } from '../site/pages.js'
import { exportKey } from '../site/key-digest.js'
import { listingKey } from '../site/listing-key.js'
import { isHidden } from '../site/publish.js'
import { referenceDiagnostics, slugsBySource } from '../site/references.js'
import type { RelatedSnapshot } from '../site/related.js'
import { MissingOutputError } from '../site/write.js'
import type { RecordHead, ResolvedConfig } from '../types.js'
import type { DocumentSet } from './documents.js'
import type { Input } from './inputs.js'
import { runPass, type PassContext } from './pass.js'
import type { RelatedStore } from './related-store.js'
import type { ArchiveEntry, BuildState, ManifestEntry } from './state.js'
import type { FileReport } from './types.js'
import { SEARCH_DIR } from '../constants.js'
import { splicedExport } from './export-splice.js'
import { createPlanHasher } from './plan-key.js'
import { debug } from '../debug.js'

/** The JSON export's path in the site. */
const EXPORT = 'postmortems.json'

/** What the edited-only pass did: the files written, and the state the next build needs. */
export interface EditedOutcome {
  written: string[]
  manifest: Map<string, ManifestEntry>
  reports: FileReport[]
  searchKey: string | null
}

/**
 * Whether an edited document still shows the rest of the archive what its archive entry says it showed: a hidden
 * draft leaves pages, and an alias's redirect is checked against the whole archive, so both need the full pass.
 */
export function showsTheSame(entry: ArchiveEntry | undefined, record: RecordHead | undefined, config: ResolvedConfig): boolean {
  if (!entry || entry.renamed || !record || isHidden(record, config) || record.aliases) return false
  return record.slug === entry.slug && listingKey(record) === entry.listingKey
}

/** Whether the related-incidents snapshot is the one the last build planned its pages with, for the same archive. */
export const snapshotHolds = (snapshot: RelatedSnapshot | null, last: BuildState, archive: ArchiveEntry[]): snapshot is RelatedSnapshot =>
  snapshot !== null && snapshot.id === last.relatedId && snapshot.slugs.length === archive.length

/** What the edited-only pass works with. */
export interface EditedPass {
  pass: PassContext
  documents: DocumentSet
  related: RelatedStore
  image: ImageContent
  /** Whether an image is under content/, by its path there (for the archive-wide link and image checks). */
  imageExists: (source: string) => boolean
}

/**
 * The JSON export: the last one with the edited postmortems' lines replaced when the last manifest says it was made
 * from the last archive with the last document keys (as every output the edited-only pass keeps), else every line.
 */
function exportFile(
  pass: PassContext,
  last: BuildState,
  archive: ArchiveEntry[],
  keys: ReadonlyMap<string, string>,
  changed: number[],
  line: (entry: ArchiveEntry) => string | Uint8Array,
): PlannedFile {
  const keyWith = (of: (source: string) => string | undefined): string => exportKey(archive.map(({ source, slug }) => `${of(source)}/${slug}`))
  const file: PlannedFile = { path: EXPORT, key: keyWith((s) => keys.get(s)), content: () => exportJson(archive, line) }
  const lastFile = { ...file, key: keyWith((s) => last.inputs.get(s)?.key) }
  if (last.manifest.get(EXPORT)?.inputHash !== createPlanHasher([], pass.renderKey)(lastFile)) return file
  const replaced = new Map(changed.map((i) => [i, () => line(archive[i]!)]))
  return { ...file, content: () => splicedExport(path.join(pass.config.outDir, EXPORT), archive.length, replaced) }
}

/** Builds the edited postmortems alone, or returns null when that does not hold (then the full pass follows). */
export async function editedPass(edited: EditedPass, last: BuildState, inputs: Input[], changed: Input[]): Promise<EditedOutcome | null> {
  const { documents, pass } = edited
  const archive = last.archive!
  const at = new Map(archive.map((entry, i) => [entry.source, i]))
  const keys = new Map(inputs.map((i) => [i.source, i.stamp.key]))
  await documents.load(changed)
  const changedDocs: ArchiveDocument[] = []
  for (const input of changed) {
    const doc = documents.loaded.get(input.source)?.doc.document
    if (!doc || !showsTheSame(archive[at.get(input.source) ?? -1], doc.record, pass.config)) {
      debug('edited-only declined: %s shows other pages something new (slug, listing key, draft or aliases)', input.source)
      return null
    }
    changedDocs.push(doc)
  }
  const snapshot = edited.related.current()
  if (!snapshotHolds(snapshot, last, archive)) {
    debug("edited-only declined: the related-incidents snapshot is not the last build's")
    return null
  }
  const reports = new Map(last.reports.map((r) => [r.source, r]))
  /** A postmortem as the last build published it (renamed ones as slug deduplication renamed them). */
  const published = ({ source, slug, renamed }: ArchiveEntry): ArchiveDocument => {
    let doc = documents.loaded.get(source)?.doc
    if (!doc) {
      doc = documents.cached(keys.get(source)!) ?? undefined
      if (doc) documents.loaded.set(source, { key: keys.get(source)!, doc })
    }
    if (!doc?.document) throw new CacheError(`The cached document of ${source} is gone from ${pass.config.cacheDir}; build again`)
    return renamed ? renamedDocument(documents.readBody(doc.document), slug, reports.get(source)!.diagnostics) : doc.document
  }
  const bySlug = new Map(archive.map((entry) => [entry.slug, entry]))
  const slugOf = slugsBySource(archive.map(({ source, slug }) => ({ record: { source, slug } })))
  const keyOf = (d: ArchiveDocument): string => `${keys.get(d.record.source)}/${d.record.slug}`
  try {
    const planned: PlannedFile[] = []
    for (const doc of changedDocs) {
      const i = at.get(doc.record.source)!
      if (snapshot.slugs[i] !== doc.record.slug) {
        debug('edited-only declined: the related snapshot has another slug at %s', doc.record.source)
        return null
      }
      planned.push(
        ...ownFiles(
          doc,
          keyOf,
          snapshot.related[i]!.map((slug) => published(bySlug.get(slug)!)),
          edited.image,
          slugOf,
          documents.readBody,
        ),
      )
      const checked = referenceDiagnostics(doc.record.source, doc.refs ?? [], { slugOf, imageExists: edited.imageExists })
      reports.set(doc.record.source, { source: doc.record.source, slug: doc.record.slug, diagnostics: [...doc.record.diagnostics, ...checked] })
    }
    const line = (entry: ArchiveEntry): string | Uint8Array =>
      (entry.renamed ? null : documents.recordJson(keys.get(entry.source)!)) ?? JSON.stringify(documents.readBody(published(entry)).record)
    const changedAt = changedDocs.map((d) => at.get(d.record.source)!)
    planned.push(exportFile(pass, last, archive, keys, changedAt, line))
    // Search: a delta beside the base index, or the full pass when the base must be rebuilt.
    const sources = archive.map((entry) => ({ key: `${keys.get(entry.source)}/${entry.slug}`, doc: () => published(entry) }))
    const search = pass.config.search
      ? await (
          await import('../search/incremental.js')
        ).startDeltaSearch(last.searchKey, sources, pass.config, pass.renderKey, documents.readBody, {
          // The page, its JSON and the export are written while the indexer runs (about 0.1 s of a quiet one-edit build).
          deferred: true,
        })
      : null
    if (pass.config.search && !search) {
      debug('edited-only declined: the search base must be rebuilt')
      return null
    }
    // The search files neither kept by the delta nor written again are removed; the rest of the last output stands.
    const gone = (p: string): boolean => p.startsWith(`${SEARCH_DIR}/`) && !!search && !search.keeps(p)
    const plan = async () => ({ files: planned, later: search?.files ?? null })
    const outcome = await runPass(pass, last.manifest, plan, { partial: true, removeUnplanned: gone })
    return { written: outcome.written, manifest: outcome.manifest, reports: [...reports.values()], searchKey: search?.key ?? last.searchKey }
  } catch (error) {
    // A kept file gone from site/ or a cached document gone from the cache folder: the full pass deals with each.
    if (error instanceof MissingOutputError || error instanceof CacheError) {
      debug('edited-only declined: %s', error.message)
      return null
    }
    throw error
  }
}
