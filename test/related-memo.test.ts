/**
 * Related incidents are kept in the cache folder: a new process reuses them while every record's features (tags,
 * sites, root-cause terms) are as they were, and computes them afresh once any changes.
 */
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { describe, expect, it } from 'vitest'
import { createBuilder } from '../src/builder.js'
import type { RelatedSnapshot } from '../src/site/related.js'
import { makeProject } from './build-helpers.js'

/** A new builder, as a new `hindsight build` process would have: nothing is kept in module state between builders. */
async function freshBuilder(config: ReturnType<typeof makeProject>['config']) {
  return createBuilder(config)
}

describe('related-incidents memo', () => {
  it('is reused by a new process while features hold, and recomputed when one changes', async () => {
    const { config, files } = makeProject(3)
    await (await freshBuilder(config)).build()
    const memoFile = path.join(config.cacheDir, 'related.bin')
    const stored = deserialize(readFileSync(memoFile)) as { version: string; value: RelatedSnapshot }
    const at = stored.value.related.findIndex((list) => list.length > 0)
    const [slug, near] = [stored.value.slugs[at]!, stored.value.related[at]!]
    const outsider = stored.value.slugs.find((s) => s !== slug && !near.includes(s))!
    const page = (): string => readFileSync(path.join(config.outDir, slug, 'index.html'), 'utf8')
    expect(page()).not.toContain(`href="/${outsider}/"`)

    // Mark the memo: a build that reuses it links the outsider from that page.
    stored.value.related[at] = [outsider]
    writeFileSync(memoFile, serialize(stored))
    rmSync(config.outDir, { recursive: true })
    await (await freshBuilder(config)).build()
    expect(page()).toContain(`href="/${outsider}/"`)

    // A prose edit outside the root cause keeps every feature: still reused.
    appendFileSync(path.join(config.contentDir, files[0]!), '\nOne more sentence of prose.\n')
    await (await freshBuilder(config)).build()
    expect(page()).toContain(`href="/${outsider}/"`)

    // New tags change a record's features: computed afresh, the mark is gone.
    const tagged = path.join(
      config.contentDir,
      files.find((f) => f.startsWith('2023-06-10-database-outage'))!,
    )
    writeFileSync(tagged, `---\ntags: [brand-new-tag]\n---\n${readFileSync(tagged, 'utf8')}`)
    await (await freshBuilder(config)).build()
    expect(page()).not.toContain(`href="/${outsider}/"`)
  }, 60_000)
})
