#!/usr/bin/env node
// npm run bench:normalize: the normalizer's cost per postmortem, in one process, on a seeded synthetic archive
// (bench/generate.mjs) and on ../shared/ when present. Prints the median over passes of ms per file, per set: wall
// time and the process's CPU time (on a shared machine other processes inflate wall time, not CPU time).
// `--stages` also prints each normalize stage's CPU time per file (the median over passes of each stage), timed by the
// optional clock the normalizer takes (src/normalize/stage-clock.ts); `--json` prints the figures as JSON instead.
// Env: NORMALIZE_COUNT=1000  NORMALIZE_PASSES=5  NORMALIZE_DIST=path/to/dist (compare another build's normalizer)
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { generateArchive } from './generate.mjs'

const repo = path.resolve(import.meta.dirname, '..')
const dist = path.resolve(process.env.NORMALIZE_DIST ?? path.join(repo, 'dist'))
const { loadDocument } = await import(pathToFileURL(path.join(dist, 'document.js')).href)
const { DEFAULT_TAG_VOCABULARY } = await import(pathToFileURL(path.join(dist, 'config.js')).href)
const clockModule = path.join(dist, 'normalize', 'stage-clock.js')
const stages = process.argv.includes('--stages')
const json = process.argv.includes('--json')
if (stages && !existsSync(clockModule))
  throw new Error(`${dist} has no stage clock (normalize/stage-clock.js): --stages needs a build from 2026-11-30 or later`)
const { stageClock, cpuMilliseconds } = stages ? await import(pathToFileURL(clockModule).href) : { stageClock: null }
const cpuNow = () => {
  const used = process.cpuUsage()
  return (used.user + used.system) / 1000
}
const count = Number(process.env.NORMALIZE_COUNT ?? 1000)
const passes = Number(process.env.NORMALIZE_PASSES ?? 5)
const options = { defaultTimezone: null, tagVocabulary: DEFAULT_TAG_VOCABULARY }

/** Every file under a folder, as `{ source, bytes }`, read once so the timing holds no I/O. */
function readAll(dir) {
  const out = []
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(md|markdown|txt)$/.test(entry.name) || entry.name === 'README.md') continue
    const file = path.join(entry.parentPath ?? entry.path, entry.name)
    out.push({ source: path.relative(dir, file), bytes: readFileSync(file) })
  }
  return out
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** Median over passes (after one warm-up pass) of wall and CPU ms per file, and with `--stages` of each stage's CPU ms per file. */
function costPerFile(files) {
  const times = []
  const cpuTimes = []
  const perStage = new Map()
  for (let pass = 0; pass <= passes; pass++) {
    const timer = stageClock?.(cpuMilliseconds)
    const run = timer ? { ...options, clock: timer.clock } : options
    const started = performance.now()
    const cpuStarted = cpuNow()
    for (const file of files) loadDocument(file.source, file.bytes, run)
    if (pass === 0) continue
    times.push((performance.now() - started) / files.length)
    cpuTimes.push((cpuNow() - cpuStarted) / files.length)
    for (const [stage, ms] of timer?.totals ?? []) perStage.set(stage, [...(perStage.get(stage) ?? []), ms / files.length])
  }
  return { ms: median(times), cpuMs: median(cpuTimes), stages: new Map([...perStage].map(([stage, list]) => [stage, median(list)])) }
}

/** The per-stage table: a row per stage in normalize order, a column per set, the sum of the stage medians last. */
function stageTable(results) {
  const names = [...new Set(results.flatMap((r) => [...r.stages.keys()]))]
  const rows = [['stage (CPU ms per file)', ...results.map((r) => `${r.name} (${r.files})`)]]
  for (const name of names) rows.push([name, ...results.map((r) => (r.stages.get(name) ?? 0).toFixed(3))])
  rows.push(['sum of stages', ...results.map((r) => [...r.stages.values()].reduce((a, b) => a + b, 0).toFixed(3))])
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  return rows
    .map(
      (r, j) =>
        `| ${r.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |${j === 0 ? `\n|${widths.map((w, i) => (i ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|')}|` : ''}`,
    )
    .join('\n')
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'hindsight-normalize-'))
try {
  generateArchive(scratch, count)
  const sets = [[`synthetic ${count}`, readAll(scratch)]]
  const shared = path.resolve(repo, '../shared')
  for (const name of ['seeds', 'corpus', 'corpus-2']) if (existsSync(path.join(shared, name))) sets.push([name, readAll(path.join(shared, name))])
  const results = []
  for (const [name, files] of sets) {
    const { ms, cpuMs, stages: perStage } = costPerFile(files)
    results.push({ name, files: files.length, ms, cpuMs, stages: perStage })
    if (!json)
      console.log(
        `${name.padEnd(16)} ${String(files.length).padStart(5)} files  ${ms.toFixed(3)} ms per file, CPU ${cpuMs.toFixed(3)} ms (median of ${passes} passes)`,
      )
  }
  if (json) console.log(JSON.stringify({ dist, passes, sets: results.map((r) => ({ ...r, stages: Object.fromEntries(r.stages) })) }))
  else if (stages) console.log(`\n${stageTable(results)}`)
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
