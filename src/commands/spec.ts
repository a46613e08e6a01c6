import { parseArgs, type ParseArgsConfig } from 'node:util'
import { closest, distance } from 'fastest-levenshtein'
import { UsageError } from '../errors.js'
import { FORMATS } from '../report/diagnostic-line.js'

/** One option of a command: what the parser needs, and what `--help` says of it. */
export interface OptionSpec {
  type: 'string' | 'boolean'
  /** Placeholder of the value in help (`DIR`, `N`), for string options. */
  value?: string
  default?: string | boolean
  description: string
}

/** One command: its name, one line of what it does, its positional arguments (as help shows them) and its options. */
export interface CommandSpec {
  name: string
  summary: string
  /** Positional arguments as help shows them, e.g. `[PATHS...]`; absent when the command takes none. */
  positionals?: string
  options: Record<string, OptionSpec>
}

const content: OptionSpec = { type: 'string', value: 'DIR', description: 'folder of postmortems (default: contentDir of the config, else content/)' }

/** Every command, in the order help lists them: the parser and `--help` both read these, so they cannot drift. */
export const COMMANDS: CommandSpec[] = [
  {
    name: 'build',
    summary: 'build the archive into site/ (atomically: a failed build leaves the previous site as it was)',
    options: {
      content,
      out: {
        type: 'string',
        value: 'DIR',
        description: 'output folder (default: outDir of the config, else site/); refused if it holds anything Hindsight did not write',
      },
      base: { type: 'string', value: '/prefix/', description: 'path prefix the site is served under' },
      drafts: { type: 'boolean', description: 'publish drafts too (for a preview deploy)' },
      workers: {
        type: 'string',
        value: 'N',
        description:
          'threads that normalize postmortems: 1 the main thread alone, N >= 2 that many worker threads (default: HINDSIGHT_WORKERS, else one per core, at most 8)',
      },
      quiet: { type: 'boolean', description: 'print errors only: no progress line, no summary' },
      verbose: { type: 'boolean', description: 'print every diagnostic, warnings too, and the time of each phase' },
    },
  },
  {
    name: 'check',
    summary: 'report what Hindsight understood and what it could not, without writing anything',
    positionals: '[PATHS...]',
    options: {
      strict: { type: 'boolean', default: false, description: 'count warnings as errors' },
      format: {
        type: 'string',
        value: FORMATS.join('|'),
        default: 'text',
        description: 'output format; github prints workflow annotations, gitlab a Code Quality report',
      },
      content,
    },
  },
  {
    name: 'dev',
    summary: 'build, serve with live reload, and rebuild what each save touches',
    options: {
      port: { type: 'string', value: 'N', default: '4000', description: 'port to listen on (0: any free port)' },
      host: { type: 'string', value: 'H', default: '127.0.0.1', description: 'address to listen on (loopback unless you say otherwise)' },
      content,
      'no-drafts': { type: 'boolean', default: false, description: 'leave drafts out, as a published build does' },
    },
  },
  {
    name: 'new',
    summary: 'scaffold a postmortem in the content folder',
    positionals: '"Title"',
    options: {
      site: { type: 'string', value: 'S', description: 'site (team or service) it belongs to' },
      tags: { type: 'string', value: 'a,b', description: 'comma-separated tags' },
      date: { type: 'string', value: 'YYYY-MM-DD', description: 'incident date (default: today)' },
      severity: { type: 'string', value: 'S', description: 'severity, e.g. SEV2' },
      content,
    },
  },
  {
    name: 'inspect',
    summary: 'print what the normalizer made of each file',
    positionals: 'FILE...',
    options: {
      json: { type: 'boolean', default: false, description: 'print the normalized records as JSON' },
      content,
    },
  },
]

/** The spec of a command by name, or undefined. */
export const commandSpec = (name: string): CommandSpec | undefined => COMMANDS.find((c) => c.name === name)

/** The nearest of `candidates` to `given` when it is close enough to be a typo, else null. */
export function nearest(given: string, candidates: string[]): string | null {
  if (candidates.length === 0) return null
  const near = closest(given, candidates)
  return distance(given.toLowerCase(), near.toLowerCase()) <= Math.max(2, Math.floor(near.length / 3)) ? near : null
}

const flag = (name: string, option: OptionSpec): string => `--${name}${option.type === 'string' ? ` ${option.value ?? 'VALUE'}` : ''}`

/** One line of synopsis: `build [--content DIR] [--out DIR] ...`. */
export function synopsis(spec: CommandSpec): string {
  return [spec.name, ...(spec.positionals ? [spec.positionals] : []), ...Object.entries(spec.options).map(([name, o]) => `[${flag(name, o)}]`)].join(' ')
}

/** `hindsight <command> --help`. */
export function commandHelp(spec: CommandSpec): string {
  const rows = Object.entries(spec.options).map(
    ([name, o]) => [flag(name, o), o.description + (typeof o.default === 'string' ? ` (default: ${o.default})` : '')] as const,
  )
  rows.push(['-h, --help', 'show this help'])
  const width = Math.max(...rows.map(([left]) => left.length))
  return `Usage: hindsight ${synopsis(spec)}\n\n${spec.summary[0]!.toUpperCase()}${spec.summary.slice(1)}.\n\nOptions:\n${rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`).join('\n')}\n`
}

/** `hindsight --help`: every command with its one line. */
export function overviewHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length))
  return `Usage: hindsight <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

\`hindsight <command> --help\` lists a command's options; \`hindsight --version\` prints the version.
Exit status: 0 ok, 1 content errors, 2 usage, configuration or fatal errors.
`
}

/** Whether the arguments ask for help (before a `--` that ends the options). */
export function wantsHelp(args: string[]): boolean {
  const end = args.indexOf('--')
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h')
}

/**
 * Parses a command's arguments with its spec; an unknown option names the nearest known one, and every mistake is a
 * `UsageError` of one line pointing at `--help`.
 */
export function parseCommand(name: string, args: string[]): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  const spec = commandSpec(name)
  if (!spec) throw new UsageError(`hindsight: no command \`${name}\``)
  const known = Object.keys(spec.options)
  const end = args.indexOf('--')
  for (const arg of end < 0 ? args : args.slice(0, end)) {
    if (!arg.startsWith('-') || arg === '-') continue
    const given = arg.replace(/^--?/, '').split('=')[0]!
    if (Object.hasOwn(spec.options, given)) continue
    const near = nearest(given, known)
    throw new UsageError(`hindsight ${name}: unknown option ${arg.split('=')[0]}${near ? `; did you mean --${near}?` : ''} (see hindsight ${name} --help)`)
  }
  const options: NonNullable<ParseArgsConfig['options']> = {}
  for (const [key, o] of Object.entries(spec.options))
    options[key] = o.default === undefined ? { type: o.type } : ({ type: o.type, default: o.default } as never)
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: spec.positionals !== undefined, strict: true })
    return { values: values as Record<string, string | boolean | undefined>, positionals }
  } catch (cause) {
    const message = (cause as Error).message.split('\n')[0]!.replace(/\.$/, '')
    throw new UsageError(`hindsight ${name}: ${message} (see hindsight ${name} --help)`, { cause })
  }
}
