/** Rule ids for content diagnostics: one place, so `check` output and docs stay in step. */
export const RULE = {
  frontMatterInvalid: 'front-matter-invalid',
  frontMatterNotObject: 'front-matter-not-object',
  frontMatterUnknownKey: 'front-matter-unknown-key',
  frontMatterType: 'front-matter-type',
  frontMatterUnfenced: 'front-matter-unfenced',
  reportFenceUnwrapped: 'report-fence-unwrapped',
  mdxMeta: 'mdx-meta',
  frontMatterTooLarge: 'front-matter-too-large',
  frontMatterListTooLong: 'front-matter-list-too-long',
  fileEmpty: 'file-empty',
  fileBinary: 'file-binary',
  fileEncoding: 'file-encoding',
  fileTooLarge: 'file-too-large',
  fileTooComplex: 'file-too-complex',
  fileUnreadable: 'file-unreadable',
  fileNameDuplicate: 'file-name-duplicate',
  tableTooLarge: 'table-too-large',
  fileSymlink: 'file-symlink-outside',
  slugDuplicate: 'slug-duplicate',
  slugInvalid: 'slug-invalid',
  aliasInvalid: 'alias-invalid',
  aliasConflict: 'alias-conflict',
  slugChanged: 'slug-changed',
  draftUnpublished: 'draft-unpublished',
  noTitle: 'no-title',
  noDate: 'no-date',
  noDuration: 'no-duration',
  impactEndBeforeStart: 'impact-end-before-start',
  impactDurationMismatch: 'impact-duration-mismatch',
  dateAmbiguous: 'date-ambiguous',
  dateInvalid: 'date-invalid',
  timeInvalid: 'time-invalid',
  timelineNoTime: 'timeline-no-time',
  timelineOrder: 'timeline-out-of-order',
  timelineEmpty: 'timeline-empty',
  multipleIncidents: 'multiple-incidents',
  zoneUnknown: 'zone-unknown',
  zoneMissing: 'zone-missing',
  tagInvalid: 'tag-invalid',
  nestingTooDeep: 'nesting-too-deep',
  htmlUnclosed: 'html-unclosed',
  imageRefused: 'image-refused',
  imageMissing: 'image-missing',
  linkUnresolved: 'link-unresolved',
  textControlCharacter: 'text-control-character',
  normalizeFailed: 'normalize-failed',
  configInvalid: 'config-invalid',
  buildFailed: 'build-failed',
} as const

export type RuleId = (typeof RULE)[keyof typeof RULE]

/** Rules whose error means the file is skipped (no page), as its content could not be bounded. */
export const SKIPPING_RULES: ReadonlySet<string> = new Set([RULE.frontMatterTooLarge])

/** Tags (and sites) one postmortem may carry; each one multiplies pages and feed entries. */
export const MAX_TAGS = 50

/** The search index's folder in the site (Pagefind's bundle). */
export const SEARCH_DIR = 'pagefind'

/** Source label for every vfile message Hindsight emits. */
export const MESSAGE_SOURCE = 'hindsight'

/** Files larger than this are refused with a diagnostic rather than parsed. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024

/** Extensions read from the content folder. */
export const CONTENT_EXTENSIONS = ['.md', '.markdown', '.txt'] as const

/** Bumped whenever the record or rendering changes shape, so stale caches are ignored (the cache key also holds the package version). */
export const PIPELINE_VERSION = 11
