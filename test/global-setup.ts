import { execFileSync } from 'node:child_process'

/** Compiles the CLI once so tests that spawn `dist/cli.js` run the current sources. */
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' })
}
