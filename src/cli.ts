#!/usr/bin/env node
import { debugging } from './debug.js'
import { HindsightError } from './errors.js'
import { commandHelp, commandSpec, COMMANDS, nearest, overviewHelp, wantsHelp } from './commands/spec.js'
import { PACKAGE_VERSION } from './version.js'

const LOADERS: Record<string, () => Promise<{ run: (args: string[]) => Promise<number> }>> = {
  build: () => import('./commands/build.js'),
  check: () => import('./commands/check.js'),
  dev: () => import('./commands/dev.js'),
  new: () => import('./commands/new.js'),
  inspect: () => import('./commands/inspect.js'),
}

async function main([name, ...args]: string[]): Promise<number> {
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${PACKAGE_VERSION}\n`)
    return 0
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const about = name === 'help' && args[0] ? commandSpec(args[0]) : undefined
    ;(name === undefined ? process.stderr : process.stdout).write(about ? commandHelp(about) : overviewHelp())
    return name === undefined ? 2 : 0
  }
  const spec = commandSpec(name)
  const load = Object.hasOwn(LOADERS, name) ? LOADERS[name] : undefined
  if (!spec || !load) {
    const near = nearest(
      name,
      COMMANDS.map((c) => c.name),
    )
    process.stderr.write(
      `hindsight: unknown ${name.startsWith('-') ? 'option' : 'command'} ${name}${near ? `; did you mean ${near}?` : ''} (hindsight --help lists the commands)\n`,
    )
    return 2
  }
  if (wantsHelp(args)) {
    process.stdout.write(commandHelp(spec))
    return 0
  }
  return (await load()).run(args)
}

/** A failure that is the user's to fix (a usage or config mistake, a missing or unreadable path): one line, no stack. */
function userFacing(error: unknown): string | null {
  if (error instanceof HindsightError) return error.message
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) return (error as Error).message
  // File-system errors name their path (ENOENT, EACCES, EISDIR, ENOTDIR...): the path is what the user needs.
  const fsError = error as NodeJS.ErrnoException
  if (fsError instanceof Error && typeof fsError.syscall === 'string' && typeof fsError.path === 'string') return `hindsight: ${fsError.message}`
  return null
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    const line = debugging() ? null : userFacing(error)
    process.stderr.write(line !== null ? `${line}\n` : `${(error as Error).stack ?? String(error)}\n`)
    process.exitCode = 2
  },
)
