/**
 * The one way to report a content problem: a vfile message with a rule id from RULE (`report`), copied into the
 * record's `diagnostics` array. Problems found outside one file's normalization (decoding, discovery, slugs and
 * aliases across the archive) go through the same `report`, on a VFile of their own (`problem`).
 */
import { VFile } from 'vfile'
import { MESSAGE_SOURCE, type RuleId } from '../constants.js'
import type { Diagnostic, DiagnosticSeverity } from '../types.js'

/** A place in the source: 1-based line and column, or nothing when the problem concerns the whole file. */
export interface Place {
  line: number
  column: number
}

/** Records one content problem on the file with its rule id; `error` marks the record as not fully usable. */
export function report(file: VFile, severity: DiagnosticSeverity, reason: string, place: Place | null, ruleId: RuleId): void {
  // The place is copied: a caller may pass a larger object (a timeline piece) that the message must not keep alive.
  const at = place === null ? undefined : { line: place.line, column: place.column }
  const message = file.message(reason, { place: at, ruleId, source: MESSAGE_SOURCE })
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
}

/** Where a problem about the file as a whole is shown: its first line, so editors can jump to it. */
const START: Place = { line: 1, column: 1 }

/** A content problem found outside one file's normalization, reported like any other and returned as the record diagnostic. */
export function problem(severity: DiagnosticSeverity, reason: string, ruleId: RuleId, place: Place | null = START): Diagnostic {
  const file = new VFile()
  report(file, severity, reason, place, ruleId)
  return collectDiagnostics(file)[0]!
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
