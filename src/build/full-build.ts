/** The full branch of a build: every input's document loaded and assembled, the full pass, the cache saved, each phase timed. */
import { debugPhase, debugPhasesStart } from '../debug.js'
import { CacheError } from '../errors.js'
import type { FullOutcome } from './full.js'
import type { Input } from './inputs.js'
import { runFull } from './run-full.js'
import { imageExists, type BuilderSession } from './session.js'
import type { FileReport } from './types.js'

/** Loads and assembles the whole archive and runs the full pass; a cache entry gone bad under it means once more without the cache. */
export async function fullBuild(session: BuilderSession, inputs: Input[], refused: FileReport[]): Promise<FullOutcome> {
  const { documents } = session
  session.unread = null
  documents.keepOnly(new Set(inputs.map((i) => i.source)))
  let mark = performance.now()
  debugPhasesStart()
  const phase = (name: string): void => {
    session.phases.push({ name, ms: Math.round(performance.now() - mark) })
    debugPhase(name, performance.now() - mark)
    mark = performance.now()
  }
  await documents.load(inputs)
  phase('load')
  let out: FullOutcome
  try {
    session.published = documents.assemble(refused, imageExists(session))
    out = await runFull(session, true)
  } catch (error) {
    // A cached body went bad under the build (disk, a hand edit): `readDocumentBody` says so, and the build goes on without the cache.
    if (!(error instanceof CacheError)) throw error
    process.emitWarning(`${error.message.replace(/;.*$/, '')}; the cache is discarded and every file normalized again`, 'HindsightCacheWarning')
    documents.discard()
    await documents.load(inputs)
    session.published = documents.assemble(refused, imageExists(session))
    out = await runFull(session, true)
  }
  phase('emit')
  documents.flush()
  phase('cache')
  return out
}
