/** Vfile messages for content problems and their copy into the record's `diagnostics` array. */
import type { VFile } from 'vfile'
import { MESSAGE_SOURCE, type RuleId } from '../constants.js'
import type { Diagnostic, DiagnosticSeverity } from '../types.js'

/** A place in the source: 1-based line and column, or nothing when the problem concerns the whole file. */
export interface Place {
  line: number
  column: number
}

/** Records one content problem on the file with its rule id; `error` marks the record as not fully usable. */
export function report(file: VFile, severity: DiagnosticSeverity, reason: string, place: Place | null, ruleId: RuleId): void {
  const message = file.message(reason, { place: place ?? undefined, ruleId, source: MESSAGE_SOURCE })
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
}

/** Withdraws the messages of one rule, for a claim the text turned out to answer (a zone named elsewhere). */
export function dropMessages(file: VFile, ruleId: RuleId): void {
  for (let i = file.messages.length - 1; i >= 0; i--) if (file.messages[i]?.ruleId === ruleId) file.messages.splice(i, 1)
}

/** The file's messages as record diagnostics, in the order they were raised. */
export function collectDiagnostics(file: VFile): Diagnostic[] {
  return file.messages.map((m) => ({
    severity: m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info',
    message: m.reason,
    line: m.line ?? null,
    column: m.column ?? null,
    ruleId: m.ruleId ?? 'unknown',
  }))
}
