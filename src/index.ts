/**
 * Hindsight's JavaScript API, for scripts and other tools: `loadConfig` resolves `hindsight.config.json` and overrides,
 * `build` writes the site (with the same output-folder checks as the CLI), `check` reports without writing anything.
 */
import { checkPaths } from './report/check.js'
import { countDiagnostics, formatReport, type FileDiagnostics, type ReportFormat } from './report/format.js'
import type { ResolvedConfig } from './types.js'

export { build, type BuildResult, type FileReport } from './build.js'
export { CONFIG_FILE, defaultConfig, loadConfig } from './config.js'
export { CacheError, ConfigError, HindsightError, OutputError, TemplateError, UnsafeOutputError, UsageError } from './errors.js'
export type { FileDiagnostics, ReportFormat } from './report/format.js'
export type { Config, Diagnostic, PostmortemRecord, ResolvedConfig } from './types.js'

/** Options of `check`: files or folders to check (default: the whole content folder), and whether warnings count as errors. */
export interface CheckOptions {
  paths?: string[]
  strict?: boolean
}

/** What `check` found: diagnostics per file, the totals, and `format` to print them as the CLI does. */
export interface CheckResult {
  files: FileDiagnostics[]
  errors: number
  warnings: number
  format(format?: ReportFormat): string
}

/** Normalizes the content (or the given paths, relative to the project root) and returns every diagnostic; writes nothing. */
export async function check(config: ResolvedConfig, options: CheckOptions = {}): Promise<CheckResult> {
  const strict = options.strict ?? false
  const files = await checkPaths(config, options.paths ?? [], config.root)
  const { errors, warnings } = countDiagnostics(files, strict)
  return { files, errors, warnings, format: (format = 'text') => formatReport(format, files, strict) }
}
