/** The `BuildResult` of a build, from the session's published archive: reports, counts, duration and phases. */
import { completeArchive } from './complete.js'
import type { BuilderSession } from './session.js'
import type { BuildResult } from './types.js'

/** The result of a build started at `started` (a `performance.now()`); its `documents` completes the archive when read. */
export function buildResult(session: BuilderSession, started: number, pagesWritten: number, scope: BuildResult['scope'] = 'full'): BuildResult {
  const files = [...session.published.reports.values()]
  const all = files.flatMap((f) => f.diagnostics)
  const count = (severity: string): number => all.filter((d) => d.severity === severity).length
  return {
    files,
    get documents() {
      completeArchive(session)
      // The API's documents are whole: each body is read here, for the caller who asked.
      return [...session.published.documents.values()].map(session.documents.readBody)
    },
    pagesWritten,
    scope,
    errors: count('error'),
    warnings: count('warning'),
    durationMs: performance.now() - started,
    phases: session.phases,
  }
}
