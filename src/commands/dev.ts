import { UsageError } from '../errors.js'
import { startDev } from '../dev/session.js'
import { parseCommand } from './spec.js'

/** `hindsight dev [--port N] [--host H] [--content DIR] [--no-drafts]`: serves on loopback unless `--host` says otherwise; drafts shown with a banner unless `--no-drafts`. */
export async function run(args: string[]): Promise<number> {
  const { values } = parseCommand('dev', args)
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`hindsight dev: --port must be a number from 0 to 65535, not \`${values.port}\``)
  const session = await startDev({
    cwd: process.cwd(),
    overrides: { contentDir: values.content as string | undefined, drafts: values['no-drafts'] !== true },
    port,
    host: values.host as string,
  })
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  console.log(`\n${signal}: stopping (again to force)`)
  process.once(signal, () => process.exit(130))
  await session.close()
  return 0
}
