import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { loadConfig } from '../config.js'
import { loadDocument } from '../document.js'
import { UsageError } from '../errors.js'
import type { PostmortemRecord } from '../types.js'
import { parseCommand } from './spec.js'

/** Path under the content folder when the file is inside it, else the file name (so no outside folder becomes a site). */
function sourceOf(contentDir: string, absolute: string): string {
  const relative = path.relative(contentDir, absolute)
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) return relative.split(path.sep).join('/')
  return path.basename(absolute)
}

function summaryLine(file: string, record: PostmortemRecord): string {
  const counts = `${record.timeline.length} timeline entries, ${record.actionItems.length} action items, ${record.diagnostics.length} diagnostics`
  return `${file}: ${record.title ?? '[no title]'} (${record.date ?? 'no date'}); ${counts}\n`
}

/**
 * `hindsight inspect [--json] FILE...`: what the normalizer made of each file, in the order given. Exit 0 whatever
 * the diagnostics say; 1 when a file cannot be read (the others are still printed).
 */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('inspect', args)
  if (positionals.length === 0) throw new UsageError('hindsight inspect: give at least one file, e.g. `hindsight inspect --json content/x.md`')
  const cwd = process.cwd()
  const config = loadConfig(cwd, { contentDir: values.content as string | undefined })
  const records: PostmortemRecord[] = []
  let status = 0
  for (const target of positionals) {
    const absolute = path.resolve(cwd, target)
    let bytes: Buffer
    try {
      bytes = await readFile(absolute)
    } catch (error) {
      process.stderr.write(`hindsight inspect: cannot read ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`)
      status = 1
      continue
    }
    const loaded = loadDocument(sourceOf(config.contentDir, absolute), bytes, config)
    if (!loaded.document) {
      process.stderr.write(`hindsight inspect: ${target} is not a readable postmortem: ${loaded.diagnostics.map((d) => d.message).join('; ')}\n`)
      status = 1
      continue
    }
    records.push(loaded.document.record)
    if (!values.json) process.stdout.write(summaryLine(target, loaded.document.record))
  }
  if (values.json) process.stdout.write(`${JSON.stringify(records, null, 2)}\n`)
  return status
}
