import { RULE, SKIPPING_RULES } from './constants.js'
import { decodeContent } from './content/decode.js'
import { problem } from './normalize/diagnostics.js'
import { normalizeDocument, type NormalizeOptions } from './normalize/index.js'
import { imagesOf } from './site/images.js'
import type { Diagnostic } from './types.js'
import type { ArchiveDocument, SiteDocument } from './site/pages.js'

/**
 * One content file after decoding and normalizing: a document, or the diagnostics saying why not. The document is
 * whole when normalized here; the builder's may be a cached summary's (`ArchiveDocument`, see `build/summaries.ts`).
 */
export interface LoadedDocument<D extends ArchiveDocument = SiteDocument> {
  source: string
  document: D | null
  diagnostics: Diagnostic[]
}

/** Decodes and normalizes one content file's bytes; the single entry point shared by build, check, inspect and tests. */
export function loadDocument(source: string, bytes: Uint8Array, options: NormalizeOptions): LoadedDocument {
  try {
    return load(source, bytes, options)
  } catch (error) {
    // The normalizer reports its own failures; this catches the stages around it, so one file never stops a build.
    const reason = error instanceof Error ? error.message : String(error)
    return {
      source,
      document: null,
      diagnostics: [problem('error', `Hindsight could not read ${source} (${reason.slice(0, 200)}); please report it with the file`, RULE.normalizeFailed)],
    }
  }
}

function load(source: string, bytes: Uint8Array, options: NormalizeOptions): LoadedDocument {
  options.clock?.begin()
  const decoded = decodeContent(bytes)
  options.clock?.lap('decode')
  if (decoded.text === null) return { source, document: null, diagnostics: decoded.diagnostics }
  const { record, html, refs } = normalizeDocument(source, decoded.text, options)
  record.diagnostics.unshift(...decoded.diagnostics)
  if (record.diagnostics.some((d) => d.severity === 'error' && SKIPPING_RULES.has(d.ruleId))) return { source, document: null, diagnostics: record.diagnostics }
  const { images, refused } = imagesOf(html)
  for (const src of refused) record.diagnostics.push(refusedImage(src, decoded.text))
  options.clock?.lap('images')
  return { source, document: { record, html, images, refs }, diagnostics: record.diagnostics }
}

/** The warning for an image path that leaves the postmortem's folder (or takes a page file's name), placed where the text names it. */
function refusedImage(src: string, text: string): Diagnostic {
  const at = text.indexOf(src)
  const before = at >= 0 ? text.slice(0, at) : ''
  const place = at >= 0 ? { line: before.split('\n').length, column: at - before.lastIndexOf('\n') } : { line: 1, column: 1 }
  const reason = `Image \`${src}\` is not copied into the site: it must lie in the postmortem's folder or below it (not under \`index.html/\` or \`postmortem.json/\`); move it there`
  return problem('warning', reason, RULE.imageRefused, place)
}

/** Slug deduplication lives in a light module (the cached build path must not load the Markdown stack); re-exported here. */
export { dedupeSlugs } from './dedupe-slugs.js'
