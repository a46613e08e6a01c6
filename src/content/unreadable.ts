/** A content file or folder that exists but cannot be read becomes a report for that path, so the rest still builds. */
import { RULE } from '../constants.js'
import { problem } from '../normalize/diagnostics.js'
import type { Diagnostic } from '../types.js'

/** The cause of a file-system failure in words: its code (`EACCES`, `EIO`) and message. */
export const fsCause = (error: unknown): string => {
  const code = (error as { code?: unknown }).code
  const message = error instanceof Error ? error.message : String(error)
  return typeof code === 'string' && !message.startsWith(code) ? `${code}: ${message}` : message
}

/** The error diagnostic for a path that could not be read. */
export function unreadableDiagnostic(error: unknown, what: 'file' | 'folder' = 'file'): Diagnostic {
  return problem('error', `This ${what} could not be read (${fsCause(error)}); check its permissions`, RULE.fileUnreadable)
}
