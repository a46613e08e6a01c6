import { createBuilder, type UpdateResult } from '../builder.js'
import type { SiteDocument } from '../site/pages.js'
import type { ResolvedConfig } from '../types.js'

/** Outcome of a dev rebuild: the builder's `UpdateResult`. */
export type EngineResult = UpdateResult

/** What `dev` needs from the build engine: a first build, then updates for changed paths, keeping the last good page. */
export interface DevEngine {
  build(): Promise<EngineResult>
  /** `onPages` hears of the saved postmortems' pages as soon as they are written, before the indexes are. */
  update(paths: string[], onPages?: (paths: string[]) => void, deferIndexes?: () => boolean | Promise<boolean>): Promise<EngineResult>
  documents(): SiteDocument[]
}

/** Creates the engine `dev` drives: the incremental builder in dev mode (writes in place, search left to `dev`). */
export function createDevEngine(config: ResolvedConfig): DevEngine {
  const builder = createBuilder(config, { mode: 'dev' })
  return {
    async build() {
      const result = await builder.build()
      return { written: [], removed: [], files: result.files, durationMs: result.durationMs, full: true }
    },
    update: (paths, onPages, deferIndexes) => builder.update(paths, { keepLastGood: true, onPages, deferIndexes }),
    documents: () => [...builder.documents.values()],
  }
}
