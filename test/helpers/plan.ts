import path from 'node:path'
import { loadConfig } from '../../src/config.js'
import { planSite, type SiteDocument } from '../../src/site/pages.js'
import { createRenderer } from '../../src/site/render.js'
import type { Config, PostmortemRecord } from '../../src/types.js'
import { ROOT } from './root.js'

/** Plans and renders a site from hand-made records in memory: output path to text. */
export function renderRecords(
  records: PostmortemRecord[],
  overrides: Config = {},
  html = '<h1 id="title">Title</h1><h2 id="impact">Impact</h2><p>Text</p>',
): Map<string, string> {
  const config = loadConfig(ROOT, { search: false, outDir: path.join(ROOT, 'test-output/unused'), ...overrides })
  const render = createRenderer(config)
  const docs: SiteDocument[] = records.map((record) => ({ record, html }))
  return new Map(
    planSite(docs, config).files.map((f) => {
      const out = render(f)
      return [f.path, typeof out === 'string' ? out : out instanceof Uint8Array ? Buffer.from(out).toString('utf8') : [...out].join('')]
    }),
  )
}
