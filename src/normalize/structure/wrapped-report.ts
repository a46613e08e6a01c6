/**
 * Reports that are not plain Markdown at the top level: a whole postmortem inside a fence (a chat assistant's
 * "Sure! Here is ..." then ```markdown, closed or not) and MDX `import`/`export` lines with an
 * `export const meta = { title: ... }` object. Lines are blanked rather than removed, so line numbers stay true.
 */
import type { VFile } from 'vfile'
import { RULE } from '../../constants.js'
import { report } from '../diagnostics.js'

/** A fence opening that may hold a whole report: no info string, or a Markdown one. */
const OPEN = /^(`{3,}|~{3,})[ \t]*(?:markdown|md|mdx|gfm|text)?[ \t]*$/i
/** At most this many non-blank lines of chat before the fence or after it. */
const CHAT_LINES = 3
const META_KEYS = new Set(['title', 'date', 'description', 'summary', 'authors', 'author', 'tags', 'severity'])

/** The body with a wrapping fence taken away, and the 1-based line of the fence. */
export interface Unwrapped {
  body: string
  line: number
}

function blankLines(lines: string[], from: number, to: number): void {
  for (let i = from; i < to && i < lines.length; i++) lines[i] = ''
}

/** Unwraps a report written inside one fence with at most a short chat preamble and closing, else null. */
export function unwrapFence(body: string): Unwrapped | null {
  const lines = body.split('\n')
  const nonBlank = (from: number, to: number): number => lines.slice(from, to).filter((l) => l.trim() !== '').length
  const open = lines.findIndex((l) => OPEN.test(l))
  if (open < 0 || nonBlank(0, open) > CHAT_LINES || lines.slice(0, open).some((l) => /^\s*#{1,6}\s|^(?:---|\+\+\+)\s*$/.test(l))) return null
  const fence = OPEN.exec(lines[open] ?? '')?.[1] ?? '```'
  let close = -1
  for (let i = open + 1; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (line.startsWith(fence[0]!.repeat(fence.length)) && line.trim().replace(/^[`~]+/, '') === '') {
      close = i
      break
    }
  }
  const end = close < 0 ? lines.length : close
  const inner = lines.slice(open + 1, end)
  const headings = inner.filter((l) => /^#{1,6}\s+\S/.test(l)).length
  const markdown = /\S/.test((lines[open] ?? '').replace(/^[`~]+/, ''))
  if (headings < (markdown ? 1 : 2) || (close >= 0 && nonBlank(close + 1, lines.length) > CHAT_LINES)) return null
  if (inner.some((l) => OPEN.test(l) && !/^(`{3,}|~{3,})[ \t]*$/.test(l))) return null
  blankLines(lines, 0, open + 1)
  if (close >= 0) blankLines(lines, close, lines.length)
  return { body: lines.join('\n'), line: open + 1 }
}

/** Metadata of an MDX `export const meta = { ... }` object (quotes stripped), and the body with MDX lines blanked. */
export interface MdxMeta {
  body: string
  data: Map<string, string | string[]>
  line: number | null
}

function value(raw: string): string | string[] | null {
  const text = raw.trim().replace(/,$/, '').trim()
  const list = /^\[(.*)\]$/s.exec(text)
  if (list) return [...(list[1] ?? '').matchAll(/(["'`])(.*?)\1/g)].map((m) => m[2] ?? '').filter(Boolean)
  const quoted = /^(["'`])(.*)\1$/s.exec(text)
  if (quoted) return quoted[2] ?? ''
  return /^[\w.:+-]+$/.test(text) ? text : null
}

/** An ES module line as MDX writes them (`import X from '…'`, `import {` opening a list, `export const …`), not prose that starts with the word. */
const IMPORT_LINE =
  /^import\s+(?:(?:[\w$]+\s*,\s*)?(?:\{[^}]*\}|\*\s+as\s+[\w$]+|[\w$]+)\s+from\s+)?['"][^'"\n]+['"]\s*;?\s*$|^import\s+(?:[\w$]+\s*,\s*)?\{\s*$/
const EXPORT_LINE = /^export\s+(?:const|let|var|function|async\s+function|class|default)\s+\S|^export\s+\{/
const isModuleLine = (line: string): boolean => IMPORT_LINE.test(line) || EXPORT_LINE.test(line)

/** Blanks top-level `import`/`export` lines (outside fences) and reads an `export const meta` object, else null. */
export function readMdx(body: string): MdxMeta | null {
  const lines = body.split('\n')
  const data = new Map<string, string | string[]>()
  let metaLine: number | null = null
  let found = false
  let inFence: string | null = null
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const fence = /^\s*(`{3,}|~{3,})/.exec(line)?.[1]
    if (fence) inFence = inFence === null ? fence : line.trim().startsWith(inFence) ? null : inFence
    if (inFence !== null || fence || !isModuleLine(line)) continue
    found = true
    const isMeta = /^export\s+const\s+(?:meta|metadata|frontMatter)\s*=\s*\{/.test(line)
    let end = i
    if (/[{(]\s*$/.test(line) || (isMeta && !/\}\s*;?\s*$/.test(line))) while (end + 1 < lines.length && !/^\s*[})]/.test(lines[end] ?? '')) end++
    if (isMeta) {
      metaLine = i + 1
      const text = lines
        .slice(i, end + 1)
        .join('\n')
        .replace(/^[^{]*\{/, '')
        .replace(/\}\s*;?\s*$/, '')
      for (const m of text.matchAll(/^\s*["']?(\w+)["']?\s*:\s*(.+?)\s*,?\s*$/gm)) {
        const key = (m[1] ?? '').toLowerCase()
        const v = value(m[2] ?? '')
        if (META_KEYS.has(key) && v !== null && !data.has(key)) data.set(key, v)
      }
    }
    blankLines(lines, i, end + 1)
    i = end
  }
  return found ? { body: lines.join('\n'), data, line: metaLine } : null
}

/** The body as Markdown (fence unwrapped, MDX lines blanked) and the front matter completed from an MDX meta object; infos on `file`. */
export function unwrapReport(body: string, data: Record<string, unknown>, file: VFile): { body: string; data: Record<string, unknown> } {
  let text = body
  const fenced = unwrapFence(text)
  if (fenced) {
    text = fenced.body
    report(
      file,
      'info',
      'The report is written inside a code fence; it is read without the fence and the chat text around it',
      { line: fenced.line, column: 1 },
      RULE.reportFenceUnwrapped,
    )
  }
  const mdx = readMdx(text)
  if (!mdx) return { body: text, data }
  const merged: Record<string, unknown> = { ...data }
  for (const [key, v] of mdx.data) if (!Object.hasOwn(merged, key)) merged[key] = v
  if (mdx.line !== null)
    report(file, 'info', 'Title, date and authors are read from the MDX `export const meta` object', { line: mdx.line, column: 1 }, RULE.mdxMeta)
  return { body: mdx.body, data: merged }
}
