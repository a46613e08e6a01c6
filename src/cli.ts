#!/usr/bin/env node
import { HindsightError } from './errors.js'

const COMMANDS: Record<string, () => Promise<{ run: (args: string[]) => Promise<number> }>> = {
  build: () => import('./commands/build.js'),
  check: () => import('./commands/check.js'),
  dev: () => import('./commands/dev.js'),
  new: () => import('./commands/new.js'),
  inspect: () => import('./commands/inspect.js'),
}

const USAGE = `Usage: hindsight <command> [options]

  build [--content DIR] [--out DIR] [--base /prefix/] [--drafts]  build the archive into site/
  check [PATHS] [--strict] [--format text|json|github|gitlab] report what Hindsight understood
  dev [--port N] [--host H] [--content DIR] [--no-drafts]    serve on 127.0.0.1 with live reload
  new "Title" [--site S] [--tags a,b] [--date YYYY-MM-DD]     scaffold a postmortem in content/
  inspect --json FILE...                                     print normalized records

Exit status: 0 ok, 1 content errors, 2 usage, configuration or fatal errors.
`

async function main([name, ...args]: string[]): Promise<number> {
  const load = name ? COMMANDS[name] : undefined
  if (!load) {
    const help = name === '--help' || name === '-h'
    ;(help ? process.stdout : process.stderr).write(USAGE)
    return help ? 0 : 2
  }
  return (await load()).run(args)
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code },
  (error: unknown) => {
    const known = error instanceof HindsightError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    process.stderr.write(known ? `${(error as Error).message}\n` : `${(error as Error).stack ?? String(error)}\n`)
    process.exitCode = 2
  },
)
