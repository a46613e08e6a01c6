import { loadConfig } from '../config.js'
import { UsageError } from '../errors.js'
import { checkPaths } from '../report/check.js'
import { countDiagnostics, formatReport, FORMATS, type ReportFormat } from '../report/format.js'
import { parseCommand } from './spec.js'

/** `hindsight check [FILES|folders] [--strict] [--format text|json|github|gitlab] [--content DIR]` */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('check', args)
  const format = values.format as ReportFormat
  if (!FORMATS.includes(format)) throw new UsageError(`hindsight check: --format must be one of ${FORMATS.join(', ')}`)
  const cwd = process.cwd()
  const config = loadConfig(cwd, { contentDir: values.content as string | undefined })
  const reports = await checkPaths(config, positionals, cwd)
  process.stdout.write(formatReport(format, reports, values.strict === true, process.stdout.isTTY === true && process.stdout.hasColors()))
  return countDiagnostics(reports, values.strict === true).errors > 0 ? 1 : 0
}
