import path from 'node:path'
import { build } from '../build.js'
import { RULE } from '../constants.js'
import { loadConfig } from '../config.js'
import { UsageError } from '../errors.js'
import { formatDiagnostic, plural } from '../report/diagnostic-line.js'
import { createProgressLine } from '../report/progress.js'
import { parseCommand } from './spec.js'

/** Most threads `--workers` accepts: past the cores they only add memory. */
const MAX_WORKERS = 64

/** `--workers N`: a whole number from 1 to `MAX_WORKERS`, or undefined when not given (the pool then picks). */
export function parseWorkers(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = /^\d{1,3}$/.test(value.trim()) ? Number(value.trim()) : NaN
  if (!(n >= 1 && n <= MAX_WORKERS)) throw new UsageError(`hindsight build: --workers must be a whole number from 1 to ${MAX_WORKERS}, not \`${value}\``)
  return n
}

/**
 * `hindsight build [--content DIR] [--out DIR] [--base /prefix/] [--drafts] [--workers N] [--quiet] [--verbose]`: a progress line
 * while it runs (stderr), then every error (every diagnostic with `--verbose`, and the time of each phase), then the
 * summary; `--quiet` prints the errors only.
 */
export async function run(args: string[]): Promise<number> {
  const { values } = parseCommand('build', args)
  const quiet = values.quiet === true
  const verbose = values.verbose === true && !quiet
  const workers = parseWorkers(values.workers as string | undefined)
  const config = loadConfig(process.cwd(), {
    contentDir: values.content as string | undefined,
    outDir: values.out as string | undefined,
    base: values.base as string | undefined,
    drafts: values.drafts as boolean | undefined,
  })
  const progress = quiet ? null : createProgressLine((text) => process.stderr.write(text), { tty: process.stderr.isTTY === true })
  let result
  try {
    result = await build(config, { onProgress: progress ? (p) => progress.update(p) : undefined, workers })
  } finally {
    progress?.clear()
  }
  const shown = (source: string): string => {
    const file = path.join(config.contentDir, ...source.split('/'))
    const rel = path.relative(process.cwd(), file)
    return (rel && !rel.startsWith('..') ? rel : file).split(path.sep).join('/')
  }
  for (const file of result.files) {
    for (const d of file.diagnostics) if (d.severity === 'error' || verbose) console.log(formatDiagnostic(shown(file.source), d))
  }
  if (verbose && result.phases.length) console.log(`Phases: ${result.phases.map((p) => `${p.name} ${p.ms} ms`).join(', ')}`)
  const pages = result.files.filter((f) => f.slug).length
  const drafts = result.files.filter((f) => f.diagnostics.some((d) => d.ruleId === RULE.draftUnpublished)).length
  const left = drafts ? `; ${plural(drafts, 'draft')} left out (--drafts to include)` : ''
  if (!quiet)
    console.log(
      `Built ${plural(pages, 'postmortem')} from ${plural(result.files.length, 'file')}: ${plural(result.pagesWritten, 'file')} written, ${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')} in ${Math.round(result.durationMs)} ms${result.warnings && !verbose ? ' (warnings: hindsight check, or --verbose)' : ''}${left}`,
    )
  return result.errors > 0 ? 1 : 0
}
