import { spawn, spawnSync } from 'node:child_process'
import { appendFileSync, cpSync, existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recoverOutDir } from '../src/site/write.js'
import { makeProject, REPO, siteManifest } from './build-helpers.js'

// Kills `hindsight build` (SIGKILL) at every stage, by hook (HINDSIGHT_TEST_PAUSE_AT) and by timer, and checks that
// site/ is the complete old or the complete new site, and that the next build always converges on the new one.
const p = makeProject(60)
// A private copy of the compiled CLI, so a recompilation of dist/ by a parallel test run cannot change pages mid-test.
const app = path.join(p.root, 'app')
const CLI = path.join(app, 'dist', 'cli.js')
const site = p.config.outDir
const backup = path.join(p.root, 'backup')
type Manifest = Map<string, string>
let oldSite: Manifest

const cliBuild = (): void => {
  const run = spawnSync(process.execPath, [CLI, 'build'], { cwd: p.root, encoding: 'utf8' })
  if (run.status !== 0 && run.status !== 1) throw new Error(`build failed: ${run.stderr}`)
}
const save = (): void => {
  for (const dir of ['site', 'content', 'templates', '.hindsight']) cpSync(path.join(p.root, dir), path.join(backup, dir), { recursive: true })
}
const restore = (): void => {
  for (const dir of ['site', 'content', 'templates', '.hindsight']) {
    rmSync(path.join(p.root, dir), { recursive: true, force: true })
    cpSync(path.join(backup, dir), path.join(p.root, dir), { recursive: true })
  }
}

/** Starts a build and SIGKILLs it when it announces the pause point, or after `ms`; resolves whether it was killed before finishing. */
function killedBuild(at: { point?: string; ms?: number }): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ...(at.point ? { HINDSIGHT_TEST_PAUSE_AT: at.point } : {}) }
    const child = spawn(process.execPath, [CLI, 'build'], { cwd: p.root, env, stdio: ['ignore', 'ignore', 'pipe'] })
    let err = ''
    let killed = false
    const kill = (): void => {
      killed = true
      child.kill('SIGKILL')
    }
    child.stderr.on('data', (d: Buffer) => {
      err += d
      if (at.point && err.includes(`paused at ${at.point}`)) kill()
    })
    const timer = at.ms !== undefined ? setTimeout(kill, at.ms) : null
    child.on('error', reject)
    child.on('close', (code) => {
      if (timer) clearTimeout(timer)
      if (at.point && !killed) reject(new Error(`build finished (${code}) without reaching ${at.point}: ${err}`))
      else resolve(killed && code === null)
    })
  })
}

// `resync`: build the restored old site once more, so the manifest is trusted and the change takes the incremental path.
const scenarios: Array<{ name: string; resync: boolean; change: () => void; points: string[]; timers: number[] }> = [
  {
    name: 'one postmortem edited (journaled in-place commit)',
    resync: true,
    change: () => appendFileSync(path.join(p.config.contentDir, p.files[7]!), '\nA late addition to the timeline discussion.\n'),
    points: ['load', 'before-apply', 'mid-apply'],
    timers: [],
  },
  {
    name: 'layout template changed (every page: staged copy and swap)',
    resync: false,
    change: () => {
      const layout = path.join(p.config.templatesDir, 'layout.eta')
      writeFileSync(layout, readFileSync(layout, 'utf8').replace('</body>', '<!-- v2 --></body>'))
    },
    points: ['load', 'staging', 'before-swap', 'between-renames', 'after-swap'],
    timers: [200, 600, 1200, 2400],
  },
]

beforeAll(() => {
  cpSync(path.join(REPO, 'dist'), path.join(app, 'dist'), { recursive: true })
  cpSync(path.join(REPO, 'package.json'), path.join(app, 'package.json'))
  symlinkSync(path.join(REPO, 'node_modules'), path.join(app, 'node_modules'))
  writeFileSync(path.join(p.root, 'hindsight.config.json'), JSON.stringify({ search: false }))
  cliBuild()
  oldSite = siteManifest(site)
  save()
}, 300_000)
afterAll(() => rmSync(p.root, { recursive: true, force: true }))

describe.each(scenarios)('a build killed while applying: $name', (scenario) => {
  let newSite: Manifest
  beforeAll(() => {
    restore()
    scenario.change()
    cliBuild()
    newSite = siteManifest(site)
    expect(newSite).not.toEqual(oldSite)
  }, 300_000)

  const check = async (at: { point?: string; ms?: number }): Promise<void> => {
    restore()
    if (scenario.resync) cliBuild()
    scenario.change()
    await killedBuild(at)
    if (at.point === 'between-renames') {
      // The one instant with no site/: the two renames of the swap. The next start puts the old site back.
      expect(existsSync(site)).toBe(false)
      recoverOutDir(site)
      expect(siteManifest(site)).toEqual(oldSite)
    } else if (at.point === 'mid-apply') {
      // Journal complete, first file renamed: recovery rolls the small change forward.
      recoverOutDir(site)
      expect(siteManifest(site)).toEqual(newSite)
    } else {
      if (!existsSync(site)) recoverOutDir(site)
      expect([oldSite, newSite]).toContainEqual(siteManifest(site))
    }
    cliBuild()
    expect(siteManifest(site)).toEqual(newSite)
  }

  it.each(scenario.points)(
    'at the `%s` hook: site/ is the complete old or new site (between-renames: absent, mid-apply: mixed, both repaired by recovery), and the next build completes it',
    (point) => check({ point }),
    300_000,
  )
  it.each(scenario.timers)('after %i ms: site/ is the complete old or new site, and the next build completes it', (ms) => check({ ms }), 300_000)
})
