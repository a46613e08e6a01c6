/**
 * What the CLI prints of diagnostics line by line (a diagnostic, a count, the report formats' names), apart from the
 * reporters in `format.ts`: every command's parser and `build` need these alone, and a build that reports nothing
 * then loads no reporter (vfile, vfile-reporter and the terminal-width packages behind it).
 */
import type { Diagnostic } from '../types.js'

/** Output formats of `hindsight check`. */
export const FORMATS = ['text', 'json', 'github', 'gitlab'] as const
export type ReportFormat = (typeof FORMATS)[number]

/** `1 warning`, `3 warnings`: a count with its noun. */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** C0 and C1 controls, DEL and the Unicode line and paragraph separators: what could start a new line or drive the terminal. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g
const NAMED_CONTROLS: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/**
 * Text with every control character written as an escape (`\n`, `\x1b`, `\u2028`), so a crafted front-matter key or
 * file name can print neither a line of its own (a CI runner obeys `::error` or `::add-mask::` lines) nor terminal codes.
 */
export function escapeControls(text: string): string {
  return text.replace(
    CONTROL,
    (c) => NAMED_CONTROLS[c] ?? (c.charCodeAt(0) > 0xff ? `\\u${c.charCodeAt(0).toString(16)}` : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`),
  )
}

/** One diagnostic as `path:line:column: severity message  rule-id`, the form editors and terminals link; control characters escaped. */
export function formatDiagnostic(file: string, d: Diagnostic): string {
  const where = d.line === null ? escapeControls(file) : `${escapeControls(file)}:${d.line}:${d.column ?? 1}`
  return `${where}: ${d.severity} ${escapeControls(d.message)}  ${escapeControls(d.ruleId)}`
}
