/**
 * Per-file budget at the level of a whole build (issue 19 §1): every pathological shape beside the bundled seeds, built
 * by the real `build` (search off) into a temporary folder, finishes within a generous bound, each hostile file with its
 * diagnostic and every seed page built.
 */
import { existsSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../src/build.js'
import { RULE } from '../src/constants.js'
import { projectsForThisFile } from './build-helpers.js'
import { HOSTILE_SHAPES } from './helpers/hostile-shapes.js'

const makeProject = projectsForThisFile()

/** Total for the seeds and every shape together; before the caps one shape alone took minutes or ran out of memory. */
const LIMIT_SECONDS = 60
/** Peak resident memory of the test process: a few hundred MB is expected, gigabytes were seen before the caps. */
const LIMIT_RSS_MB = 1_500

describe('hostile shapes beside the seeds', () => {
  it('builds every seed page and reports every hostile file within the budget', { timeout: 240_000 }, async () => {
    const { config, files: seeds } = makeProject(1)
    const hostile = Object.entries(HOSTILE_SHAPES).map(([name, make]) => {
      const source = `hostile-${name}.md`
      writeFileSync(path.join(config.contentDir, source), make())
      return source
    })
    const started = performance.now()
    const result = await build(config)
    expect((performance.now() - started) / 1000).toBeLessThan(LIMIT_SECONDS)
    expect(process.resourceUsage().maxRSS / 1024).toBeLessThan(LIMIT_RSS_MB)

    const bySource = new Map(result.files.map((f) => [f.source, f]))
    for (const source of seeds) {
      const slug = bySource.get(source)?.slug
      expect(slug, source).toBeTruthy()
      expect(existsSync(path.join(config.outDir, slug!, 'index.html')), source).toBe(true)
    }
    for (const source of hostile) {
      const report = bySource.get(source)
      expect(report, source).toBeDefined()
      const flagged = report!.diagnostics.some((d) => d.severity !== 'info' && d.ruleId !== RULE.noDate && d.ruleId !== RULE.noTitle)
      expect(flagged, source).toBe(true)
      if (report!.slug) expect(existsSync(path.join(config.outDir, report!.slug, 'index.html')), source).toBe(true)
    }
    expect(existsSync(path.join(config.outDir, 'index.html'))).toBe(true)
  })
})
