import { parseArgs } from 'node:util'
import { loadConfig } from '../config.js'
import { build } from '../build.js'

/** `hindsight build [--content DIR] [--out DIR] [--base /prefix/] [--drafts]`: `--drafts` publishes drafts too (a preview deploy). */
export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { content: { type: 'string' }, out: { type: 'string' }, base: { type: 'string' }, drafts: { type: 'boolean' } } })
  const config = loadConfig(process.cwd(), { contentDir: values.content, outDir: values.out, base: values.base, drafts: values.drafts })
  const result = await build(config)
  const pages = result.files.filter((f) => f.slug).length
  console.log(`Built ${pages} postmortems from ${result.files.length} files: ${result.pagesWritten} files written, ${result.errors} errors, ${result.warnings} warnings in ${Math.round(result.durationMs)} ms`)
  return result.errors > 0 ? 1 : 0
}
