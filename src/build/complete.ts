/** Loads the documents a build left unread (their summaries, from the cache) and assembles them, so `documents` and `update` see the whole archive. */
import type { BuilderSession } from './session.js'
import { imageExists } from './session.js'

/** Completes the session's published archive after an unchanged or edited-only build; does nothing when it is whole. */
export function completeArchive(session: BuilderSession): void {
  if (!session.unread) return
  const { inputs, refused } = session.unread
  const { documents } = session
  session.unread = null
  for (const i of inputs) {
    if (documents.loaded.get(i.source)?.key === i.stamp.key) continue
    const doc = documents.cached(i.stamp.key)
    if (doc) documents.loaded.set(i.source, { key: i.stamp.key, doc })
  }
  session.published = documents.assemble(refused, imageExists(session))
}
