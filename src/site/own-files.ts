/** A postmortem's own files (its page, its JSON, its local images), planned; and the one way its page and JSON are made. */
import type { RecordHead, PostmortemRecord } from '../types.js'
import { imageSource } from './images.js'
import { keyDigest } from './key-digest.js'
import { listingKey } from './listing-key.js'
import type { DocumentKeys, ImageContent, PlannedFile, SitePlan } from './pages.js'
import { postmortemView, type RecordLink } from './postmortem-view.js'
import { markdownTarget, slugsBySource } from './references.js'
import { relatedIncidents, sharedFeatures, type RelatedSnapshot } from './related.js'
import { shownTitle } from './shown-title.js'
import { wholeDocument, type ArchiveDocument, type BodyReader, type SiteDocument } from './site-document.js'

/**
 * What a postmortem's page or JSON is made from, for a renderer on another thread: the document (whose body the builder
 * locates in its cache) and, for the page, its related postmortems' links (worked out when asked, as the page's data is).
 */
export interface OwnFileJob {
  kind: 'page' | 'json'
  doc: ArchiveDocument
  related: () => RecordLink[]
}

/** Where a page's links and images point on the site: the base path, its source, each published postmortem's slug by its source. */
export interface PageSite {
  base: string
  source: string
  slugOf: (source: string) => string | undefined
}

/** The postmortem template's data for a document whole: the one way a page's data is made, on the main thread or a worker. */
export const postmortemPageData = (whole: SiteDocument, related: RecordLink[], site: PageSite): Record<string, unknown> => ({
  record: whole.record,
  view: postmortemView(whole.record, whole.html, related, site),
})

/** A postmortem's `postmortem.json`: its record whole, indented. */
export const postmortemJson = (record: PostmortemRecord): string => JSON.stringify(record, null, 2) + '\n'

/** Plans the page and JSON of each postmortem (or of those in `only`); `docs` in archive order. */
export function postmortemFiles(
  docs: ArchiveDocument[],
  keyOf: DocumentKeys,
  only?: ReadonlySet<string>,
  image?: ImageContent,
  related: RelatedSnapshot | null = null,
  body: BodyReader = wholeDocument,
): SitePlan {
  const bySlug = new Map(docs.map((d) => [d.record.slug, d]))
  const near = relatedIncidents(
    docs.map((d) => d.record),
    5,
    only,
    related,
  )
  const slugs = slugsBySource(docs)
  const files = docs
    .filter((d) => !only || only.has(d.record.slug))
    .flatMap((doc) =>
      ownFiles(
        doc,
        keyOf,
        (near.bySlug.get(doc.record.slug) ?? []).map((slug) => bySlug.get(slug)!),
        image,
        slugs,
        body,
      ),
    )
  return { files, related: near.snapshot }
}

/** The slugs a postmortem's Markdown links resolve to, for its page key: a renamed or removed target renders it again. */
function linkedSlugs(doc: ArchiveDocument, slugOf: (source: string) => string | undefined): string {
  return (doc.refs ?? [])
    .flatMap((ref) => {
      const target = ref.kind === 'link' ? markdownTarget(doc.record.source, ref.url) : null
      return target ? [`${target.source}=${slugOf(target.source) ?? ''}`] : []
    })
    .join(' ')
}

/**
 * A postmortem's page, JSON and local images, given its related postmortems: the page is keyed by the document and
 * by what it shows of the others (their listing keys), so an edit elsewhere that changes none of that leaves it alone.
 * The page and JSON carry `own`, what a renderer on another thread makes them from.
 */
export function ownFiles(
  doc: ArchiveDocument,
  keyOf: DocumentKeys,
  near: ArchiveDocument[],
  image: ImageContent = () => null,
  slugOf: (source: string) => string | undefined = () => undefined,
  body: BodyReader = wholeDocument,
): PlannedFile[] {
  const { record } = doc
  const link = (to: RecordHead): RecordLink => ({ slug: to.slug, title: shownTitle(to), date: to.date, shared: sharedFeatures(record, to) })
  const links = (): RecordLink[] => near.map((d) => link(d.record))
  const images = (doc.images ?? []).flatMap((rel) => {
    const content = image(imageSource(record.source, rel))
    // No key: an image is read and compared by its bytes each full build, as its file is not a document.
    return content ? [{ path: `${record.slug}/${rel}`, content, source: record.source }] : []
  })
  return [
    ...images,
    {
      path: `${record.slug}/index.html`,
      source: record.source,
      template: 'postmortem',
      key: keyDigest(`${keyOf(doc)} ${near.map((d) => `${d.record.slug}=${listingKey(d.record)}`).join(' ')}\0${linkedSlugs(doc, slugOf)}`),
      data: (site) => postmortemPageData(body(doc), links(), { base: site.base, source: record.source, slugOf }),
      own: { kind: 'page', doc, related: links },
    },
    {
      path: `${record.slug}/postmortem.json`,
      source: record.source,
      key: keyOf(doc),
      content: () => postmortemJson(body(doc).record),
      own: { kind: 'json', doc, related: () => [] },
    },
  ]
}
