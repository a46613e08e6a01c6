/** Runs the full pass over the session's published archive, trusting the last manifest only when it describes the output folder. */
import { fullPass, type FullOutcome } from './full.js'
import { passContext } from './pass-context.js'
import { imageContent, siteTrusted, type BuilderSession } from './session.js'

/** The full pass of the session's archive (`withSearch`: the search index too); remembers its plan for `dev`'s pages-first pass. */
export async function runFull(session: BuilderSession, withSearch: boolean): Promise<FullOutcome> {
  const { documents, related, published, state } = session
  const full = { pass: await passContext(session), documents, related, image: imageContent(session) }
  const out = await fullPass(full, published.outputKeys, siteTrusted(session, state) ? state : null, withSearch)
  session.lastPlan = out.plan
  return out
}
