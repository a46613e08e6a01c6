/**
 * Shared types: the postmortem record (a public contract, see schema/postmortem.schema.json),
 * configuration, and the per-document state kept on each VFile.
 */

/** Canonical section keys that every postmortem is mapped onto, whatever its headings say. */
export type CanonicalSectionKey =
  'summary' | 'impact' | 'rootCause' | 'trigger' | 'detection' | 'resolution' | 'timeline' | 'actionItems' | 'lessonsLearned' | 'conclusion'

/** One section of the document, in document order. */
export interface Section {
  /** Canonical key when the heading maps onto one, otherwise `null`. */
  key: CanonicalSectionKey | null
  /** Anchor id on the postmortem page (unique within the document). */
  id: string
  /** How sure the mapping onto `key` is (1 for a known wording, less for one read from its words); absent when `key` is null. */
  confidence?: number
  /** Heading as the author wrote it, without trailing colon or markup. */
  heading: string
  /** Plain text of the section body. */
  text: string
  /** Sanitised HTML of the section body. */
  html: string
  /** 1-based line of the heading in the source file. */
  line: number
}

/** One event of the incident's timeline. */
export interface TimelineEntry {
  /** ISO 8601 with offset when date, time and zone are known, else `null`. */
  at: string | null
  /** `YYYY-MM-DD` as far as known, else `null`. */
  date: string | null
  /** `HH:MM` (24-hour, local to the incident's zone) as far as known, else `null`. */
  time: string | null
  /** Event text, plain. */
  text: string
  /** 1-based line in the source file. */
  line: number
  /** `YYYY-MM` when the text gives only the month (`2015-10: …`, `March 2016 – …`); `date` and `time` are then null. */
  month?: string
  /** `prose` when the document has no timeline and the event is a clock time read from its paragraphs. */
  from?: 'prose'
  /** The end of an event written as a range (`10:05 to 10:40`); absent otherwise. */
  end?: Moment
}

/** A point in time as the text gives it: any of its parts may be unknown. */
export interface Moment {
  /** ISO 8601 with offset when date, time and zone are known, else `null`. */
  at: string | null
  /** `YYYY-MM-DD` (local to the incident's zone) when the text gives the day, else `null`. */
  date: string | null
  /** `HH:MM` (24-hour, local) when the text gives the time, else `null`. */
  time: string | null
}

/** How the impact window is known: stated in prose or a stats section, marked by timeline events, or only the timeline's span. */
export type ImpactSource = 'stated' | 'marked' | 'timeline'

/** When users were affected: start, end and duration, each as far as the text tells. */
export interface ImpactWindow {
  start: Moment | null
  end: Moment | null
  durationMinutes: number | null
  /** Best evidence the window rests on; `null` when nothing is known. */
  source: ImpactSource | null
}

/** A follow-up the authors committed to. */
export interface ActionItem {
  text: string
  /** Kind as the author typed it, lower-cased (`fix`, `improvement`, `todo`, `task`...), else `null`. */
  kind: string | null
  /** `true`/`false` from a task-list checkbox or a status column, `null` when not stated. */
  done: boolean | null
  owner: string | null
  /** Priority as stated: `P0`..`P4` upper-cased, words (`high`, `low`...) lower-cased, else the table cell; `null` when not stated. */
  priority: string | null
  /** When it is due, present only when stated: `YYYY-MM-DD` for a full date, else as written (`Q3`, `next sprint`). */
  due?: string
  /** Where it stands, present whenever `done` is not null (`done` is `true` exactly when this is `done`). */
  status?: ActionState
  /** The author's own status word ("In Review", "FAILED", "Won't fix"), present only when one was written. */
  statusText?: string
}

/** Where an action item stands: a small closed set every page can group and filter by. */
export type ActionState = 'open' | 'in-progress' | 'blocked' | 'done' | 'wont-do'

/** Lessons learned, split the way the Google SRE template splits them, plus the lessons a document lists without that split. */
export interface Lessons {
  wentWell: string[]
  wentWrong: string[]
  gotLucky: string[]
  /** Lessons under a plain "Lessons learned" heading (or its wordings), not sorted into the three above. */
  learned: string[]
}

/** A point of the incident's life cycle (detected, mitigated, resolved). */
export interface Phase {
  /** ISO 8601 with offset. */
  at: string
  /** `true` when inferred from timeline wording rather than stated (front matter or a stats section). */
  inferred: boolean
}

/** Response metrics, measured from the impact's start. */
export interface Metrics {
  detected: Phase | null
  mitigated: Phase | null
  resolved: Phase | null
  timeToDetectMinutes: number | null
  timeToMitigateMinutes: number | null
  timeToResolveMinutes: number | null
  /** Minutes between the first and the last timed timeline event. */
  timelineSpanMinutes: number | null
}

export type DiagnosticSeverity = 'error' | 'warning' | 'info'

/** Something the normalizer could not understand, with its place in the source. */
export interface Diagnostic {
  severity: DiagnosticSeverity
  message: string
  /** 1-based; `null` only for problems that concern the whole file. */
  line: number | null
  column: number | null
  ruleId: string
}

/** The normalized form of one postmortem, whatever shape it was written in. */
export interface PostmortemRecord {
  slug: string
  /** Path under the content folder, with `/` separators. */
  source: string
  /** The document's own title, `null` when it has none. */
  title: string | null
  /** Title to show when the author's names no incident (only a number, date or "Postmortem"): derived from the summary. */
  displayTitle?: string
  /** `true` when `displayTitle` was derived rather than written by the author. */
  titleDerived?: boolean
  /** BCP 47 tag of the text's language when it is not English (`de`, `fr`, `ja`); absent for English or when unsure. */
  language?: string
  summary: string
  /** Day the impact began (`YYYY-MM-DD`), `YYYY-MM` when the text names only the month, `null` when it does not say. */
  date: string | null
  /** Day the postmortem was published, from front matter or a `YYYY-MM-DD-` file name. */
  published: string | null
  /** `impact.start.at`: the impact's start as ISO 8601 with offset, `null` without a zone. */
  start: string | null
  /** `impact.end.at`. */
  end: string | null
  /** `impact.durationMinutes`. */
  durationMinutes: number | null
  /** The incident window: when users were affected, and how that is known. */
  impact: ImpactWindow
  /** Zone as written (`CEST`, `Pacific Time`, `Europe/Berlin`). */
  timezone: string | null
  /** Offset of that zone at the incident (`+02:00`). */
  utcOffset: string | null
  /** Tags the author gave, normalised to lower-case. */
  tags: string[]
  /** Tags derived from the text when the author gave none; never mixed into `tags`. */
  derivedTags: string[]
  /**
   * Cause categories derived from the root-cause and trigger sections (ids of `docs/cause-categories.md`: `dns`,
   * `deploy`...), in the documented order; never written by the author. Present only when the text suggests any.
   */
  derivedCauses?: string[]
  /** Sites (teams, services or locations) the postmortem belongs to. */
  site: string[]
  authors: string[]
  severity: string | null
  sections: Section[]
  timeline: TimelineEntry[]
  actionItems: ActionItem[]
  lessons: Lessons
  metrics: Metrics
  diagnostics: Diagnostic[]
  /** Present (`true`) only for a draft (`draft: true` or `published: false`): left out of published builds. */
  draft?: true
  /** Present only when front matter gives old addresses (`aliases`, `redirect_from`): site-relative paths redirecting here. */
  aliases?: string[]
}

/** Record fields only a postmortem's own page and JSON and the search index read (action items are in the head: the stats and action items pages read every record's). */
export type BodyField = 'sections' | 'timeline' | 'lessons'

/** A record without its body fields: what a cached summary holds, and all that planning reads of most documents. */
export type RecordHead = Omit<PostmortemRecord, BodyField>

/** Configuration as written in `hindsight.config.json`; every field is optional. */
export interface Config {
  /** Archive title shown in the header and feeds. Default: `"Postmortem archive"`. */
  title?: string
  /** One-sentence description for the home page and feeds. Default: `""`. */
  description?: string
  /** Absolute site URL for feeds, sitemap and canonical links, e.g. `https://example.com`. Default: `""` (relative). */
  url?: string
  /** Path prefix the site is served under, e.g. `/archive/`. Default: `"/"`. */
  base?: string
  /** Folder of postmortems. Default: `"content"`. */
  contentDir?: string
  /** Output folder. Default: `"site"`. */
  outDir?: string
  /** Folder of eta templates. Default: `"templates"`. */
  templatesDir?: string
  /** Folder for the build cache (keep it between CI runs). Default: `".hindsight/cache"`. */
  cacheDir?: string
  /** Folder copied verbatim to the site root on every build (CNAME, favicon.ico, verification files). Default: `"static"`. */
  staticDir?: string
  /** Image shown in the header beside the title: a file path relative to the project root, or an http(s) URL. Default: `null`. */
  logo?: string | null
  /** Icon of the site's pages: a file path relative to the project root (copied to the site root), or an http(s) URL. Default: `null`. */
  favicon?: string | null
  /** Entries per index page. Default: `50`. */
  pageSize?: number
  /** Display names of sites, keyed by site id. Default: `{}`. */
  sites?: Record<string, string>
  /** Vocabulary for derived tags: tag to words that suggest it. Default: the built-in vocabulary. */
  tagVocabulary?: Record<string, string[]>
  /** IANA zone assumed when a postmortem names none. Default: `null` (times stay zone-less). */
  defaultTimezone?: string | null
  /** Build the Pagefind search index. Default: `true`. */
  search?: boolean
  /** Publish drafts (`draft: true`, `published: false`) with a "Draft" banner, for a preview deploy. Default: `false` (`dev`: `true`). */
  drafts?: boolean
  /**
   * Where the postmortems' sources live, for "View source" and "Edit this page" links: an edit-URL template with
   * `{path}` (`https://github.com/acme/pm/edit/main/{path}`), or `{ url, branch, view, edit }`. Default: `null` (no links).
   */
  repository?: RepositoryConfig | null
}

/** The `repository` config key: an edit-URL template with `{path}`, or the repository's address with optional templates. */
export type RepositoryConfig = string | { url: string; branch?: string; view?: string; edit?: string }

/** Configuration with every default applied and every path absolute. */
export interface ResolvedConfig {
  /** Project root the config was loaded from. */
  root: string
  /** Config file path, `null` when defaults only. */
  configFile: string | null
  title: string
  description: string
  url: string
  base: string
  contentDir: string
  outDir: string
  templatesDir: string
  cacheDir: string
  staticDir: string
  /** Absolute file path or http(s) URL, or null. */
  logo: string | null
  /** Absolute file path or http(s) URL, or null. */
  favicon: string | null
  pageSize: number
  sites: Record<string, string>
  tagVocabulary: Record<string, string[]>
  defaultTimezone: string | null
  search: boolean
  drafts: boolean
  /** Link templates with `{path}` (the source's path in the repository: `prefix` + its path under content/), or null. */
  repository: { view: string | null; edit: string | null; prefix: string } | null
}

/** Front matter as split from the document. */
export interface Matter {
  data: Record<string, unknown>
  /** `yaml`, `toml`, or `null` when the document has none. */
  language: 'yaml' | 'toml' | null
  /** Number of lines the front matter block occupies (body line offset). */
  lines: number
}
