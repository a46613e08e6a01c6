import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Eta } from 'eta'
import { DateTime } from 'luxon'
import { loadConfig } from '../config.js'
import { UsageError } from '../errors.js'
import { slugify } from '../site/paths.js'
import type { ResolvedConfig } from '../types.js'
import { parseCommand } from './spec.js'
import { packagePath } from '../package-root.js'

/** Template of a new postmortem, looked up in the project's templates and then in Hindsight's own. */
export const NEW_TEMPLATE = 'new.md.eta'

const BUNDLED_TEMPLATES = packagePath('templates')

/** The front-matter JSON Schema shipped with Hindsight, which editors (yaml-language-server) use to complete and check keys. */
export const FRONT_MATTER_SCHEMA = packagePath('schema', 'front-matter.schema.json')

/** What `new` was asked for; the title is required, the rest have defaults. */
export interface NewOptions {
  title: string
  site?: string
  tags?: string
  date?: string
  severity?: string
}

/** Renders a new postmortem from the template; returns its file name (`<date>-<slug>.md`) and text. */
export async function renderNewPostmortem(config: ResolvedConfig, options: NewOptions): Promise<{ fileName: string; text: string }> {
  const title = options.title.replace(/\s+/g, ' ').trim()
  if (!title) throw new UsageError('hindsight new: the title must not be empty')
  const date = options.date ?? DateTime.now().toISODate()
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !DateTime.fromISO(date).isValid)
    throw new UsageError(`hindsight new: --date must be a calendar date as YYYY-MM-DD, not \`${date}\``)
  const tags = (options.tags ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
  const own = path.join(config.templatesDir, NEW_TEMPLATE)
  const template = await readFile(existsSync(own) ? own : path.join(BUNDLED_TEMPLATES, NEW_TEMPLATE), 'utf8')
  // Markdown, not HTML: values are made safe for YAML by `yaml` (JSON is valid YAML), not HTML-escaped.
  const eta = new Eta({ autoEscape: false, autoTrim: false })
  const text = eta.renderString(template, {
    title,
    date,
    site: options.site?.trim() || null,
    tags,
    severity: options.severity?.trim() || null,
    timezone: config.defaultTimezone ?? 'UTC',
    // Relative to the new file (in the content folder), so the line works wherever the repository is checked out.
    schema: path.relative(config.contentDir, FRONT_MATTER_SCHEMA).split(path.sep).join('/'),
    yaml: (value: unknown) => JSON.stringify(value),
  })
  return { fileName: `${date}-${slugify(title)}.md`, text }
}

/** `hindsight new "Title" [--site S] [--tags a,b] [--date YYYY-MM-DD] [--severity S] [--content DIR]` */
export async function run(args: string[]): Promise<number> {
  const { values: raw, positionals } = parseCommand('new', args)
  const values = raw as { site?: string; tags?: string; date?: string; severity?: string; content?: string }
  if (positionals.length !== 1)
    throw new UsageError('hindsight new: give the title as one argument, e.g. hindsight new "Database failover took the API down" (see hindsight new --help)')
  const cwd = process.cwd()
  const config = loadConfig(cwd, { contentDir: values.content })
  const { fileName, text } = await renderNewPostmortem(config, { ...values, title: positionals[0] ?? '' })
  const target = path.join(config.contentDir, fileName)
  const shown = path.relative(cwd, target) || target
  await mkdir(config.contentDir, { recursive: true })
  try {
    await writeFile(target, text, { flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    console.error(`${shown} already exists; not overwritten. Choose another title or --date.`)
    return 1
  }
  console.log(shown)
  return 0
}
