/**
 * What a build publishes of the loaded documents: drafts left out (unless the config publishes them), slugs made
 * unique, and alias conflicts reported; shared by `build`, `dev` and `check` so all three agree.
 */
import type { FileReport } from '../build/types.js'
import { dedupeSlugs } from '../dedupe-slugs.js'
import { RULE } from '../constants.js'
import type { LoadedDocument } from '../document.js'
import { problem } from '../normalize/diagnostics.js'
import type { Diagnostic, RecordHead, ResolvedConfig } from '../types.js'
import { wholeDocument, type ArchiveDocument, type BodyReader, type SiteDocument } from './site-document.js'
import { referenceDiagnostics, slugsBySource } from './references.js'
import { resolveRedirects } from './redirects.js'

/** Whether this build leaves the postmortem out: a draft, unless drafts are published (`build --drafts`, `dev`). */
export const isHidden = (record: RecordHead, config: Pick<ResolvedConfig, 'drafts'>): boolean => record.draft === true && !config.drafts

/** Said of each draft a build leaves out, so `check` and the build summary tell a draft from a file that failed. */
const DRAFT_NOTE: Diagnostic = problem(
  'info',
  'A draft (`draft: true` or `published: false`): left out of the published site; `hindsight dev` and `hindsight build --drafts` show it',
  RULE.draftUnpublished,
)

/**
 * The published documents (in the given order, slugs deduplicated) and every file's report: a hidden draft keeps its
 * diagnostics, and a note saying it is a draft, with no slug, and takes no slug from a published postmortem; an alias
 * conflict is a warning on its file, and so are a link to a Markdown file that is no published postmortem and (given
 * `imageExists`) an image that is not there. `reserved`: top-level names the site writes besides RESERVED_SLUGS (static files).
 */
export function selectPublished<D extends ArchiveDocument>(
  loaded: Array<LoadedDocument<D>>,
  config: Pick<ResolvedConfig, 'drafts'>,
  reserved: readonly string[] = [],
  imageExists?: (source: string) => boolean,
  body: BodyReader = wholeDocument,
): { documents: Array<D | SiteDocument>; reports: FileReport[] } {
  const hidden = new Set(loaded.filter((l) => l.document !== null && isHidden(l.document.record, config)))
  const shown = hidden.size ? loaded.filter((l) => !hidden.has(l)) : loaded
  const { documents, reports } = dedupeSlugs(shown, reserved, body)
  const { problems } = resolveRedirects(documents.map((d) => d.record))
  const extra = new Map<string, FileReport['diagnostics']>()
  for (const { source, diagnostic } of problems) extra.set(source, [...(extra.get(source) ?? []), diagnostic])
  const archive = { slugOf: slugsBySource(documents), imageExists }
  for (const doc of documents) {
    const found = referenceDiagnostics(doc.record.source, doc.refs ?? [], archive)
    if (found.length) extra.set(doc.record.source, [...(extra.get(doc.record.source) ?? []), ...found])
  }
  const all: FileReport[] = reports.map((r) => (extra.has(r.source) ? { ...r, diagnostics: [...r.diagnostics, ...extra.get(r.source)!] } : r))
  for (const l of hidden) all.push({ source: l.source, slug: null, diagnostics: [...l.diagnostics, DRAFT_NOTE] })
  return { documents, reports: all }
}
