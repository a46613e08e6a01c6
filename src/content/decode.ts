import { MAX_FILE_BYTES, RULE } from '../constants.js'
import { limitNesting } from '../security/nesting.js'
import { problem } from '../normalize/diagnostics.js'
import type { Diagnostic } from '../types.js'

/** Decoded text of a content file, or the reason it cannot be read as text. */
export interface Decoded {
  text: string | null
  diagnostics: Diagnostic[]
}

/** Line and column (1-based, in characters) of a string offset. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const lastBreak = before.lastIndexOf('\n')
  return { line: before.split('\n').length, column: offset - lastBreak }
}

/** Normalises CRLF and lone CR line endings to LF, so line numbers and parsers see one convention. */
export function normalizeLineEndings(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}

function utf16(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  return null
}

/**
 * Turns file bytes into text: strips a BOM (UTF-8 or UTF-16), normalises line endings, refuses empty,
 * binary and oversized files, caps list and quote nesting (see limitNesting), and falls back to Windows-1252 (Latin-1) with a warning pointing at the first bad byte.
 */
export function decodeContent(bytes: Uint8Array): Decoded {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return {
      text: null,
      diagnostics: [
        problem(
          'error',
          `File is ${(bytes.byteLength / 1048576).toFixed(1)} MB; split it or shorten it to under ${MAX_FILE_BYTES / 1048576} MB`,
          RULE.fileTooLarge,
        ),
      ],
    }
  }
  const diagnostics: Diagnostic[] = []
  let text = utf16(bytes)
  if (text === null) {
    if (bytes.includes(0)) {
      return { text: null, diagnostics: [problem('error', 'File looks binary (it contains NUL bytes); save it as UTF-8 text', RULE.fileBinary)] }
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
    } catch {
      const lenient = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes)
      const at = positionOf(normalizeLineEndings(lenient), Math.max(0, normalizeLineEndings(lenient).indexOf('\uFFFD')))
      text = new TextDecoder('latin1').decode(bytes)
      diagnostics.push(problem('warning', 'File is not valid UTF-8, so it was read as Latin-1; save it as UTF-8', RULE.fileEncoding, at))
    }
  } else if (text.includes('\0')) {
    return { text: null, diagnostics: [problem('error', 'File looks binary (it contains NUL characters); save it as UTF-8 text', RULE.fileBinary)] }
  }
  text = normalizeLineEndings(text)
  if (text.trim() === '') {
    return { text: null, diagnostics: [problem('warning', 'File is empty, so it has no page; write a title and a summary, or delete it', RULE.fileEmpty)] }
  }
  const limited = limitNesting(text)
  return { text: limited.text, diagnostics: [...diagnostics, ...limited.diagnostics] }
}
