import { createHash } from 'node:crypto'
import { VFile } from 'vfile'
import { reporter } from 'vfile-reporter'
import { statistics } from 'vfile-statistics'
import { MESSAGE_SOURCE } from '../constants.js'
import type { Diagnostic } from '../types.js'
import { escapeControls, plural, type ReportFormat } from './diagnostic-line.js'

export { escapeControls, formatDiagnostic, FORMATS, plural, type ReportFormat } from './diagnostic-line.js'

/** Diagnostics of one checked file, with its path as the reader should see it (relative to cwd). */
export interface FileDiagnostics {
  file: string
  diagnostics: Diagnostic[]
}

/** A file's diagnostics by line then column (whole-file ones first), so the report reads top to bottom. */
export function inSourceOrder(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
}

/**
 * The reports as vfiles with their messages, as the unified tools see them; with `strict`, warnings are fatal.
 * Paths, messages and rule ids have their control characters escaped, so a crafted name cannot drive the terminal.
 */
export function toVFiles(reports: FileDiagnostics[], strict = false): VFile[] {
  return reports.map(({ file, diagnostics }) => {
    const vfile = new VFile({ path: escapeControls(file) })
    for (const d of diagnostics) {
      const place = d.line === null ? undefined : { line: d.line, column: d.column ?? 1 }
      const message = vfile.message(escapeControls(d.message), { place, ruleId: escapeControls(d.ruleId), source: MESSAGE_SOURCE })
      message.fatal = d.severity === 'error' || (strict && d.severity === 'warning') ? true : d.severity === 'warning' ? false : undefined
    }
    return vfile
  })
}

/** Error and warning totals (counted by vfile-statistics); with `strict`, warnings count as errors. */
export function countDiagnostics(reports: FileDiagnostics[], strict = false): { errors: number; warnings: number } {
  const { fatal, warn } = statistics(toVFiles(reports, strict))
  return { errors: fatal, warnings: warn }
}

/** `5 files, 0 errors, 3 warnings` */
export function formatSummary(reports: FileDiagnostics[], strict = false): string {
  const { errors, warnings } = countDiagnostics(reports, strict)
  return `${plural(reports.length, 'file')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`
}

/**
 * Human report, printed by vfile-reporter as remark-lint and the other unified tools print theirs: each file with
 * problems under its path (`line:column severity message rule-id hindsight`, in source order), then one summary
 * line with the number of files checked in place of the reporter's own.
 */
export function formatText(reports: FileDiagnostics[], strict = false, options: { color?: boolean } = {}): string {
  const printed = reporter(toVFiles(reports, strict), { color: options.color ?? false, quiet: true })
  // The reporter ends a non-empty report with its own totals after a blank line (messages are escaped: no line breaks).
  const body = printed === '' ? '' : printed.slice(0, printed.lastIndexOf('\n\n'))
  return (body === '' ? '' : body + '\n\n') + formatSummary(reports, strict) + '\n'
}

/** Machine report: the array of `{ file, diagnostics }`, every checked file included. */
export function formatJson(reports: FileDiagnostics[]): string {
  return (
    JSON.stringify(
      reports.map(({ file, diagnostics }) => ({ file, diagnostics })),
      null,
      2,
    ) + '\n'
  )
}

/** Escapes a workflow-command message (`%`, CR, LF) as GitHub's toolkit does. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escapes a workflow-command property value: the message escapes plus `:` and `,`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

const COMMAND: Record<Diagnostic['severity'], string> = { error: 'error', warning: 'warning', info: 'notice' }

/** GitHub Actions annotations (`::warning file=...,line=...,col=...::message`), so CI marks the pull request. */
export function formatGithub(reports: FileDiagnostics[], strict = false): string {
  const lines: string[] = []
  for (const { file, diagnostics } of reports) {
    for (const d of diagnostics) {
      const severity = strict && d.severity === 'warning' ? 'error' : d.severity
      const props = [`file=${escapeProperty(file)}`]
      if (d.line !== null) props.push(`line=${d.line}`, `col=${d.column ?? 1}`)
      props.push(`title=${escapeProperty(d.ruleId)}`)
      lines.push(`::${COMMAND[severity]} ${props.join(',')}::${escapeData(d.message)}`)
    }
  }
  lines.push(formatSummary(reports, strict))
  return lines.join('\n') + '\n'
}

/** Code Climate severities GitLab shows; with `strict`, warnings are as severe as errors. */
const SEVERITY: Record<Diagnostic['severity'], string> = { error: 'major', warning: 'minor', info: 'info' }

/**
 * GitLab Code Quality: the Code Climate JSON array (`description`, `check_name`, `fingerprint`, `severity`,
 * `location.path`, `location.lines.begin`) that a job's `artifacts:reports:codequality` shows on the merge request.
 * The fingerprint is the file, rule and message (not the line, so an edit above a problem does not make it new),
 * with a count for repeats, so GitLab can tell which problems a merge request added or fixed.
 */
export function formatGitlab(reports: FileDiagnostics[], strict = false): string {
  const issues: object[] = []
  for (const { file, diagnostics } of reports) {
    const seen = new Map<string, number>()
    for (const d of diagnostics) {
      const identity = `${file}\0${d.ruleId}\0${d.message}`
      const nth = (seen.get(identity) ?? 0) + 1
      seen.set(identity, nth)
      const severity = strict && d.severity === 'warning' ? 'error' : d.severity
      issues.push({
        type: 'issue',
        check_name: d.ruleId,
        description: d.message,
        categories: ['Style'],
        severity: SEVERITY[severity],
        fingerprint: createHash('md5').update(`${identity}\0${nth}`).digest('hex'),
        location: { path: file, lines: { begin: d.line ?? 1 } },
      })
    }
  }
  return JSON.stringify(issues, null, 2) + '\n'
}

/** Renders a report in the chosen format; `color` only affects the text format (on a terminal). */
export function formatReport(format: ReportFormat, reports: FileDiagnostics[], strict = false, color = false): string {
  if (format === 'json') return formatJson(reports)
  if (format === 'github') return formatGithub(reports, strict)
  if (format === 'gitlab') return formatGitlab(reports, strict)
  return formatText(reports, strict, { color })
}
