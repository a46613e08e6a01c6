import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { IANAZone } from 'luxon'
import { validateConfig } from './config-schema.js'
import { ConfigError, OutputError } from './errors.js'
import type { Config, RepositoryConfig, ResolvedConfig } from './types.js'

/** Name of the config file looked for at the project root. */
export const CONFIG_FILE = 'hindsight.config.json'

/** Default vocabulary for derived tags: tag to words (lower-case, word-prefix match) that suggest it. */
export const DEFAULT_TAG_VOCABULARY: Record<string, string[]> = {
  database: ['database', 'mysql', 'postgres', 'postgresql', 'sql', 'table', 'index', 'replica', 'mariadb', 'mongodb'],
  migration: ['migration', 'migrate', 'upgrade', 'schema change'],
  deploy: ['deploy', 'deployment', 'release', 'rollout', 'rolled back', 'rollback'],
  dns: ['dns', 'resolver', 'nameserver', 'domain name'],
  network: ['network', 'subnet', 'load balancer', 'latency', 'packet', 'ip address', 'firewall'],
  configuration: ['configuration', 'config', 'misconfiguration', 'setting'],
  capacity: ['capacity', 'scaling', 'scale up', 'out of memory', 'oom', 'overload', 'traffic spike'],
  storage: ['disk', 'storage', 'space', 'volume', 'backup', 'filesystem', 'mount'],
  certificate: ['certificate', 'tls', 'ssl', 'expired cert'],
  authentication: ['authentication', 'login', 'credential', 'token', 'password', 'oauth', 'sso'],
  'third-party': ['provider', 'vendor', 'upstream', 'third-party', 'third party', 'hosting provider', 'aws', 'azure', 'gcp'],
  security: ['security', 'leak', 'leaked', 'vulnerability', 'exploit'],
}

/** Every default in one place; `loadConfig` layers the file and the overrides on top. */
export function defaultConfig(): Required<Config> {
  return {
    title: 'Postmortem archive',
    description: '',
    url: '',
    base: '/',
    contentDir: 'content',
    outDir: 'site',
    templatesDir: 'templates',
    cacheDir: '.hindsight/cache',
    staticDir: 'static',
    logo: null,
    favicon: null,
    pageSize: 50,
    sites: {},
    tagVocabulary: DEFAULT_TAG_VOCABULARY,
    defaultTimezone: null,
    search: true,
    drafts: false,
    repository: null,
  }
}

/** Checks a config object against the schema, then what a schema cannot say (a real IANA zone). */
function validate(raw: unknown, where: string): Config {
  const config = validateConfig(raw, where)
  if (typeof config.defaultTimezone === 'string' && !IANAZone.isValidZone(config.defaultTimezone)) {
    throw new ConfigError(`${where}: \`defaultTimezone\` must be an IANA zone such as Europe/Berlin or UTC, not ${JSON.stringify(config.defaultTimezone)}`)
  }
  return config
}

/** Normalises a base path to `/`, or `/prefix/` with both slashes. */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '')
  return trimmed ? `/${trimmed}/` : '/'
}

/** Loads `hindsight.config.json` from `cwd` (if any), applies defaults and overrides, resolves paths. */
export function loadConfig(cwd: string, overrides: Config = {}): ResolvedConfig {
  const root = path.resolve(cwd)
  const file = path.join(root, CONFIG_FILE)
  let fromFile: Config = {}
  let configFile: string | null = null
  if (existsSync(file)) {
    configFile = file
    const shown = path.relative(process.cwd(), file)
    const where = shown && !shown.startsWith('..') ? shown : file
    let parsed: unknown
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'))
    } catch (cause) {
      throw new ConfigError(`${where}: cannot parse JSON (${(cause as Error).message})`, { cause })
    }
    fromFile = validate(parsed, where)
  }
  const given = validate(stripUndefined(overrides), 'command-line options')
  const merged = { ...defaultConfig(), ...fromFile, ...given }
  return {
    root,
    configFile,
    title: merged.title,
    description: merged.description,
    url: merged.url.replace(/\/+$/, ''),
    base: normalizeBase(merged.base),
    contentDir: path.resolve(root, merged.contentDir),
    outDir: path.resolve(root, merged.outDir),
    templatesDir: path.resolve(root, merged.templatesDir),
    cacheDir: path.resolve(root, merged.cacheDir),
    staticDir: path.resolve(root, merged.staticDir),
    logo: fileOrUrl(root, merged.logo),
    favicon: fileOrUrl(root, merged.favicon),
    pageSize: merged.pageSize,
    sites: merged.sites,
    tagVocabulary: merged.tagVocabulary,
    defaultTimezone: merged.defaultTimezone,
    search: merged.search,
    drafts: merged.drafts,
    repository: resolveRepository(merged.repository, root, path.resolve(root, merged.contentDir)),
  }
}

/**
 * The `repository` key as the two link templates pages fill with a postmortem's path: a template string is the edit
 * link (its view link is the same address with `/edit/` read as `/blob/`, when it has one); an object gives the
 * repository's address and branch, with GitHub's (or, on a GitLab host, GitLab's) paths unless `view`/`edit` say otherwise.
 */
export function resolveRepository(value: RepositoryConfig | null, root: string, contentDir: string): ResolvedConfig['repository'] {
  if (!value) return null
  const rel = path.relative(root, contentDir).split(path.sep).join('/')
  const prefix = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? `${rel}/` : ''
  if (typeof value === 'string') return { edit: value, view: value.includes('/edit/') ? value.replace('/edit/', '/blob/') : null, prefix }
  const url = value.url.replace(/\/+$/, '')
  const branch = value.branch ?? 'main'
  const dash = /gitlab/i.test(new URL(url).hostname) ? '/-' : ''
  const fill = (template: string): string => template.replaceAll('{url}', url).replaceAll('{branch}', branch)
  return { view: fill(value.view ?? `{url}${dash}/blob/{branch}/{path}`), edit: fill(value.edit ?? `{url}${dash}/edit/{branch}/{path}`), prefix }
}

/** A config value naming a file (resolved against the root) or an http(s) URL (kept as is); empty means none. */
function fileOrUrl(root: string, value: string | null): string | null {
  if (!value) return null
  return /^https?:\/\//i.test(value) ? value : path.resolve(root, value)
}

/** Refuses a content folder that does not exist (a typo in `--content` or `contentDir`), naming it, before a build starts. */
export function assertContentDir(config: Pick<ResolvedConfig, 'contentDir'>): void {
  let isDir = false
  try {
    isDir = statSync(config.contentDir).isDirectory()
  } catch {
    // missing: reported below
  }
  if (isDir) return
  const rel = path.relative(process.cwd(), config.contentDir)
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : config.contentDir
  throw new OutputError(
    `The content folder ${shown} ${existsSync(config.contentDir) ? 'is not a folder' : 'does not exist'}; point --content or contentDir at your postmortems`,
  )
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
