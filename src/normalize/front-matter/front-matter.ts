/**
 * Front matter split from the body: YAML (`---`, via gray-matter) or TOML (`+++`, via smol-toml). Broken or
 * non-mapping front matter never throws: it becomes a diagnostic and the body is still normalized.
 */
import matter from 'gray-matter'
import { parse as parseToml, TomlError } from 'smol-toml'
import { closest, distance } from 'fastest-levenshtein'
import type { VFile } from 'vfile'
import { RULE } from '../../constants.js'
import type { Matter } from '../../types.js'
import { report } from '../diagnostics.js'
import { checkFrontMatterDates } from './front-matter-dates.js'
import { isCompoundKey, isInternalKey, isSiteKey } from './site-keys.js'
import { readUnfencedMatter } from './unfenced.js'
import { frontMatterOverBudget } from './front-matter-budget.js'
import { isWindowKey, windowValuesAsWritten } from './window-keys.js'
import { isUpdateListKey } from '../timeline/timeline-matter.js'

/** Front-matter keys Hindsight reads or that Jekyll, Hugo, mkdocs and status-page themes commonly carry. */
export const KNOWN_KEYS = [
  'title',
  'heading',
  'headline',
  'date',
  'tags',
  'categories',
  'category',
  'site',
  'sites',
  'location',
  'author',
  'authors',
  'severity',
  'resolvedWhen',
  'resolved',
  'affected',
  'affectedsystems',
  'description',
  'summary',
  'slug',
  'timezone',
  'detected',
  'mitigated',
  'layout',
  'section',
  'aliases',
  'path',
  'extra',
  'draft',
  'permalink',
  'published',
  'pubDate',
  'publishDate',
  'publishedAt',
  'timestamp',
  'lastmod',
  'updated',
  'excerpt',
  'image',
  'keywords',
  'weight',
  'type',
  'url',
  'toc',
  'comments',
  'status',
  'team',
  'service',
  'services',
  'start',
  'end',
  'duration',
  'incident',
  'id',
  'lang',
  'series',
  'hide',
  'pin',
  'links',
  'readtime',
  'sidebar',
  'template',
  'subtitle',
  'cover',
  'redirect_from',
  'share',
  'informational',
  'expirydate',
]

const KNOWN = new Set(KNOWN_KEYS.map((k) => k.toLowerCase()))

/** The document split into front matter and body; `body` is the source with the block blanked (same offsets). */
export interface SplitDocument {
  matter: Matter
  body: string
}

const OPEN = /^(---|\+\+\+)([A-Za-z]*)[ \t]*$/

function blank(text: string, end: number): string {
  return text.slice(0, end).replace(/[^\n]/g, ' ') + text.slice(end)
}

function closingLine(lines: string[], fence: string): number {
  for (let i = 1; i < lines.length; i++) if ((lines[i] ?? '').trimEnd() === fence || (fence === '---' && (lines[i] ?? '').trimEnd() === '...')) return i
  return -1
}

function yamlError(error: unknown): { reason: string; line: number; column: number } | null {
  const mark = (error as { mark?: { line?: number; column?: number } }).mark
  const reason = (error as { reason?: string }).reason ?? (error instanceof Error ? error.message : String(error))
  if (!mark || typeof mark.line !== 'number') return null
  return { reason, line: mark.line + 1, column: Math.max(1, (mark.column ?? 0) + 1) }
}

/** The parsed block, or undefined (with an error on `file`) when it is invalid or too large once expanded. */
function parseBlock(text: string, fence: string, language: 'yaml' | 'toml', file: VFile): unknown {
  const parsed = parseBlockText(text, fence, language, file)
  const over = parsed === undefined ? null : frontMatterOverBudget(parsed)
  if (!over) return parsed
  report(
    file,
    'error',
    `Front matter is too large (${over}); the file is skipped: remove the repeated aliases or shorten the values`,
    { line: 1, column: 1 },
    RULE.frontMatterTooLarge,
  )
  return undefined
}

function parseBlockText(text: string, fence: string, language: 'yaml' | 'toml', file: VFile): unknown {
  try {
    if (language === 'toml') {
      const raw = text.split('\n').slice(1).join('\n')
      const close = raw.search(/^\+\+\+[ \t]*$/m)
      return parseToml(close >= 0 ? raw.slice(0, close) : raw)
    }
    return matter(text, { language: 'yaml', delimiters: fence }).data
  } catch (error) {
    if (error instanceof TomlError) {
      report(
        file,
        'error',
        `Front matter is not valid TOML (${error.message.split('\n')[0]}); fix it or remove the block`,
        { line: error.line + 1, column: error.column },
        RULE.frontMatterInvalid,
      )
      return undefined
    }
    const at = yamlError(error)
    const reason = at ? at.reason : 'parse error'
    report(
      file,
      'error',
      `Front matter is not valid YAML (${reason}); check quotes and use spaces, not tabs, for indentation`,
      at ? { line: at.line, column: at.column } : { line: 1, column: 1 },
      RULE.frontMatterInvalid,
    )
    return undefined
  }
}

function warnUnknownKeys(data: Record<string, unknown>, lines: string[], file: VFile): void {
  for (const key of Object.keys(data)) {
    if (KNOWN.has(key.toLowerCase()) || isSiteKey(key) || isInternalKey(key) || isWindowKey(key) || isUpdateListKey(key, data[key])) continue
    const near = closest(key.toLowerCase(), [...KNOWN])
    const typo = distance(key.toLowerCase(), near) <= Math.max(1, Math.floor(key.length / 3))
    // A compound key that is no typo of a known one is the author's own field, not a mistake to report.
    if (!typo && isCompoundKey(key)) continue
    const hint = typo ? `; did you mean \`${KNOWN_KEYS.find((k) => k.toLowerCase() === near)}\`?` : ''
    const index = lines.findIndex((l) => l.startsWith(key) || l.startsWith(`"${key}"`) || l.startsWith(`'${key}'`))
    report(file, 'warning', `Unknown front-matter key \`${key}\`${hint}`, { line: index >= 0 ? index + 1 : 1, column: 1 }, RULE.frontMatterUnknownKey)
  }
}

/** Leading `key: value` lines without fences, read as front matter with an info (string values only). */
function unfenced(text: string, lines: string[], file: VFile): SplitDocument | null {
  const found = readUnfencedMatter(lines, KNOWN)
  if (!found) return null
  report(
    file,
    'info',
    'The metadata lines at the top are read as front matter; put them between `---` lines to make that explicit',
    { line: 1, column: 1 },
    RULE.frontMatterUnfenced,
  )
  const end = lines.slice(0, found.lines).join('\n').length
  return { matter: { data: found.data, language: 'yaml', lines: found.lines }, body: blank(text, end) }
}

/** Splits and parses the front matter, reporting problems on `file` and keeping the body's line numbers. */
export function splitFrontMatter(text: string, file: VFile): SplitDocument {
  const none: SplitDocument = { matter: { data: {}, language: null, lines: 0 }, body: text }
  const lines = text.split('\n', 2000)
  const open = OPEN.exec((lines[0] ?? '').trimEnd())
  if (!open) return unfenced(text, lines, file) ?? none
  const fence = open[1] ?? '---'
  const close = closingLine(lines, fence)
  if (close < 0) return none
  const end = lines.slice(0, close + 1).join('\n').length
  const body = blank(text, end)
  const named = (open[2] ?? '').toLowerCase()
  const language: 'yaml' | 'toml' = fence === '+++' || named === 'toml' ? 'toml' : 'yaml'
  if (named && !['yaml', 'yml', 'toml'].includes(named)) {
    report(
      file,
      'error',
      `Front matter language \`${named}\` is not supported; write YAML between \`---\` lines`,
      { line: 1, column: 1 },
      RULE.frontMatterInvalid,
    )
    return { matter: { data: {}, language: null, lines: close + 1 }, body }
  }
  const block = lines.slice(0, close + 1).join('\n')
  const parsed = parseBlock(named ? block.replace(/^[^\n]*/, fence) : block, fence, language, file)
  if (parsed === undefined || parsed === null) return { matter: { data: {}, language, lines: close + 1 }, body }
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    report(
      file,
      'error',
      'Front matter must be a mapping of keys to values (`title: ...`), not a list or a single value',
      { line: 2, column: 1 },
      RULE.frontMatterNotObject,
    )
    return { matter: { data: {}, language, lines: close + 1 }, body }
  }
  warnUnknownKeys(parsed as Record<string, unknown>, lines.slice(0, close), file)
  const matterLines = lines.slice(0, close)
  const data = windowValuesAsWritten(checkFrontMatterDates(parsed as Record<string, unknown>, matterLines, file), matterLines)
  return { matter: { data, language, lines: close + 1 }, body }
}
