import { loadConfig } from '../config.js'
import { build } from '../build.js'
import { plural } from '../report/format.js'
import { parseCommand } from './spec.js'

/** `hindsight build [--content DIR] [--out DIR] [--base /prefix/] [--drafts]`: `--drafts` publishes drafts too (a preview deploy). */
export async function run(args: string[]): Promise<number> {
  const { values } = parseCommand('build', args)
  const config = loadConfig(process.cwd(), { contentDir: values.content as string | undefined, outDir: values.out as string | undefined, base: values.base as string | undefined, drafts: values.drafts as boolean | undefined })
  const result = await build(config)
  const pages = result.files.filter((f) => f.slug).length
  console.log(`Built ${plural(pages, 'postmortem')} from ${plural(result.files.length, 'file')}: ${plural(result.pagesWritten, 'file')} written, ${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')} in ${Math.round(result.durationMs)} ms`)
  return result.errors > 0 ? 1 : 0
}
