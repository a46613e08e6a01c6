import type { RuleId } from '../constants.js'
import { problem } from '../normalize/diagnostics.js'
import type { FileDiagnostics } from '../report/format.js'
import type { Diagnostic } from '../types.js'
import type { DiagnosticsPayload } from './overlay.js'

/** Key of a failure that belongs to no file (a template that cannot render, a write that failed). */
export const BUILD_PROBLEM = '(build)'

const hasErrors = (diagnostics: Diagnostic[]): boolean => diagnostics.some((d) => d.severity === 'error')

/** The files whose last save has errors, keyed by the path shown to the author: what the overlay lists. */
export interface ProblemBoard {
  payload(): DiagnosticsPayload
  /** Records a failure that is not a content diagnostic (config, template, I/O) under `key`. */
  fail(key: string, message: string, ruleId: RuleId): void
  /** Takes in the reports of a rebuild: `full` starts afresh, `gone` are files deleted since, `cleared` keys now fine. */
  record(files: FileDiagnostics[], options: { full: boolean; gone: string[]; cleared: string[] }): void
}

/** Creates an empty board. */
export function createProblemBoard(): ProblemBoard {
  const problems = new Map<string, Diagnostic[]>()
  return {
    payload: () => ({ problems: [...problems].map(([file, diagnostics]) => ({ file, diagnostics })) }),
    fail(key, message, ruleId) {
      problems.set(key, [problem('error', message, ruleId, null)])
    },
    record(files, { full, gone, cleared }) {
      if (full) problems.clear()
      for (const key of [...gone, ...cleared, BUILD_PROBLEM]) problems.delete(key)
      for (const { file, diagnostics } of files) {
        if (hasErrors(diagnostics)) problems.set(file, diagnostics)
        else problems.delete(file)
      }
    },
  }
}
